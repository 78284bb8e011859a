package org.commonground.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;
import org.jdbi.v3.core.Jdbi;

/** The next statement for a participant, in their language, with how far along they are. */
public final class NextStatement {
    private final Jdbi jdbi;
    private final ShownStatements shown;
    private final VoteCounts counts;
    private final Extremity extremity;
    private final Supplier<RandomGenerator> random;

    NextStatement(Jdbi jdbi, ShownStatements shown, Extremity extremity, Supplier<RandomGenerator> random) {
        this.jdbi = jdbi;
        this.shown = shown;
        this.counts = new VoteCounts(jdbi);
        this.extremity = extremity;
        this.random = random;
    }

    /** Statements voted on out of those there are to vote on (accepted ones). */
    public record Progress(int voted, int total) {}

    /** The next statement, or null when the participant has voted on every accepted one. */
    public record Next(ShownStatements.Shown statement, Progress progress) {}

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
            priorities[i] = StatementChoice.priority(n.agree(), n.pass(), n.seen(),
                    extremity.of(participant.conversationId(), id));
        }
        long chosen = open.get(StatementChoice.draw(priorities, random.get()));
        // Rejected since the candidates were read: choose again among those still accepted.
        return shown.one(chosen, Language.parse(lang).orElseThrow()).map(s -> new Next(s, progress))
                .orElseGet(() -> next(participant, lang));
    }

}
