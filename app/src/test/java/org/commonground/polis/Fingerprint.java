package org.commonground.polis;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.Voter;

/**
 * What a round trip must keep, in a form that compares with equals: every statement (id, text in
 * the normal form every stored statement has, author, moderation, time), every current vote, every
 * vote event, and every cohort value.
 */
record Fingerprint(
        Map<Integer, String> statements,
        Set<String> currentVotes,
        List<String> events,
        Map<Integer, Map<String, String>> cohorts) {

    static Fingerprint of(PolisExport export) {
        Map<Integer, String> statements = new TreeMap<>();
        for (Comment c : export.comments()) {
            String text = Normalizer.normalize(c.text(), Normalizer.Form.NFC).strip();
            statements.put(c.id(), c.timestamp() + "|" + c.authorId() + "|" + c.moderation() + "|" + text);
        }
        Set<String> current =
                export.latestVotes().stream().map(Fingerprint::vote).collect(Collectors.toCollection(TreeSet::new));
        List<String> events = export.votes().stream()
                .map(v -> v.timestamp() + "@" + vote(v))
                .sorted()
                .toList();
        Map<Integer, Map<String, String>> cohorts = new TreeMap<>();
        for (Voter p : export.participants()) {
            if (!p.cohorts().isEmpty()) {
                cohorts.put(p.id(), new TreeMap<>(p.cohorts()));
            }
        }
        return new Fingerprint(statements, current, events, cohorts);
    }

    private static String vote(VoteEvent v) {
        return v.voterId() + "/" + v.commentId() + "=" + v.value();
    }
}
