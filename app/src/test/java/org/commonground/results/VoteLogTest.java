package org.commonground.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.analysis.VoteMatrix;
import org.junit.jupiter.api.Test;

class VoteLogTest {

    @Test
    void firstVotesAreEachParticipantsEarliestVoteOnAnyStatement() {
        VoteLog log = new VoteLog();
        log.add(7, 10, 1, 5_000);
        log.add(8, 10, -1, 2_000);
        log.add(7, 11, 0, 1_000); // reported late: earlier than the vote before it in the log
        log.add(8, 10, 1, 9_000); // a changed vote is not a first one
        for (long p = 100; p < 400; p++) { // enough participants to make the table probe and wrap
            log.add(p, 12, 1, 10_000 + p);
        }

        FirstVotes first = log.snapshot().firstVotes();

        java.util.Map<Long, Long> at = new java.util.HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            at.put(first.participants()[i], first.atMillis()[i]);
        }
        assertThat(first.size()).isEqualTo(302);
        assertThat(at).containsEntry(7L, 1_000L).containsEntry(8L, 2_000L).containsEntry(399L, 10_399L);
    }

    @Test
    void aVoteBothLoadedAndReportedWhileLoadingCountsOnce() {
        VoteLog loaded = new VoteLog();
        loaded.add(1, 10, 1, 1_000);
        loaded.add(2, 10, -1, 2_000);
        VoteLog reported = new VoteLog();
        reported.add(2, 10, -1, 2_000); // committed just before the load read the table
        reported.add(3, 11, 0, 3_000);

        VoteLog merged = loaded.followedBy(reported);

        assertThat(merged.size()).isEqualTo(3);
        VoteMatrix m = merged.snapshot().matrix(new long[] {10, 11});
        assertThat(m.voteCount()).isEqualTo(3);
        assertThat(m.vote(3, 11)).hasValue(0);
    }

    @Test
    void aLoadedVoteReportedOnlyAfterTheMergeCountsOnce() {
        VoteLog loaded = new VoteLog();
        loaded.add(1, 10, 1, 100_000);
        loaded.add(2, 10, -1, 200_000); // committed before the load read the table, reported after the merge
        VoteLog merged = loaded.followedBy(new VoteLog());

        boolean late = merged.addReported(2, 10, -1, 200_000);
        boolean fresh = merged.addReported(3, 10, 1, 200_000);
        boolean again = merged.addReported(2, 10, -1, 200_000); // the same participant really voting again

        assertThat(late).isFalse();
        assertThat(fresh).isTrue();
        assertThat(again).as("a late report is skipped only once").isTrue();
        assertThat(merged.size()).isEqualTo(4);
    }

    @Test
    void theMatrixKeepsTheLatestVoteAndOnlyStatementsInTheMath() {
        VoteLog log = new VoteLog();
        log.add(1, 10, 1, 1_000);
        log.add(1, 10, -1, 5_000);
        log.add(1, 12, 1, 6_000); // a statement moderated out
        for (int i = 0; i < 1_000; i++) {
            log.add(100 + i, 10, 1, 7_000 + i); // past the initial capacity
        }

        VoteLog.Entries before = log.snapshot();
        log.add(2, 10, 1, 9_999);
        VoteMatrix m = before.matrix(new long[] {10, 11});

        assertThat(before.size()).isEqualTo(1_003);
        assertThat(m.vote(1, 10)).hasValue(-1);
        assertThat(m.statementIndex(12)).isEqualTo(-1);
        assertThat(m.statementCount()).isEqualTo(2);
        assertThat(m.participantIndex(2)).as("appended after the snapshot").isEqualTo(-1);
    }
}
