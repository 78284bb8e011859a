package org.commonground.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A dialogue's rounds as the cross-round analysis reads them: each round's votes, cohorts and
 * (optionally) its engine result for the opinion groups; who returned; which statements carried over.
 *
 * <p>People and carried statements are given as columns, one primitive array per round, so that a
 * dialogue of a million returning people costs a few arrays rather than a million objects:
 * {@code participantIds[r][j]} is person j's participant id in round r and
 * {@code statementIds[r][k]} is carried statement k's id in round r, each −1 where absent. Only people
 * in that table are followed across rounds; a round's participant missing from it still counts in that
 * round's per-round tallies. Immutable once built.
 */
public final class RoundSeries {
    final VoteMatrix[] votes;
    final Cohorts[] cohorts;
    final AnalysisResult[] results;
    final long[][] participantIds;
    final long[][] statementIds;

    private RoundSeries(
            VoteMatrix[] votes,
            Cohorts[] cohorts,
            AnalysisResult[] results,
            long[][] participantIds,
            long[][] statementIds) {
        this.votes = votes;
        this.cohorts = cohorts;
        this.results = results;
        this.participantIds = participantIds;
        this.statementIds = statementIds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Rounds, ≥ 1. */
    public int roundCount() {
        return votes.length;
    }

    /** People followed across rounds (the length of each column of the people table), ≥ 0. */
    public int personCount() {
        return participantIds[0].length;
    }

    /** Carried-over statements (the length of each column of the statement table), ≥ 0. */
    public int carriedCount() {
        return statementIds[0].length;
    }

    /** Carried statement k's id in round r, or −1 when it was not in that round. */
    public long statementId(int round, int carried) {
        return statementIds[round][carried];
    }

    /** Collects rounds in order (round 0 first). Not thread-safe. */
    public static final class Builder {
        private final List<VoteMatrix> votes = new ArrayList<>();
        private final List<Cohorts> cohorts = new ArrayList<>();
        private final List<AnalysisResult> results = new ArrayList<>();
        private long[][] participantIds;
        private long[][] statementIds;

        private Builder() {}

        /**
         * Adds the next round.
         *
         * @param result the engine's result for these votes, whose opinion groups the transition table
         *               uses; null when the round was not analysed (no transitions into or out of it)
         */
        public Builder round(VoteMatrix roundVotes, Cohorts roundCohorts, AnalysisResult result) {
            if (roundVotes == null) {
                throw new IllegalArgumentException("a round needs its votes");
            }
            votes.add(roundVotes);
            cohorts.add(roundCohorts == null ? Cohorts.none() : roundCohorts);
            results.add(result);
            return this;
        }

        /** {@code ids[r][j]}: person j's participant id in round r, −1 where absent. Copied. */
        public Builder people(long[][] ids) {
            participantIds = copy(ids);
            return this;
        }

        /** {@code ids[r][k]}: carried statement k's id in round r, −1 where absent. Copied. */
        public Builder carried(long[][] ids) {
            statementIds = copy(ids);
            return this;
        }

        public RoundSeries build() {
            int rounds = votes.size();
            if (rounds == 0) {
                throw new IllegalArgumentException("a series needs at least one round");
            }
            long[][] people = participantIds == null ? new long[rounds][0] : participantIds;
            long[][] statements = statementIds == null ? new long[rounds][0] : statementIds;
            checkColumns("people", people, rounds);
            checkColumns("carried statements", statements, rounds);
            return new RoundSeries(
                    votes.toArray(VoteMatrix[]::new),
                    cohorts.toArray(Cohorts[]::new),
                    results.toArray(AnalysisResult[]::new),
                    people,
                    statements);
        }

        private static long[][] copy(long[][] ids) {
            if (ids == null) {
                throw new IllegalArgumentException("the id table must not be null");
            }
            long[][] out = new long[ids.length][];
            for (int r = 0; r < ids.length; r++) {
                if (ids[r] == null) {
                    throw new IllegalArgumentException("round " + r + " of the id table is null");
                }
                out[r] = ids[r].clone();
            }
            return out;
        }

        private static void checkColumns(String what, long[][] ids, int rounds) {
            if (ids.length != rounds) {
                throw new IllegalArgumentException(what + ": " + ids.length + " columns for " + rounds + " rounds");
            }
            for (long[] column : ids) {
                if (column.length != ids[0].length) {
                    throw new IllegalArgumentException(what + ": every round's column must have the same length");
                }
            }
        }
    }
}
