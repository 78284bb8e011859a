package org.commonground.analysis;

import java.util.Arrays;

/**
 * What a later run needs to start from this one (warm start): principal components by statement id,
 * base-cluster and group centres on the map, and each participant's group so group ids stay stable
 * between recomputations. Opaque to callers: hold it inside the {@link AnalysisResult}.
 */
public final class MapState {
    final long[] statementIds;
    final double[] first;
    final double[] second;
    final double[] baseX;
    final double[] baseY;
    final double[] groupX;
    final double[] groupY;
    final long[] participantIds;
    final int[] groupOfParticipant;
    final double[] bridgingIntercept;
    final double[] bridgingFactor;
    final double bridgingMean;
    final boolean bridgingConverged;

    MapState(
            long[] statementIds,
            double[] first,
            double[] second,
            double[] baseX,
            double[] baseY,
            double[] groupX,
            double[] groupY,
            long[] participantIds,
            int[] groupOfParticipant,
            double[] bridgingIntercept,
            double[] bridgingFactor,
            double bridgingMean,
            boolean bridgingConverged) {
        this.statementIds = statementIds;
        this.first = first;
        this.second = second;
        this.baseX = baseX;
        this.baseY = baseY;
        this.groupX = groupX;
        this.groupY = groupY;
        this.participantIds = participantIds;
        this.groupOfParticipant = groupOfParticipant;
        this.bridgingIntercept = bridgingIntercept;
        this.bridgingFactor = bridgingFactor;
        this.bridgingMean = bridgingMean;
        this.bridgingConverged = bridgingConverged;
    }

    /**
     * Whether this run's bridging fit converged. False only when {@link AnalysisOptions#bridgingSweeps()}
     * ran out first: the scores are then an interim fit, and a rerun warm-started from this result
     * continues it.
     */
    public boolean bridgingConverged() {
        return bridgingConverged;
    }

    /** Components re-indexed onto another statement set; statements new since then start at 0. */
    double[][] componentsFor(long[] statements) {
        double[] a = new double[statements.length];
        double[] b = new double[statements.length];
        for (int s = 0; s < statements.length; s++) {
            int i = Arrays.binarySearch(statementIds, statements[s]);
            if (i >= 0) {
                a[s] = first[i];
                b[s] = second[i];
            }
        }
        return new double[][] {a, b};
    }

    /** Bridging parameters re-indexed onto another statement set, or null if this state has none. */
    BridgingState bridgingFor(long[] statements) {
        if (bridgingIntercept == null) {
            return null;
        }
        double[] intercept = new double[statements.length];
        double[] factor = new double[statements.length];
        for (int s = 0; s < statements.length; s++) {
            int i = Arrays.binarySearch(statementIds, statements[s]);
            if (i >= 0) {
                intercept[s] = bridgingIntercept[i];
                factor[s] = bridgingFactor[i];
            }
        }
        return new BridgingState(intercept, factor, bridgingMean);
    }

    MapState withBridging(BridgingState fit, boolean converged) {
        return new MapState(
                statementIds,
                first,
                second,
                baseX,
                baseY,
                groupX,
                groupY,
                participantIds,
                groupOfParticipant,
                fit.intercept(),
                fit.factor(),
                fit.mean(),
                converged);
    }

    int groupOf(long participantId) {
        int i = Arrays.binarySearch(participantIds, participantId);
        return i >= 0 ? groupOfParticipant[i] : -1;
    }

    int groupCount() {
        return groupX.length;
    }
}
