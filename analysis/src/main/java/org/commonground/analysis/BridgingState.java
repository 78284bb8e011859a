package org.commonground.analysis;

/**
 * The statement parameters of a bridging fit, by dense statement index, and its global mean μ: what
 * a later fit warm-starts from. Intercepts and factors in agree-probability units (see {@link Bridging}).
 */
record BridgingState(double[] intercept, double[] factor, double mean) {
    BridgingState {
        if (intercept.length != factor.length) {
            throw new IllegalArgumentException(
                    "intercepts and factors differ in length: " + intercept.length + " vs " + factor.length);
        }
    }

    /** A warm start carries information only if some statement has a factor: all zeros is no fit at all. */
    boolean hasFactors() {
        return PrincipalComponents.norm(factor) > 0;
    }
}
