package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatementChoiceTest {

    @Test
    void priorityFollowsThePolisFormula() {
        // A=3, P=1, S=6, E=1: p_agree = 4/8, p_pass = 2/8, importance = 0.75 * 2 * 0.5 = 0.75,
        // boost = 1 + 8 * 2^(-6/5).
        double expected = Math.pow(0.75 * (1 + 8 * Math.pow(2, -1.2)), 2);

        assertThat(StatementChoice.priority(3, 1, 6, 1.0)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void newStatementsOutweighWellVotedOnesWithTheSameShares() {
        double fresh = StatementChoice.priority(0, 0, 0, 1.0);
        double seasoned = StatementChoice.priority(50, 0, 100, 1.0);

        assertThat(fresh).isGreaterThan(seasoned * 10);
    }

    @Test
    void passedStatementsSinkAndExtremeOnesRise() {
        assertThat(StatementChoice.priority(1, 8, 10, 1.0)).isLessThan(StatementChoice.priority(8, 1, 10, 1.0));
        assertThat(StatementChoice.priority(5, 1, 10, 3.0)).isGreaterThan(StatementChoice.priority(5, 1, 10, 0.0));
    }

    @Test
    void drawsInProportionToPriority() {
        double[] priorities = {1, 3, 0, 6};
        int[] hits = new int[priorities.length];
        var random = new SplittableRandom(42);

        for (int i = 0; i < 100_000; i++) {
            hits[StatementChoice.draw(priorities, random)]++;
        }

        assertThat(hits[0] / 100_000.0).isCloseTo(0.1, within(0.01));
        assertThat(hits[1] / 100_000.0).isCloseTo(0.3, within(0.01));
        assertThat(hits[2]).isZero();
        assertThat(hits[3] / 100_000.0).isCloseTo(0.6, within(0.01));
    }

    @Test
    void drawsNothingFromNothing() {
        assertThat(StatementChoice.draw(new double[0], new SplittableRandom(1))).isEqualTo(-1);
    }
}
