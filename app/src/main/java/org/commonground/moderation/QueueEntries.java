package org.commonground.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.commonground.statement.QueueItem;
import org.commonground.translation.Translations;
import org.commonground.web.Language;

/**
 * Builds what the moderator sees of queued statements: each with its translations, the one into
 * the moderator's language, its author's cohort and its near-duplicates; and the duplicate
 * clusters among them. Near-duplicates come from the text feature through {@link NearDuplicates}.
 */
final class QueueEntries {
    private final ModerationDesk moderation;
    private final Translations translations;
    private final NearDuplicates near;
    private final AuthorCohorts cohorts;

    QueueEntries(ModerationDesk moderation, Translations translations, NearDuplicates near, AuthorCohorts cohorts) {
        this.moderation = moderation;
        this.translations = translations;
        this.near = near;
        this.cohorts = cohorts;
    }

    List<QueueEntry> of(long conversationId, List<QueueItem> items, Language reader) {
        List<Long> ids = items.stream().map(QueueItem::id).toList();
        Map<Long, List<NearDuplicates.Near>> alike = near.of(conversationId, ids);
        Map<Long, QueueItem> others = byId(conversationId, alike);
        Map<Long, Map<String, String>> authors = cohorts.of(
                conversationId,
                items.stream()
                        .map(QueueItem::authorParticipantId)
                        .filter(Objects::nonNull)
                        .toList());
        List<QueueEntry> out = new ArrayList<>();
        for (QueueItem i : items) {
            out.add(entry(conversationId, i, reader, alike.getOrDefault(i.id(), List.of()), others, authors));
        }
        return out;
    }

    QueueEntry one(long conversationId, QueueItem item, Language reader) {
        return of(conversationId, List.of(item), reader).getFirst();
    }

    private QueueEntry entry(
            long conversationId,
            QueueItem i,
            Language reader,
            List<NearDuplicates.Near> alike,
            Map<Long, QueueItem> others,
            Map<Long, Map<String, String>> authors) {
        List<Translations.TranslationView> all = translations.of(conversationId, i.id());
        Translations.TranslationView forReader = i.lang().equals(reader.code())
                ? null
                : all.stream()
                        .filter(t -> t.lang().equals(reader.code()) && t.state().equals("approved"))
                        .min(Comparator.comparing((Translations.TranslationView t) ->
                                        !t.kind().equals("human"))
                                .thenComparing(t -> -t.id()))
                        .orElse(null);
        List<QueueEntry.Alike> near = alike.stream()
                .filter(n -> others.containsKey(n.statementId()))
                .map(n -> new QueueEntry.Alike(others.get(n.statementId()), n.score()))
                .toList();
        Map<String, String> cohort =
                i.authorParticipantId() == null ? Map.of() : authors.getOrDefault(i.authorParticipantId(), Map.of());
        return new QueueEntry(i, all, forReader, cohort, near);
    }

    private Map<Long, QueueItem> byId(long conversationId, Map<Long, List<NearDuplicates.Near>> alike) {
        Set<Long> wanted = new HashSet<>();
        alike.values().forEach(list -> list.forEach(n -> wanted.add(n.statementId())));
        Map<Long, QueueItem> out = new HashMap<>();
        moderation.items(conversationId, wanted).forEach(i -> out.put(i.id(), i));
        return out;
    }

    /**
     * The clusters of near-duplicates among the whole queue of statements in {@code states} and the
     * statements alike them: connected groups of the "alike" relation, two statements or more,
     * those with a pending statement first.
     */
    List<DuplicateCluster> clusters(long conversationId, Set<String> states) {
        Map<Long, List<NearDuplicates.Near>> alike = near.ofAll(conversationId, states);
        Map<Long, Long> parent = new HashMap<>();
        List<DuplicateCluster.Link> links = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        alike.forEach((id, list) -> {
            for (NearDuplicates.Near n : list) {
                union(parent, id, n.statementId());
                String key = Math.min(id, n.statementId()) + ":" + Math.max(id, n.statementId());
                if (seen.add(key)) {
                    links.add(new DuplicateCluster.Link(id, n.statementId(), n.score()));
                }
            }
        });
        Map<Long, QueueItem> members = new HashMap<>();
        moderation.items(conversationId, parent.keySet()).forEach(i -> members.put(i.id(), i));
        Map<Long, List<QueueItem>> groups = new TreeMap<>();
        for (long id : parent.keySet()) {
            if (members.containsKey(id)) {
                groups.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(members.get(id));
            }
        }
        Map<Long, List<DuplicateCluster.Link>> linksByGroup = new LinkedHashMap<>();
        for (DuplicateCluster.Link l : links) {
            linksByGroup
                    .computeIfAbsent(root(parent, l.statementId()), r -> new ArrayList<>())
                    .add(l);
        }
        List<DuplicateCluster> out = new ArrayList<>();
        groups.forEach((root, statements) -> {
            if (statements.size() > 1) {
                statements.sort(Comparator.comparing(QueueItem::createdAt).thenComparingLong(QueueItem::id));
                out.add(new DuplicateCluster(
                        List.copyOf(statements), List.copyOf(linksByGroup.getOrDefault(root, List.of()))));
            }
        });
        out.sort(Comparator.comparing((DuplicateCluster c) ->
                        c.statements().stream().noneMatch(s -> s.state().equals("pending")))
                .thenComparingLong(c -> c.statements().getFirst().id()));
        return out;
    }

    private static long root(Map<Long, Long> parent, long id) {
        long r = id;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        return r;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        long ra = root(parent, a);
        long rb = root(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
