package org.commonground.analysis;

/**
 * One cohort's votes on one statement. The agree rate is agree / (agree + disagree + pass): a pass
 * is a vote that did not agree, as in Pol.is's p-agree. agreeLow / agreeHigh bound that rate with a
 * 95% Wilson score interval, in [0, 1]; with no votes it is [0, 1].
 */
public record Tally(int agree, int disagree, int pass, double agreeLow, double agreeHigh) {
    static Tally of(int agree, int disagree, int pass) {
        double[] interval = Proportions.wilson(agree, agree + disagree + pass);
        return new Tally(agree, disagree, pass, interval[0], interval[1]);
    }

    public int votes() {
        return agree + disagree + pass;
    }

    /** Share of votes that agree, in [0, 1]; 0 with no votes. */
    public double agreeRate() {
        return votes() == 0 ? 0.0 : (double) agree / votes();
    }
}
