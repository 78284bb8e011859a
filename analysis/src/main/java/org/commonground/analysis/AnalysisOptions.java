package org.commonground.analysis;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How to run the analysis. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param seed                  seeds every random choice (k-means++ and power-iteration starts); same seed, same result
 * @param minVotesToBeInMap     votes a participant needs to be placed on the map; 0 means Pol.is's min(7, statements)
 * @param commonGroundDimension the cohort dimension whose every value must agree for common ground ("country")
 * @param minVotesPerCohort     votes a cohort (or group) needs on a statement before its agree rate counts, ≥ 1
 * @param convergenceWindow     spacing of the cumulative convergence windows; null picks ten windows over the conversation's span
 * @param convergence           whether to compute convergence windows at all
 * @param threads               worker threads; 0 means all available processors
 * @param maxDivides            most divides to report
 * @param bridgingSweeps        most alternating-least-squares sweeps of the bridging fit in one run, ≥ 1; the fit
 *                              stops earlier once converged. A live server gives each recomputation a small budget
 *                              and continues from the previous result's fit, so the fit converges over successive
 *                              runs instead of delaying one (see {@link MapState#bridgingConverged()})
 * @param method                how the map and its groups are made (see {@link Method})
 * @param moderatedVotes        votes on moderated-out statements, read only by {@link Method#POLIS}
 * @param groupFitSample        map participants above which the vote model's final fit ({@link Method#DEFAULT})
 *                              is first made on a seeded sample of this many, ≥ 1; the fit over everyone then
 *                              continues from that sample's model, which needs far fewer steps over every vote
 *                              than starting from the few thousand participants the number of groups was chosen
 *                              on. At or below it nothing changes (default {@value #DEFAULT_GROUP_FIT_SAMPLE})
 */
public record AnalysisOptions(
        long seed,
        int minVotesToBeInMap,
        String commonGroundDimension,
        int minVotesPerCohort,
        Duration convergenceWindow,
        boolean convergence,
        int threads,
        int maxDivides,
        int bridgingSweeps,
        Method method,
        ModeratedVotes moderatedVotes,
        int groupFitSample) {
    /** How the opinion map and its groups are made; an organizer may choose Pol.is's rules. */
    public enum Method {
        /**
         * Participants with min(7, statements) votes on statements in the math; Pol.is's PCA map over
         * them; groups from a latent-class model of their votes ({@link LatentClasses}), never fewer
         * than the map's k-means groups.
         */
        DEFAULT,
        /**
         * Pol.is's rules, for validation and for conversations moved from Pol.is: every voter in the
         * PCA, moderated-out statements as zeroed columns (they count in each participant's
         * projection scale), admission counting votes on moderated-out statements too, groups by
         * k-means over the base clusters with k by silhouette.
         */
        POLIS
    }

    public static final int DEFAULT_MIN_VOTES_PER_COHORT = 10;

    /** Map participants above which the vote model's final fit starts from a sample's; see {@link #groupFitSample()}. */
    public static final int DEFAULT_GROUP_FIT_SAMPLE = 100_000;

    public AnalysisOptions {
        if (minVotesToBeInMap < 0
                || minVotesPerCohort < 1
                || threads < 0
                || maxDivides < 0
                || bridgingSweeps < 1
                || groupFitSample < 1) {
            throw new IllegalArgumentException(
                    "counts must not be negative; minVotesPerCohort, bridgingSweeps and groupFitSample must be at least 1");
        }
        if (commonGroundDimension == null || commonGroundDimension.isBlank()) {
            throw new IllegalArgumentException("commonGroundDimension must not be blank");
        }
        if (convergenceWindow != null && (convergenceWindow.isNegative() || convergenceWindow.toSeconds() < 1)) {
            throw new IllegalArgumentException("convergence window must be at least one second");
        }
        if (method == null || moderatedVotes == null) {
            throw new IllegalArgumentException("method and moderatedVotes must not be null");
        }
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(
                1,
                0,
                "country",
                DEFAULT_MIN_VOTES_PER_COHORT,
                null,
                true,
                0,
                50,
                Bridging.MAX_SWEEPS,
                Method.DEFAULT,
                ModeratedVotes.NONE,
                DEFAULT_GROUP_FIT_SAMPLE);
    }

    public AnalysisOptions withSeed(long seed) {
        return with(d -> d.seed = seed);
    }

    public AnalysisOptions withMinVotesToBeInMap(int votes) {
        return with(d -> d.minVotesToBeInMap = votes);
    }

    public AnalysisOptions withCommonGroundDimension(String dimension) {
        return with(d -> d.commonGroundDimension = dimension);
    }

    public AnalysisOptions withMinVotesPerCohort(int votes) {
        return with(d -> d.minVotesPerCohort = votes);
    }

    public AnalysisOptions withConvergenceWindow(Duration window) {
        return with(d -> d.convergenceWindow = window);
    }

    public AnalysisOptions withConvergence(boolean enabled) {
        return with(d -> d.convergence = enabled);
    }

    public AnalysisOptions withThreads(int threads) {
        return with(d -> d.threads = threads);
    }

    public AnalysisOptions withMaxDivides(int divides) {
        return with(d -> d.maxDivides = divides);
    }

    /** The map threshold for a conversation with this many statements. */
    int minVotesFor(int statements) {
        return minVotesToBeInMap > 0 ? minVotesToBeInMap : Math.max(1, Math.min(7, statements));
    }

    public AnalysisOptions withBridgingSweeps(int sweeps) {
        return with(d -> d.bridgingSweeps = sweeps);
    }

    public AnalysisOptions withMethod(Method method) {
        return with(d -> d.method = method);
    }

    /** Pol.is's rules ({@link Method#POLIS}) with the conversation's votes on moderated-out statements. */
    public AnalysisOptions withPolisRules(ModeratedVotes moderated) {
        return with(d -> {
            d.method = Method.POLIS;
            d.moderatedVotes = moderated;
        });
    }

    /**
     * Above this many map participants, the vote model's final fit starts from a fit on a seeded
     * sample of this many; see {@link #groupFitSample()}.
     */
    public AnalysisOptions withGroupFitSample(int participants) {
        return with(d -> d.groupFitSample = participants);
    }

    /** A copy with {@code change} applied (and checked by the record's constructor): each wither names only its own setting. */
    private AnalysisOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The options as mutable fields, for one wither's change; never escapes {@link #with}. */
    private static final class Draft {
        long seed;
        int minVotesToBeInMap;
        String commonGroundDimension;
        int minVotesPerCohort;
        Duration convergenceWindow;
        boolean convergence;
        int threads;
        int maxDivides;
        int bridgingSweeps;
        Method method;
        ModeratedVotes moderatedVotes;
        int groupFitSample;

        Draft(AnalysisOptions o) {
            seed = o.seed;
            minVotesToBeInMap = o.minVotesToBeInMap;
            commonGroundDimension = o.commonGroundDimension;
            minVotesPerCohort = o.minVotesPerCohort;
            convergenceWindow = o.convergenceWindow;
            convergence = o.convergence;
            threads = o.threads;
            maxDivides = o.maxDivides;
            bridgingSweeps = o.bridgingSweeps;
            method = o.method;
            moderatedVotes = o.moderatedVotes;
            groupFitSample = o.groupFitSample;
        }

        AnalysisOptions build() {
            return new AnalysisOptions(
                    seed,
                    minVotesToBeInMap,
                    commonGroundDimension,
                    minVotesPerCohort,
                    convergenceWindow,
                    convergence,
                    threads,
                    maxDivides,
                    bridgingSweeps,
                    method,
                    moderatedVotes,
                    groupFitSample);
        }
    }
}
