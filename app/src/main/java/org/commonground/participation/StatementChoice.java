package org.commonground.participation;

import java.util.random.RandomGenerator;

/**
 * Which statement a participant sees next, following Pol.is's comment routing.
 *
 * <p>For each candidate (accepted, not yet voted on by this participant) with A agrees, P passes
 * and S votes seen in all:
 * <pre>
 *   p_agree = (A + 1) / (S + 2)          p_pass = (P + 1) / (S + 2)     (+1 smoothing)
 *   importance = (1 − p_pass) · (E + 1) · p_agree
 *   priority   = (importance · (1 + 8 · 2^(−S/5)))²
 * </pre>
 * Why: {@code 1 − p_pass} favours statements people have an opinion about; {@code p_agree}
 * favours statements that can become common ground; {@code E + 1} (E = extremity in the opinion
 * map) favours statements that tell the groups apart. The factor {@code 1 + 8 · 2^(−S/5)} gives
 * new statements with few votes up to nine times the weight, decaying by half every five votes,
 * so every statement quickly collects enough votes to be placed. Squaring sharpens the
 * preference. The draw is random, weighted by priority, so no two participants walk the same
 * order and nothing starves: every candidate keeps a positive chance (the smoothing keeps
 * p_agree and 1 − p_pass above zero).
 */
final class StatementChoice {
    private StatementChoice() {}

    static double priority(int agree, int pass, int seen, double extremity) {
        double pAgree = (agree + 1.0) / (seen + 2.0);
        double pPass = (pass + 1.0) / (seen + 2.0);
        double importance = (1 - pPass) * (extremity + 1) * pAgree;
        double boosted = importance * (1 + 8 * Math.pow(2, -seen / 5.0));
        return boosted * boosted;
    }

    /**
     * Index of the drawn candidate, each chosen with probability proportional to its priority;
     * -1 when there are none.
     */
    static int draw(double[] priorities, RandomGenerator random) {
        double total = 0;
        for (double p : priorities) {
            total += p;
        }
        if (priorities.length == 0) {
            return -1;
        }
        if (!(total > 0)) {
            return random.nextInt(priorities.length);
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < priorities.length; i++) {
            r -= priorities[i];
            if (r < 0) {
                return i;
            }
        }
        return priorities.length - 1; // rounding left r a hair above zero
    }
}
