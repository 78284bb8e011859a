package org.commonground.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The detection alone, on small planted inputs: what it flags, what it leaves, and that order does not matter. */
class BrigadeSignalsTest {
    static final long T0 = 1_790_000_000_000L;
    static final long MINUTE = 60_000;

    /** One participant's row: id, join time, invite, and a vote per statement (2: none). */
    record Row(long id, long joinedAt, long invite, String country, int[] votes) {}

    @Test
    void identicalVotersWhoJoinedTogetherAreOneClusterAndDiverseOnesAreNone() {
        List<Row> rows = new ArrayList<>();
        Random random = new Random(3);
        int[] line = {1, 1, -1, 1, 0, 1, -1, 1, 1, 1, -1, 1};
        for (int i = 0; i < 40; i++) {
            rows.add(new Row(1000 + i, T0 + 3000L * i, 7, "KR", line.clone()));
            rows.add(new Row(2000 + i, T0 + 1500L * i, 8, "JP", randomVotes(random, line.length)));
        }

        BrigadeSignals.Signals s = BrigadeSignals.detect(input(rows), SignalThresholds.defaults());

        assertThat(s.clusters()).hasSize(1);
        assertThat(s.clusters().getFirst().participants()).hasSize(40).allMatch(id -> id >= 1000 && id < 1040);
        assertThat(s.clusters().getFirst().mainInviteId()).isEqualTo(7);
        assertThat(s.oneValueVoters()).isEmpty();
        assertThat(s.leanedStatements())
                .extracting(BrigadeSignals.LeanedStatement::statementId)
                .as("the statements the brigade agreed with")
                .containsExactlyInAnyOrder(1L, 2L, 4L, 6L, 8L, 9L, 10L, 12L);
    }

    @Test
    void nearIdenticalMeansAtLeastTheSimilarityShareOfTheUnionAlike() {
        List<Row> rows = new ArrayList<>();
        int[] line = new int[20];
        java.util.Arrays.fill(line, 1);
        line[0] = -1;
        for (int i = 0; i < 5; i++) {
            int[] v = line.clone();
            v[1 + i] = -1; // each differs from the line on one other statement: 18 of 20 alike between any two
            rows.add(new Row(10 + i, T0 + i * MINUTE, 0, null, v));
        }
        SignalThresholds t = SignalThresholds.defaults();

        assertThat(BrigadeSignals.detect(input(rows), t).clusters()).hasSize(1);
        assertThat(BrigadeSignals.detect(input(rows), withSimilarity(t, 0.95)).clusters())
                .as("18 alike of 20 is under 0.95")
                .isEmpty();
    }

    @Test
    void identicalVotersWhoJoinedHoursApartAreNotACluster() {
        List<Row> rows = new ArrayList<>();
        int[] line = {1, -1, 1, -1, 1, -1, 1, -1, 1, 1};
        for (int i = 0; i < 10; i++) {
            rows.add(new Row(i + 1, T0 + i * 60 * MINUTE, 0, null, line.clone()));
        }

        assertThat(BrigadeSignals.detect(input(rows), SignalThresholds.defaults())
                        .clusters())
                .isEmpty();
    }

    @Test
    void aBurstIsMeasuredAgainstTheMedianWindowAndIsNotHalvedByAWindowBoundary() {
        List<Row> rows = new ArrayList<>();
        // a trickle: one join an hour for two days
        for (int i = 0; i < 48; i++) {
            rows.add(new Row(i + 1, T0 + i * 60 * MINUTE, 0, "JP", new int[0]));
        }
        // 30 joins through invite 5 from 9 min 30 s after a window starts, one every 2 s: across a boundary
        long from = T0 + 24 * 60 * MINUTE + 9 * MINUTE + 30_000;
        for (int i = 0; i < 30; i++) {
            rows.add(new Row(500 + i, from + 2000L * i, 5, "KR", new int[0]));
        }

        BrigadeSignals.Signals s = BrigadeSignals.detect(input(rows), SignalThresholds.defaults());

        assertThat(s.baselineJoins()).isZero();
        assertThat(s.burstThreshold()).isEqualTo(15);
        assertThat(s.bursts())
                .extracting(b -> b.inviteId() + "/" + b.value() + "/" + b.joins())
                .containsExactly("5/null/30", "0/KR/30");
    }

    @Test
    void oneValueVotersNeedTheMinimumOfVotesAllAgreeOrAllDisagree() {
        int[] agreeAll = new int[20];
        java.util.Arrays.fill(agreeAll, 1);
        int[] disagreeAll = new int[25];
        java.util.Arrays.fill(disagreeAll, -1);
        int[] passAll = new int[20];
        int[] short19 = new int[19];
        java.util.Arrays.fill(short19, 1);
        List<Row> rows = List.of(
                new Row(1, T0, 0, null, agreeAll),
                new Row(2, T0 + 100 * MINUTE, 0, null, disagreeAll),
                new Row(3, T0 + 200 * MINUTE, 0, null, passAll),
                new Row(4, T0 + 300 * MINUTE, 0, null, short19));

        assertThat(BrigadeSignals.detect(input(rows), SignalThresholds.defaults())
                        .oneValueVoters())
                .containsExactly(
                        new BrigadeSignals.OneValueVoter(1, 1, 20), new BrigadeSignals.OneValueVoter(2, -1, 25));
    }

    @Test
    void theSignalsDoNotDependOnTheOrderRowsArrive() {
        List<Row> rows = new ArrayList<>();
        Random random = new Random(11);
        int[] line = {1, 1, -1, 1, 0, 1, -1, 1, 1, 1};
        for (int i = 0; i < 60; i++) {
            rows.add(
                    new Row(i + 1, T0 + random.nextInt(30) * MINUTE, random.nextInt(3), "JP", randomVotes(random, 10)));
        }
        for (int i = 0; i < 12; i++) {
            rows.add(new Row(100 + i, T0 + 5 * MINUTE, 9, "KR", line.clone()));
        }
        BrigadeSignals.Signals first = BrigadeSignals.detect(input(rows), SignalThresholds.defaults());

        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<Row> again = new ArrayList<>(rows);
            Collections.shuffle(again, new Random(shuffle));
            assertThat(BrigadeSignals.detect(input(again), SignalThresholds.defaults()))
                    .usingRecursiveComparison()
                    .isEqualTo(first);
        }
        assertThat(first.clusters()).isNotEmpty();
    }

    @Test
    void eachParticipantIsComparedWithAtMostMaxNeighboursLaterJoiners() {
        List<Row> rows = new ArrayList<>();
        int[] line = {1, 1, -1, 1, 0, 1, -1, 1, 1, 1};
        for (int i = 0; i < 1000; i++) {
            rows.add(new Row(i + 1, T0 + i, 1, null, line.clone()));
        }
        SignalThresholds t = SignalThresholds.defaults();

        BrigadeSignals.Signals s = BrigadeSignals.detect(input(rows), t);

        assertThat(s.comparisons()).isLessThanOrEqualTo(1000L * t.maxNeighbours());
        assertThat(s.clusters()).hasSize(1);
        assertThat(s.clusters().getFirst().size())
                .as("a run of identical voters links up through neighbours")
                .isEqualTo(1000);
    }

    @Test
    void anOperatorChangesThresholdsByNameAndAMistakeIsRefused() {
        SignalThresholds t = SignalThresholds.defaults().with("similarity=0.85, burst-window=15,min-cluster=8");

        assertThat(t.similarity()).isEqualTo(0.85);
        assertThat(t.burstWindow()).hasMinutes(15);
        assertThat(t.minClusterSize()).isEqualTo(8);
        assertThat(t.oneValueMinVotes()).isEqualTo(SignalThresholds.defaults().oneValueMinVotes());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SignalThresholds.defaults().with("simlarity=0.8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("simlarity");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SignalThresholds.defaults().with("similarity=1.5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static BrigadeSignals.Input input(List<Row> rows) {
        BrigadeSignals.Input.Builder b = BrigadeSignals.input();
        for (Row r : rows) {
            b.participant(r.id(), r.joinedAt(), r.invite());
            if (r.country() != null) {
                b.cohort(r.id(), "country", r.country());
            }
            for (int s = 0; s < r.votes().length; s++) {
                if (r.votes()[s] != 2) {
                    b.vote(r.id(), s + 1, r.votes()[s]);
                }
            }
        }
        return b.build();
    }

    static int[] randomVotes(Random random, int n) {
        int[] v = new int[n];
        for (int s = 0; s < n; s++) {
            v[s] = random.nextInt(3) - 1;
        }
        return v;
    }

    static SignalThresholds withSimilarity(SignalThresholds t, double similarity) {
        return new SignalThresholds(
                t.burstWindow(),
                t.burstMinJoins(),
                t.burstFactor(),
                t.clusterJoinSpan(),
                t.maxNeighbours(),
                t.minComparableVotes(),
                similarity,
                t.minClusterSize(),
                t.oneValueMinVotes(),
                t.leanMinAgrees(),
                t.leanShare());
    }
}
