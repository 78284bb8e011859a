package org.commonground.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.commonground.integrity.BrigadeSignals;
import org.commonground.integrity.SignalThresholds;

/**
 * Time of the integrity feature's brigading detection ({@link BrigadeSignals}) on a synthetic
 * conversation with known truth, and whether it finds that truth: {@code --participants} organic
 * participants (three latent opinion groups, each voting its group's line with probability
 * {@code --agreement}) who join over {@code --days} days, each voting on {@code --votes} of the
 * conversation's statements, plus {@code --brigades} brigades of {@code --brigade-size} who join
 * within two minutes through one invite and vote one line with 1 vote in 25 changed at random.
 *
 * <pre>
 * IntegrityDetection [--participants 30000] [--votes 50] [--statements 50] [--days 30]
 *                    [--brigades 5] [--brigade-size 200] [--agreement 0.8] [--runs 7] [--seed 1]
 *   --days 0   every organic participant joins within ten minutes: the worst case for the comparisons
 * </pre>
 *
 * Prints the build (arrays from the rows) and detection times of each run and their medians, the
 * pairs compared, and recall (brigade members flagged) and false positives (organic participants
 * in a cluster or voting one value).
 */
public final class IntegrityDetection {
    private IntegrityDetection() {}

    record Options(
            int participants,
            int votes,
            int statements,
            double days,
            int brigades,
            int brigadeSize,
            double agreement,
            int runs,
            long seed) {
        static Options parse(String[] args) {
            int participants = 30_000, votes = 50, statements = 50, brigades = 5, brigadeSize = 200, runs = 7;
            double days = 30, agreement = 0.8;
            long seed = 1;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--participants" -> participants = Integer.parseInt(v);
                    case "--votes" -> votes = Integer.parseInt(v);
                    case "--statements" -> statements = Integer.parseInt(v);
                    case "--days" -> days = Double.parseDouble(v);
                    case "--brigades" -> brigades = Integer.parseInt(v);
                    case "--brigade-size" -> brigadeSize = Integer.parseInt(v);
                    case "--agreement" -> agreement = Double.parseDouble(v);
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (votes > statements) {
                throw new IllegalArgumentException("--votes must not exceed --statements");
            }
            return new Options(participants, votes, statements, days, brigades, brigadeSize, agreement, runs, seed);
        }
    }

    /** One generated conversation: rows to feed the builder, and who the brigades are. */
    record Conversation(long[] ids, long[] joined, long[] invites, long[] vP, long[] vS, byte[] vV, long[] brigade) {}

    public static void main(String[] args) {
        Options o = Options.parse(args);
        Conversation c = generate(o);
        SignalThresholds t = SignalThresholds.defaults();
        double[] build = new double[o.runs()];
        double[] detect = new double[o.runs()];
        BrigadeSignals.Signals last = null;
        for (int run = 0; run < o.runs(); run++) {
            long t0 = System.nanoTime();
            BrigadeSignals.Input.Builder b = BrigadeSignals.input();
            for (int i = 0; i < c.ids().length; i++) {
                b.participant(c.ids()[i], c.joined()[i], c.invites()[i]);
            }
            for (int v = 0; v < c.vP().length; v++) {
                b.vote(c.vP()[v], c.vS()[v], c.vV()[v]);
            }
            BrigadeSignals.Input in = b.build();
            long t1 = System.nanoTime();
            last = BrigadeSignals.detect(in, t);
            long t2 = System.nanoTime();
            build[run] = (t1 - t0) / 1e9;
            detect[run] = (t2 - t1) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: build %.3f s, detect %.3f s%n", run + 1, build[run], detect[run]);
        }
        long[] flagged = last.flagged();
        long[] brigade = c.brigade();
        int found = 0;
        for (long id : brigade) {
            found += Arrays.binarySearch(flagged, id) >= 0 ? 1 : 0;
        }
        int falsePositives = flagged.length - found;
        System.out.printf(
                Locale.ROOT,
                "%,d participants (%,d in %d brigades), %,d votes; median build %.3f s, median detect %.3f s, "
                        + "%,d pairs compared; clusters %d, bursts %d, one-value voters %d, leaned statements %d; "
                        + "recall %d / %d, false positives %d of %,d organic%n",
                c.ids().length,
                brigade.length,
                o.brigades(),
                c.vP().length,
                median(build),
                median(detect),
                last.comparisons(),
                last.clusters().size(),
                last.bursts().size(),
                last.oneValueVoters().size(),
                last.leanedStatements().size(),
                found,
                brigade.length,
                falsePositives,
                o.participants());
    }

    static Conversation generate(Options o) {
        SplittableRandom random = new SplittableRandom(o.seed());
        int total = o.participants() + o.brigades() * o.brigadeSize();
        long[] ids = new long[total];
        long[] joined = new long[total];
        long[] invites = new long[total];
        long start = 1_790_000_000_000L;
        long span = (long) (o.days() * 86_400_000L);
        long spread = span == 0 ? 600_000L : span;
        int[][] lines = new int[3][o.statements()];
        for (int[] line : lines) {
            for (int s = 0; s < line.length; s++) {
                line[s] = random.nextInt(3) - 1;
            }
        }
        List<long[]> votes = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < o.participants(); i++, k++) {
            ids[k] = k + 1;
            joined[k] = start + (long) (random.nextDouble() * spread);
            invites[k] = random.nextInt(10) == 0 ? 1 + random.nextInt(20) : 0; // a tenth through 20 class invites
            int[] line = lines[random.nextInt(3)];
            for (int s : pick(random, o.statements(), o.votes())) {
                int value = random.nextDouble() < o.agreement() ? line[s] : random.nextInt(3) - 1;
                votes.add(new long[] {ids[k], s + 1, value});
            }
        }
        long[] brigade = new long[o.brigades() * o.brigadeSize()];
        int m = 0;
        for (int g = 0; g < o.brigades(); g++) {
            long at = start + (long) (random.nextDouble() * spread);
            int[] line = new int[o.statements()];
            for (int s = 0; s < line.length; s++) {
                line[s] = random.nextInt(4) == 0 ? -1 : 1;
            }
            for (int j = 0; j < o.brigadeSize(); j++, k++) {
                ids[k] = k + 1;
                brigade[m++] = ids[k];
                joined[k] = at + (long) (random.nextDouble() * 120_000);
                invites[k] = 100 + g;
                for (int s = 0; s < o.votes(); s++) {
                    int value = random.nextInt(25) == 0 ? random.nextInt(3) - 1 : line[s];
                    votes.add(new long[] {ids[k], s + 1, value});
                }
            }
        }
        long[] vP = new long[votes.size()];
        long[] vS = new long[votes.size()];
        byte[] vV = new byte[votes.size()];
        for (int v = 0; v < votes.size(); v++) {
            vP[v] = votes.get(v)[0];
            vS[v] = votes.get(v)[1];
            vV[v] = (byte) votes.get(v)[2];
        }
        Arrays.sort(brigade);
        return new Conversation(ids, joined, invites, vP, vS, vV, brigade);
    }

    /** {@code n} distinct indices of {@code [0, of)}, by a partial Fisher–Yates shuffle. */
    private static int[] pick(SplittableRandom random, int of, int n) {
        int[] all = new int[of];
        for (int i = 0; i < of; i++) {
            all[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(of - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, n);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
