package org.commonground.participation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.commonground.moderation.Duplicates;
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
    private final Duplicates duplicates;

    NextStatement(
            Statements statements,
            VoteStore votes,
            ShownStatements shown,
            Extremity extremity,
            Supplier<RandomGenerator> random,
            Clock clock,
            Duplicates duplicates) {
        this.duplicates = duplicates;
        this.statements = statements;
        this.votes = votes;
        this.shown = shown;
        this.counts = new VoteCounts(votes, clock);
        this.extremity = extremity;
        this.random = random;
    }

    /** Statements voted on out of those there are to vote on (accepted ones). */
    public record Progress(int voted, int total) {}

    /**
     * The next statement, or null when the participant has voted on every accepted one.
     *
     * @param offeredFor the statement this participant voted on that moderators rejected as a
     *                   duplicate of {@code statement}, which is why it comes first; null otherwise
     */
    public record Next(ShownStatements.Shown statement, Progress progress, Long offeredFor) {
        public Next(ShownStatements.Shown statement, Progress progress) {
            this(statement, progress, null);
        }
    }

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
        // Who voted on a statement rejected as a duplicate is offered its original first.
        Set<Long> openSet = Set.copyOf(open);
        Map<Long, Long> originals = duplicates.originals(participant.conversationId());
        long duplicate = -1;
        long original = -1;
        for (Map.Entry<Long, Long> d : originals.entrySet()) {
            if (voted.contains(d.getKey())
                    && openSet.contains(d.getValue())
                    && (original < 0 || d.getValue() < original)) {
                duplicate = d.getKey();
                original = d.getValue();
            }
        }
        if (original >= 0) {
            long offeredFor = duplicate;
            java.util.Optional<Next> pointed =
                    shown.one(original, Language.parse(lang).orElseThrow()).map(s -> new Next(s, progress, offeredFor));
            if (pointed.isPresent()) {
                return pointed.get();
            }
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
