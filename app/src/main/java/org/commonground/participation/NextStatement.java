package org.commonground.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;

/** The next statement for a participant, in their language, with how far along they are. */
public final class NextStatement {
    private final Jdbi jdbi;
    private final VoteCounts counts;
    private final Extremity extremity;
    private final Supplier<RandomGenerator> random;

    public NextStatement(Jdbi jdbi, Extremity extremity, Supplier<RandomGenerator> random) {
        this.jdbi = jdbi;
        this.counts = new VoteCounts(jdbi);
        this.extremity = extremity;
        this.random = random;
    }

    /**
     * A statement as a participant reads it.
     *
     * @param text         what to show: the translation into {@code lang}, or the original
     * @param translation  {@code human} (an approved human translation), {@code machine} (an
     *                     approved machine translation) or {@code original} (no translation used)
     * @param service      the machine translation service's name, null for other translations
     */
    public record StatementView(long id, String text, String lang, String originalText, String originalLang,
                                String translation, String service) {}

    /** Statements voted on out of those there are to vote on (accepted ones). */
    public record Progress(int voted, int total) {}

    /** The next statement, or null when the participant has voted on every accepted one. */
    public record Next(StatementView statement, Progress progress) {}

    public Next next(Participant participant, String lang) {
        record Candidate(long id, boolean voted) {}
        List<Candidate> all = jdbi.withHandle(h -> h.createQuery("""
                SELECT s.id, EXISTS (SELECT 1 FROM current_vote v
                                     WHERE v.participant_id = :p AND v.statement_id = s.id) AS voted
                FROM statement s
                WHERE s.conversation_id = :c AND s.moderation_state = 'accepted'""")
                .bind("p", participant.id()).bind("c", participant.conversationId())
                .map((rs, ctx) -> new Candidate(rs.getLong(1), rs.getBoolean(2)))
                .list());
        List<Long> open = new ArrayList<>();
        for (Candidate c : all) {
            if (!c.voted()) {
                open.add(c.id());
            }
        }
        Progress progress = new Progress(all.size() - open.size(), all.size());
        if (open.isEmpty()) {
            return new Next(null, progress);
        }
        Map<Long, VoteCounts.Count> seen = counts.of(participant.conversationId());
        double[] priorities = new double[open.size()];
        for (int i = 0; i < priorities.length; i++) {
            long id = open.get(i);
            VoteCounts.Count n = VoteCounts.count(seen, id);
            priorities[i] = Routing.priority(n.agree(), n.pass(), n.seen(),
                    extremity.of(participant.conversationId(), id));
        }
        long chosen = open.get(Routing.draw(priorities, random.get()));
        return new Next(view(chosen, lang), progress);
    }

    /** The statement in {@code lang}: an approved human translation first, then a machine one, else the original. */
    StatementView view(long statementId, String lang) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.id, s.text, s.lang, t.text AS translated, t.kind, t.service
                FROM statement s
                LEFT JOIN LATERAL (SELECT t.text, t.kind, t.service FROM translation t
                                   WHERE t.statement_id = s.id AND t.lang = :lang AND t.state = 'approved'
                                   ORDER BY t.kind = 'human' DESC LIMIT 1) t ON s.lang <> :lang
                WHERE s.id = :id""")
                .bind("id", statementId).bind("lang", lang)
                .map((rs, ctx) -> {
                    String translated = rs.getString("translated");
                    String original = rs.getString("text");
                    String originalLang = rs.getString("lang");
                    return translated == null
                            ? new StatementView(statementId, original, originalLang, original, originalLang, "original", null)
                            : new StatementView(statementId, translated, lang, original, originalLang, rs.getString("kind"),
                                    rs.getString("service"));
                })
                .one());
    }
}
