package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialTest {
    @Test
    void smallDrawsFollowTheExactProbabilities() {
        int n = 10;
        double p = 0.3;
        int draws = 200_000;
        int[] seen = new int[n + 1];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < draws; i++) {
            seen[Binomial.draw(n, p, random)]++;
        }
        for (int k = 0; k <= n; k++) {
            double exact = Math.exp(Binomial.logFactorial(n) - Binomial.logFactorial(k) - Binomial.logFactorial(n - k))
                    * Math.pow(p, k)
                    * Math.pow(1 - p, n - k);
            // Five binomial standard errors of the frequency.
            assertThat((double) seen[k] / draws)
                    .isCloseTo(exact, within(5 * Math.sqrt(exact * (1 - exact) / draws) + 1e-6));
        }
    }

    @Test
    void largeDrawsHaveTheBinomialMeanAndVariance() {
        int n = 5000;
        double p = 0.27;
        int draws = 20_000;
        SplittableRandom random = new SplittableRandom(2);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            int k = Binomial.draw(n, p, random);
            sum += k;
            squares += (double) k * k;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        double expectedVariance = n * p * (1 - p);
        assertThat(mean).isCloseTo(n * p, within(5 * Math.sqrt(expectedVariance / draws)));
        assertThat(variance).isCloseTo(expectedVariance, within(0.05 * expectedVariance));
    }

    @Test
    void certainAndImpossibleTrialsAndEmptyDrawsNeedNoRandomness() {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(Binomial.draw(7, 1.0, random)).isEqualTo(7);
        assertThat(Binomial.draw(7, 0.0, random)).isZero();
        assertThat(Binomial.draw(0, 0.5, random)).isZero();
    }

    @Test
    void stirlingsSeriesMatchesTheSumOfLogarithms() {
        double sum = 0;
        for (int i = 1; i <= 2000; i++) {
            sum += Math.log(i);
            if (i == 256 || i == 1000 || i == 2000) {
                assertThat(Binomial.logFactorial(i)).isCloseTo(sum, within(1e-9 * sum));
            }
        }
    }
}
