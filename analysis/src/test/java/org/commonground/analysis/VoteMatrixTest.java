package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoteMatrixTest {
    @Test
    void theLatestVoteOfAParticipantOnAStatementWins() {
        var votes = VoteMatrix.builder()
                .vote(7, 3, 1, 2_000)
                .vote(7, 3, -1, 5_000)
                .vote(7, 3, 0, 4_000)
                .build();

        assertThat(votes.vote(7, 3)).hasValue(-1);
        assertThat(votes.voteCount()).isEqualTo(1);
    }

    @Test
    void withEqualTimestampsTheVoteAddedLastWins() {
        var votes =
                VoteMatrix.builder().vote(7, 3, 1, 2_000).vote(7, 3, -1, 2_000).build();

        assertThat(votes.vote(7, 3)).hasValue(-1);
    }

    @Test
    void idsAreMappedToIndicesInAscendingOrderWhateverTheOrderOfVotes() {
        var votes = VoteMatrix.builder()
                .vote(900, 42, 1, 0)
                .vote(5, 17, -1, 0)
                .vote(300, 99, 0, 0)
                .build();

        assertThat(votes.participantId(0)).isEqualTo(5);
        assertThat(votes.participantId(2)).isEqualTo(900);
        assertThat(votes.statementIndex(42)).isEqualTo(1);
        assertThat(votes.participantIndex(123)).isEqualTo(-1);
    }

    @Test
    void aDeclaredStatementWithoutVotesIsInTheMath() {
        var votes = VoteMatrix.builder().statement(8).vote(1, 2, 1, 0).build();

        assertThat(votes.statementCount()).isEqualTo(2);
        assertThat(votes.statementIndex(8)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void rejectedStatementsAndTheirVotesLeaveTheMath() {
        var votes = VoteMatrix.builder()
                .vote(1, 2, 1, 0)
                .vote(1, 3, 1, 0)
                .vote(4, 3, -1, 0)
                .reject(3)
                .build();

        assertThat(votes.statementCount()).isEqualTo(1);
        assertThat(votes.voteCount()).isEqualTo(1);
        assertThat(votes.participantCount())
                .as("participant 4 only voted on the rejected statement")
                .isEqualTo(1);
    }

    @Test
    void voteValuesOtherThanMinusOneZeroOrOneAreRefused() {
        assertThatThrownBy(() -> VoteMatrix.builder().vote(1, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowsKeepOnlyVotesCastByTheirEnd() {
        var votes = VoteMatrix.builder()
                .vote(1, 1, 1, 10_000)
                .vote(1, 2, 1, 20_000)
                .vote(2, 1, -1, 70_000)
                .build();

        var firstMinute = votes.until(59);

        assertThat(firstMinute.voteCount()).isEqualTo(2);
        assertThat(firstMinute.participantCount())
                .as("indices line up with the full matrix")
                .isEqualTo(2);
        assertThat(firstMinute.votesOf(1)).isZero();
    }

    @Test
    void eachVoteIsHeldInEightBytes() {
        var votes = Conversations.random(200, 50, 0.5, 1);

        assertThat(VoteMatrix.bytesPerVote()).isEqualTo(8);
        assertThat(votes.memoryBytes()).isLessThan(16L * votes.voteCount());
    }

    @Test
    void moreVotesThanOneBlockOfTheBuilderKeepTheLatestOfEachCell() {
        // 1.2 M votes fill the builder's first block (1 Mi votes) and part of the next; then every
        // seventh cell is voted again, earlier or later than the first vote, across the boundary.
        var builder = VoteMatrix.builder();
        for (int p = 0; p < 12_000; p++) {
            for (int s = 0; s < 100; s++) {
                builder.vote(1_000_000 + p, 50 + s, (p + s) % 3 - 1, 10_000L * s + p);
            }
        }
        for (int p = 0; p < 12_000; p += 7) {
            builder.vote(1_000_000 + p, 50 + p % 100, 1, p % 2 == 0 ? 5_000_000L : 0);
        }

        var votes = builder.build();

        assertThat(votes.voteCount()).isEqualTo(1_200_000);
        for (int p = 0; p < 12_000; p += 7) {
            int s = p % 100;
            assertThat(votes.vote(1_000_000 + p, 50 + s))
                    .as("participant %d", p)
                    .hasValue(p % 2 == 0 ? 1 : (p + s) % 3 - 1);
        }
        assertThat(votes.vote(1_011_999, 149)).hasValue((11_999 + 99) % 3 - 1);
        assertThat(votes.firstVote().toEpochMilli())
                .as("participant 0 voted again later; participant 1 is next")
                .isEqualTo(1);
    }
}
