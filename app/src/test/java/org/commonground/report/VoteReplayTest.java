package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's replay of the vote history counts current votes, as the engine does. */
class VoteReplayTest {

    @Test
    void aChangedVoteReplacesTheEarlierOneInTheGroupsTally() {
        var inputs = ReportViewTest.twoCampConversation();
        var result = inputs.snapshot().result();
        long member = result.groups().getFirst().participants().get(0);
        int group = result.groups().getFirst().id();
        VoteReplay.Replayer replayer = VoteReplay.of(result, inputs.cohortOf(), inputs.cohortValues(), 10);

        replayer.vote(member, 9, 1, 1_000);
        replayer.vote(member, 9, -1, 2_000);
        replayer.vote(member, 9, -1, 3_000);
        VoteReplay replay = replayer.finish();

        assertThat(replay.groupTally(group, 9)).containsExactly(0, 1, 0);
        assertThat(replay.groupTally(group, 999)).containsExactly(0, 0, 0);
    }

    @Test
    void pairsOfSizeableCohortsKeepTheDimensionsOrderAndSmallCohortsMakeNoPair() {
        var inputs = HonestReportTest.inputs();

        List<VoteReplay.PairSeries> pairs = inputs.replay().pairs();

        assertThat(pairs).extracting(p -> p.first() + "–" + p.second()).containsExactly("JP–KR", "JP–US", "KR–US");
        VoteReplay.PairSeries jpKr = pairs.getFirst();
        int last = jpKr.gap().length - 1;
        assertThat(jpKr.gap()[last]).isBetween(jpKr.low()[last], jpKr.high()[last]);
        assertThat(jpKr.statements()[last]).isEqualTo(13);
    }
}
