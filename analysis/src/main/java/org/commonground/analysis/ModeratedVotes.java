package org.commonground.analysis;

import java.util.Arrays;

/**
 * Who voted on statements that were moderated out, for {@link AnalysisOptions.Method#POLIS}: Pol.is
 * zeroes those statements' columns instead of removing them, so each still counts as a column of
 * the map for everyone and as a vote towards its voter's admission. The {@link VoteMatrix} leaves
 * those votes out; this keeps only what the rules need: per participant, the number of distinct
 * moderated-out statements they voted on, and how many such statements anyone voted on.
 */
public final class ModeratedVotes {
    public static final ModeratedVotes NONE = new ModeratedVotes(new long[0], new int[0], 0);

    private final long[] participantIds;
    private final int[] votes;
    private final int statements;

    private ModeratedVotes(long[] participantIds, int[] votes, int statements) {
        this.participantIds = participantIds;
        this.votes = votes;
        this.statements = statements;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Moderated-out statements with at least one vote: Pol.is's zeroed columns, ≥ 0. */
    public int statements() {
        return statements;
    }

    /** Distinct moderated-out statements the participant voted on, ≥ 0. */
    public int votesOf(long participantId) {
        int i = Arrays.binarySearch(participantIds, participantId);
        return i >= 0 ? votes[i] : 0;
    }

    /** Collects (participant, statement) pairs in any order; repeats (a changed vote) count once. Not thread-safe. */
    public static final class Builder {
        private long[] participant = new long[64];
        private long[] statement = new long[64];
        private int size;

        private Builder() {}

        public Builder vote(long participantId, long statementId) {
            if (size == participant.length) {
                participant = Arrays.copyOf(participant, size * 2);
                statement = Arrays.copyOf(statement, size * 2);
            }
            participant[size] = participantId;
            statement[size] = statementId;
            size++;
            return this;
        }

        public ModeratedVotes build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(
                    order,
                    (a, b) -> participant[a] != participant[b]
                            ? Long.compare(participant[a], participant[b])
                            : Long.compare(statement[a], statement[b]));
            long[] ids = new long[size];
            int[] counts = new int[size];
            int people = 0;
            for (int j = 0; j < size; j++) {
                int i = order[j];
                boolean repeat =
                        j > 0 && participant[order[j - 1]] == participant[i] && statement[order[j - 1]] == statement[i];
                if (repeat) {
                    continue;
                }
                if (people == 0 || ids[people - 1] != participant[i]) {
                    ids[people++] = participant[i];
                }
                counts[people - 1]++;
            }
            long[] statementIds = Arrays.copyOf(statement, size);
            Arrays.sort(statementIds);
            int distinct = 0;
            for (int j = 0; j < size; j++) {
                if (j == 0 || statementIds[j] != statementIds[j - 1]) {
                    distinct++;
                }
            }
            return new ModeratedVotes(Arrays.copyOf(ids, people), Arrays.copyOf(counts, people), distinct);
        }
    }
}
