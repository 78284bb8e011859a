package org.commonground.analysis;

import java.util.concurrent.TimeUnit;
import org.commonground.bench.SyntheticConversation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's kernels one by one, on a synthetic conversation. Lives in the engine's package
 * (split across the bench jar) to reach the package-private kernels without widening their API.
 *
 * <p>{@code java -jar bench/target/commonground-bench.jar EngineKernels -p size=33422x842x57}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineKernelsBenchmark {
    /** participants x statements (before 7 % rejected) x votes per participant. */
    @Param({"33422x842x57"})
    public String size;

    private SyntheticConversation conversation;
    private VoteMatrix votes;
    private Cohorts.Bound cohorts;
    private int[] rows;
    private PrincipalComponents components;
    private double[] x;
    private double[] y;
    private double[][] baseStart;
    private Parallel parallel;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        conversation = new SyntheticConversation(
                Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), 0.35, 1);
        votes = conversation.votes();
        cohorts = conversation.cohorts().bind(votes);
        parallel = new Parallel(0);
        rows = OpinionMap.participantsInMap(votes, 7);
        components = PrincipalComponents.compute(votes, rows, null, null, 1, parallel);
        x = new double[rows.length];
        y = new double[rows.length];
        components.project(votes, rows, x, y, parallel);
        baseStart = KMeans.seed(x, y, null, OpinionMap.BASE_CLUSTERS, null, null, new java.util.SplittableRandom(1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
    }

    @Benchmark
    public VoteMatrix buildVoteMatrix() {
        return conversation.votes();
    }

    @Benchmark
    public PrincipalComponents principalComponentsCold() {
        return PrincipalComponents.compute(votes, rows, null, null, 1, parallel);
    }

    @Benchmark
    public PrincipalComponents principalComponentsWarm() {
        return PrincipalComponents.compute(votes, rows, components.first, components.second, 1, parallel);
    }

    @Benchmark
    public double[] projectParticipants() {
        components.project(votes, rows, x, y, parallel);
        return x;
    }

    @Benchmark
    public KMeans.Clustering baseClusters() {
        return KMeans.run(x, y, null, baseStart[0], baseStart[1], OpinionMap.BASE_ITERATIONS, parallel);
    }

    @Benchmark
    public Bridging bridgingCold() {
        return Bridging.fit(votes, components.first, null, 1, parallel);
    }

    @Benchmark
    public CohortTallies cohortTallies() {
        return CohortComparison.tally(votes, cohorts, parallel);
    }

    @Benchmark
    public VoteMatrix convergenceWindowCopy() {
        return votes.until(votes.lastSecond() / 2);
    }

    @Benchmark
    public AnalysisResult wholeAnalysisWithoutWindows() {
        return Analysis.run(
                votes, conversation.cohorts(), AnalysisOptions.defaults().withConvergence(false));
    }

    @Benchmark
    public AnalysisResult wholeAnalysis() {
        return Analysis.run(votes, conversation.cohorts(), AnalysisOptions.defaults());
    }
}
