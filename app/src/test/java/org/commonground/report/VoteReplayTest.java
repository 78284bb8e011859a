package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;
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

    @Test
    void votesCastWithinTheLastSecondOfAWindowCountInIt() {
        // arrange: 12 in Japan agree and 12 in Korea disagree, every vote within 900 ms of the first
        long t0 = 1_796_000_000_123L;
        VoteMatrix.Builder votes = VoteMatrix.builder();
        Cohorts.Builder cohorts = Cohorts.builder();
        Map<Long, String> cohortOf = new HashMap<>();
        List<long[]> cast = new java.util.ArrayList<>();
        for (long p = 1; p <= 24; p++) {
            String country = p <= 12 ? "JP" : "KR";
            cohorts.assign(p, "country", country);
            cohortOf.put(p, country);
            for (long s = 1; s <= 3; s++) {
                long[] vote = {p, s, p <= 12 ? 1 : -1, t0 + p * 30 + s};
                votes.vote(vote[0], vote[1], (int) vote[2], vote[3]);
                cast.add(vote);
            }
        }
        var result = Analysis.run(votes.build(), cohorts.build(), AnalysisOptions.defaults());
        VoteReplay.Replayer replayer = VoteReplay.of(result, cohortOf, List.of("JP", "KR"), 10);

        // act
        cast.forEach(v -> replayer.vote(v[0], v[1], (int) v[2], v[3]));
        VoteReplay.PairSeries jpKr = replayer.finish().pairs().getFirst();

        // assert: one window, and it holds every vote: Japan at 100 % and Korea at 0 % on 3 statements
        assertThat(result.convergence()).hasSize(1);
        assertThat(jpKr.gap()).containsExactly(1.0);
        assertThat(jpKr.statements()).containsExactly(3);
    }
}
