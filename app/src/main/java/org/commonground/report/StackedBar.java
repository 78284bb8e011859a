package org.commonground.report;

/**
 * One cohort's (or everyone's) agree / disagree / pass on a statement, drawn as a bar of three
 * segments in a 100-unit-wide SVG; the numbers are also written out for screen readers.
 */
public record StackedBar(String label, int agree, int disagree, int pass) {
    public int votes() {
        return agree + disagree + pass;
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

    private double share(int n) {
        return votes() == 0 ? 0 : (double) n / votes();
    }

    private String width(int n) {
        return MapView.fmt(100 * share(n));
    }
}
