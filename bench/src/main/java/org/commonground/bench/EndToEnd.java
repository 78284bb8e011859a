package org.commonground.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisJson;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;

/**
 * End-to-end timing of the engine on a synthetic conversation of a given size: load (building the
 * vote matrix), then several analysis runs (the first includes JIT warm-up), a warm-started rerun as
 * the live server does, and the JSON export. Also reports the memory held per vote.
 *
 * <p>Usage: {@code java -Xmx12g -cp bench/target/commonground-bench.jar org.commonground.bench.EndToEnd
 * participants statements votesPerParticipant [runs=3] [threads=0] [variants=true]}; variants adds a
 * warm-started rerun, runs without convergence windows and the JSON export.
 */
public final class EndToEnd {
    public static void main(String[] args) throws IOException {
        int participants = Integer.parseInt(args[0]);
        int statements = Integer.parseInt(args[1]);
        int votes = Integer.parseInt(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        boolean variants = args.length <= 5 || Boolean.parseBoolean(args[5]);
        SyntheticConversation conversation = new SyntheticConversation(participants, statements, votes, 0.35, 1);

        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        VoteMatrix matrix = conversation.votes();
        double load = (System.nanoTime() - t0) / 1e9;
        long heapAfter = usedHeapAfterGc();
        Cohorts cohorts = conversation.cohorts();
        System.out.printf(
                "participants=%d statements=%d votes=%,d load=%.2fs matrix=%,d bytes (%.1f bytes/vote; vote arrays %d bytes/vote; heap delta %.1f bytes/vote)%n",
                matrix.participantCount(),
                matrix.statementCount(),
                matrix.voteCount(),
                load,
                matrix.memoryBytes(),
                (double) matrix.memoryBytes() / Math.max(1, matrix.voteCount()),
                VoteMatrix.bytesPerVote(),
                (double) (heapAfter - heapBefore) / Math.max(1, matrix.voteCount()));

        AnalysisOptions options = AnalysisOptions.defaults().withSeed(1).withThreads(threads);
        AnalysisResult result = null;
        for (int run = 1; run <= runs; run++) {
            long cpu = cpuNanos();
            result = Analysis.run(matrix, cohorts, options);
            System.out.printf(
                    "run %d: analysis=%.3fs (process cpu %.3fs) groups=%d inMap=%d commonGround=%d windows=%d%n",
                    run,
                    result.analysisSeconds(),
                    (cpuNanos() - cpu) / 1e9,
                    result.groups().size(),
                    result.participantCount(),
                    result.commonGround().size(),
                    result.convergence().size());
        }
        if (!variants) {
            return;
        }
        long cpu = cpuNanos();
        AnalysisResult warm = Analysis.run(matrix, cohorts, options, result);
        System.out.printf(
                "warm-started rerun: analysis=%.3fs (process cpu %.3fs)%n",
                warm.analysisSeconds(), (cpuNanos() - cpu) / 1e9);
        cpu = cpuNanos();
        AnalysisResult noWindows = Analysis.run(matrix, cohorts, options.withConvergence(false), result);
        System.out.printf(
                "warm-started rerun without convergence windows: analysis=%.3fs (process cpu %.3fs)%n",
                noWindows.analysisSeconds(), (cpuNanos() - cpu) / 1e9);
        cpu = cpuNanos();
        AnalysisResult coldNoWindows = Analysis.run(matrix, cohorts, options.withConvergence(false));
        System.out.printf(
                "cold run without convergence windows: analysis=%.3fs (process cpu %.3fs)%n",
                coldNoWindows.analysisSeconds(), (cpuNanos() - cpu) / 1e9);
        long t;

        t = System.nanoTime();
        CountingStream counter = new CountingStream();
        try (Writer w = new OutputStreamWriter(counter, StandardCharsets.UTF_8)) {
            AnalysisJson.write(result, load, w);
        }
        System.out.printf("json: %.3fs, %,d bytes%n", (System.nanoTime() - t) / 1e9, counter.count);
    }

    /** CPU time of the whole process (all threads, GC and JIT included): robust when other jobs share the machine. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
