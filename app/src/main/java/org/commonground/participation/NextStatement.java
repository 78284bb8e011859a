package org.commonground.participation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.commonground.statement.Statements;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;

/** The next statement for a participant, in their language, with how far along they are. */
public final class NextStatement {
    private final Statements statements;
    private final VoteStore votes;
    private final ShownStatements shown;
    private final VoteCounts counts;
    private final Extremity extremity;
    private final Supplier<RandomGenerator> random;

    NextStatement(
            Statements statements,
            VoteStore votes,
            ShownStatements shown,
            Extremity extremity,
            Supplier<RandomGenerator> random,
            Clock clock) {
        this.statements = statements;
        this.votes = votes;
        this.shown = shown;
        this.counts = new VoteCounts(votes, clock);
        this.extremity = extremity;
        this.random = random;
    }

    /** Statements voted on out of those there are to vote on (accepted ones). */
    public record Progress(int voted, int total) {}

    /** The next statement, or null when the participant has voted on every accepted one. */
    public record Next(ShownStatements.Shown statement, Progress progress) {}

    public Next next(Participant participant, String lang) {
        List<Long> accepted = statements.acceptedIdsFor(participant.conversationId(), participant.id());
        Set<Long> voted = votes.votedOn(participant.id());
        List<Long> open = new ArrayList<>();
        for (long id : accepted) {
            if (!voted.contains(id)) {
                open.add(id);
            }
        }
        Progress progress = new Progress(accepted.size() - open.size(), accepted.size());
        if (open.isEmpty()) {
            return new Next(null, progress);
        }
        Map<Long, VoteCounts.Count> seen = counts.of(participant.conversationId());
        double[] priorities = new double[open.size()];
        for (int i = 0; i < priorities.length; i++) {
            long id = open.get(i);
            VoteCounts.Count n = VoteCounts.count(seen, id);
            priorities[i] = StatementChoice.priority(
                    n.agree(), n.pass(), n.seen(), extremity.of(participant.conversationId(), id));
        }
        long chosen = open.get(StatementChoice.draw(priorities, random.get()));
        // Rejected since the candidates were read: choose again among those still accepted.
        return shown.one(chosen, Language.parse(lang).orElseThrow())
                .map(s -> new Next(s, progress))
                .orElseGet(() -> next(participant, lang));
    }
}
