package org.commonground.report;

/**
 * One cohort's (or everyone's) agree / disagree / pass on a statement, drawn as a bar of three
 * segments in a 100-unit-wide SVG with the agree share's 95% Wilson interval as a whisker; the
 * numbers are also written out for screen readers.
 *
 * @param minVotes votes the bar needs to speak (the engine's {@code minVotesPerCohort}); below it
 *                 the page says the cohort is too small rather than quoting its shares
 */
public record StackedBar(String label, int agree, int disagree, int pass, int minVotes) {
    /** z for a two-sided 95% interval. */
    private static final double Z = 1.959963984540054;

    /** A bar that always speaks (everyone's total, or a split whose size is not the point). */
    StackedBar(String label, int agree, int disagree, int pass) {
        this(label, agree, disagree, pass, 1);
    }

    public int votes() {
        return agree + disagree + pass;
    }

    /** Whether the bar has enough votes for its shares to be quoted. */
    public boolean speaks() {
        return votes() >= minVotes && votes() > 0;
    }

    public String agreeWidth() {
        return width(agree);
    }

    public String disagreeWidth() {
        return width(disagree);
    }

    public String passWidth() {
        return width(pass);
    }

    /** Where the disagree segment starts. */
    public String disagreeX() {
        return width(agree);
    }

    public String passX() {
        return width(agree + disagree);
    }

    public double agreeShare() {
        return share(agree);
    }

    public double disagreeShare() {
        return share(disagree);
    }

    public double passShare() {
        return share(pass);
    }

    /** Lower end of the 95% Wilson score interval of the agree share, in [0, 1]. */
    public double agreeLow() {
        return wilson(agree, votes(), -1);
    }

    /** Upper end of the 95% Wilson score interval of the agree share, in [0, 1]. */
    public double agreeHigh() {
        return wilson(agree, votes(), 1);
    }

    public String lowX() {
        return MapView.fmt(100 * agreeLow());
    }

    public String highX() {
        return MapView.fmt(100 * agreeHigh());
    }

    /**
     * The Wilson score interval's end ({@code sign} −1 lower, +1 upper) for {@code k} of {@code n}:
     * unlike k/n ± z·se it stays inside [0, 1] and keeps a sensible width at 0 or n successes, which
     * small cohorts often have. With no votes the interval is all of [0, 1].
     */
    static double wilson(int k, int n, int sign) {
        if (n <= 0) {
            return sign < 0 ? 0 : 1;
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return Math.max(0, Math.min(1, centre + sign * half));
    }

    private double share(int n) {
        return votes() == 0 ? 0 : (double) n / votes();
    }

    private String width(int n) {
        return MapView.fmt(100 * share(n));
    }
}
