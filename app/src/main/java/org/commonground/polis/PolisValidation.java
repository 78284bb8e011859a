package org.commonground.polis;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.VoteMatrix;
import org.commonground.results.AnalysisInput;

/**
 * Compares our analysis of a real Pol.is conversation with Pol.is's own result in the same export:
 * who is in the map, how many groups, and how well the groups agree (adjusted Rand index).
 */
public final class PolisValidation {
    /** Pol.is's admission threshold: min(7, statements) votes. */
    private static final int POLIS_MIN_VOTES = 7;

    private PolisValidation() {}

    /**
     * One conversation's comparison.
     *
     * @param participants       everyone who voted on a statement in the math
     * @param inMap              participants in our map
     * @param polisInMap         participants Pol.is put in its map (a group-id in participants-votes.csv)
     * @param polisRule          participants Pol.is's admission rule admits when replayed on the vote history:
     *                           at some moment they had min(7, statements existing then) votes
     * @param inBoth             participants in both maps, over which the groups are compared
     * @param groups             our groups
     * @param polisGroups        Pol.is's groups
     * @param adjustedRand       adjusted Rand index of our groups against Pol.is's, over {@code inBoth}
     * @param everyoneInMap      participants in our map when everyone with a vote is admitted (threshold 1)
     * @param everyoneGroups     our groups then
     * @param everyoneAdjustedRand the adjusted Rand index then, over the participants in both maps
     * @param polisMode          the same comparison with the engine under Pol.is's rules ({@code analyze --method polis})
     * @param groupSizes         our groups' sizes, largest first
     * @param polisGroupSizes    Pol.is's groups' sizes, largest first
     * @param fewVotes           participants below our threshold, in and out of Pol.is's map
     * @param loadSeconds        reading the folder and building the vote matrix
     * @param analysisSeconds    the engine's run
     */
    public record Row(
            String dataset,
            int participants,
            int statements,
            int votes,
            int inMap,
            int polisInMap,
            int polisRule,
            int inBoth,
            int groups,
            int polisGroups,
            double adjustedRand,
            int everyoneInMap,
            int everyoneGroups,
            double everyoneAdjustedRand,
            Mode polisMode,
            List<Integer> groupSizes,
            List<Integer> polisGroupSizes,
            FewVotes fewVotes,
            double loadSeconds,
            double analysisSeconds) {

        /** Our map size relative to Pol.is's, in percent (positive: we admit more). */
        public double differencePercent() {
            return polisInMap == 0 ? 0 : 100.0 * (inMap - polisInMap) / polisInMap;
        }

        public boolean withinOnePercent() {
            return Math.abs(inMap - polisInMap) <= 0.01 * polisInMap;
        }
    }

    /** Participants in the map, groups and adjusted Rand index against Pol.is of one run of the engine. */
    public record Mode(int inMap, int groups, double adjustedRand) {}

    /** Analyses one export folder with the given seed and compares with Pol.is's groups. */
    public static Row validate(Path dir, long seed) {
        long started = System.nanoTime();
        PolisExport export = PolisExport.read(dir);
        AnalysisInput input = export.analysisInput();
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        AnalysisOptions options = AnalysisOptions.defaults().withSeed(seed);
        AnalysisResult result = Analysis.run(input.votes(), input.cohorts(), options);
        Map<Integer, Integer> polis = PolisGroups.read(dir);
        Comparison everyone = compare(
                Analysis.run(
                        input.votes(),
                        input.cohorts(),
                        options.withMinVotesToBeInMap(1).withConvergence(false)),
                polis);
        Comparison ours = compare(result, polis);
        Comparison polisRules = compare(
                Analysis.run(
                        input.votes(),
                        input.cohorts(),
                        options.withPolisRules(export.moderatedVotes()).withConvergence(false)),
                polis);
        return new Row(
                dir.getFileName().toString(),
                input.votes().participantCount(),
                result.statementCount(),
                result.voteCount(),
                result.participantCount(),
                polis.size(),
                admittedByPolisRule(export),
                ours.inBoth,
                result.groups().size(),
                (int) polis.values().stream().distinct().count(),
                ours.adjustedRand,
                everyone.inMap,
                everyone.groups,
                everyone.adjustedRand,
                new Mode(polisRules.inMap, polisRules.groups, polisRules.adjustedRand),
                sizes(result.groups().stream().map(g -> g.participants().size()).toList()),
                sizes(new ArrayList<>(polisSizes(polis))),
                fewVotes(export, input, polis),
                loadSeconds,
                result.analysisSeconds());
    }

    /**
     * Participants with fewer votes than our map's threshold, min(7, statements): how many Pol.is
     * placed anyway and how many it left out, with when each first voted.
     *
     * @param inPolisMap      in Pol.is's map with fewer votes than the threshold
     * @param singleVote      of those, with a single vote
     * @param inFrom          earliest first vote among {@code inPolisMap}
     * @param inTo            latest first vote among {@code inPolisMap}
     * @param outside         with fewer votes than the threshold and outside Pol.is's map
     * @param outFrom         earliest first vote among {@code outside}
     * @param outTo           latest first vote among {@code outside}
     */
    public record FewVotes(
            int threshold,
            int inPolisMap,
            int singleVote,
            LocalDate inFrom,
            LocalDate inTo,
            int outside,
            LocalDate outFrom,
            LocalDate outTo) {}

    private static FewVotes fewVotes(PolisExport export, AnalysisInput input, Map<Integer, Integer> polis) {
        Map<Integer, Long> firstVote = new HashMap<>();
        for (PolisExport.VoteEvent v : export.votes()) {
            firstVote.merge(v.voterId(), v.timestamp(), Math::min);
        }
        VoteMatrix m = input.votes();
        int threshold = Math.min(POLIS_MIN_VOTES, m.statementCount());
        List<Long> in = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        int single = 0;
        for (int p = 0; p < m.participantCount(); p++) {
            int votes = m.votesOf(p);
            if (votes >= threshold) {
                continue;
            }
            int id = (int) m.participantId(p);
            long first = firstVote.get(id);
            if (polis.containsKey(id)) {
                in.add(first);
                single += votes == 1 ? 1 : 0;
            } else {
                out.add(first);
            }
        }
        return new FewVotes(
                threshold,
                in.size(),
                single,
                day(in, true),
                day(in, false),
                out.size(),
                day(out, true),
                day(out, false));
    }

    private static LocalDate day(List<Long> millis, boolean earliest) {
        return millis.stream()
                .reduce(earliest ? Math::min : Math::max)
                .map(t -> Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate())
                .orElse(null);
    }

    private static List<Integer> polisSizes(Map<Integer, Integer> polis) {
        Map<Integer, Integer> sizes = new java.util.TreeMap<>();
        polis.values().forEach(g -> sizes.merge(g, 1, Integer::sum));
        return List.copyOf(sizes.values());
    }

    /** Group sizes, largest first. */
    private static List<Integer> sizes(List<Integer> sizes) {
        return sizes.stream().sorted(Comparator.reverseOrder()).toList();
    }

    record Comparison(int inMap, int groups, int inBoth, double adjustedRand) {}

    /** Our groups against Pol.is's, over the participants both placed. */
    static Comparison compare(AnalysisResult result, Map<Integer, Integer> polis) {
        Map<Long, Integer> ours = new HashMap<>();
        for (AnalysisResult.OpinionGroup g : result.groups()) {
            g.participants().stream().forEach(p -> ours.put(p, g.id()));
        }
        List<int[]> pairs = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : polis.entrySet()) {
            Integer mine = ours.get((long) e.getKey());
            if (mine != null) {
                pairs.add(new int[] {mine, e.getValue()});
            }
        }
        int[] a = pairs.stream().mapToInt(p -> p[0]).toArray();
        int[] b = pairs.stream().mapToInt(p -> p[1]).toArray();
        return new Comparison(result.participantCount(), result.groups().size(), pairs.size(), adjustedRand(a, b));
    }

    /**
     * Replays Pol.is's admission rule on the vote history, in time order: a participant enters the
     * map once they have voted on min(7, statements existing at that moment) statements, and never
     * leaves. Early voters thus get in with fewer than 7 votes, which a rule applied to the final
     * conversation (min(7, statements now)) does not reproduce. Pol.is's greedy fill of a map with
     * fewer than 15 participants is left out: it depends on when Pol.is's math ran, which the
     * export does not record, and approximating it (admitting the first 15 voters) made the replay
     * worse on every conversation (15-per-hour-seattle: 144 instead of Pol.is's 138).
     */
    static int admittedByPolisRule(PolisExport export) {
        Set<Integer> inMath = new HashSet<>();
        List<Long> created = new ArrayList<>();
        for (PolisExport.Comment c : export.comments()) {
            if (c.moderation() != PolisExport.Moderation.REJECTED) {
                inMath.add(c.id());
                created.add(c.timestamp());
            }
        }
        long[] createdAt = created.stream().mapToLong(Long::longValue).sorted().toArray();
        List<PolisExport.VoteEvent> votes = new ArrayList<>(export.votes());
        votes.sort(Comparator.comparingLong(PolisExport.VoteEvent::timestamp));
        Map<Integer, Set<Integer>> votedBy = new HashMap<>();
        Set<Integer> admitted = new HashSet<>();
        for (PolisExport.VoteEvent v : votes) {
            if (admitted.contains(v.voterId()) || !inMath.contains(v.commentId())) {
                continue;
            }
            Set<Integer> voted = votedBy.computeIfAbsent(v.voterId(), p -> new HashSet<>());
            voted.add(v.commentId());
            int existing = Math.max(1, upperBound(createdAt, v.timestamp()));
            if (voted.size() >= Math.min(POLIS_MIN_VOTES, existing)) {
                admitted.add(v.voterId());
                votedBy.remove(v.voterId());
            }
        }
        return admitted.size();
    }

    /** Number of values ≤ key in a sorted array. */
    private static int upperBound(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == key) {
            i++;
        }
        return i + 1;
    }

    /**
     * Hubert and Arabie's adjusted Rand index of two labelings of the same items: 1 for identical
     * partitions (up to renaming), about 0 for independent ones. 1 when both put everything in one
     * cluster or there are fewer than two items.
     */
    static double adjustedRand(int[] a, int[] b) {
        int n = a.length;
        if (n < 2) {
            return 1;
        }
        Map<Long, Integer> cells = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> columns = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cells.merge((long) a[i] << 32 | (b[i] & 0xFFFF_FFFFL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            columns.merge(b[i], 1, Integer::sum);
        }
        double index =
                cells.values().stream().mapToDouble(PolisValidation::pairs).sum();
        double rowPairs =
                rows.values().stream().mapToDouble(PolisValidation::pairs).sum();
        double columnPairs =
                columns.values().stream().mapToDouble(PolisValidation::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(n);
        double max = (rowPairs + columnPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double pairs(int k) {
        return k * (k - 1) / 2.0;
    }
}
