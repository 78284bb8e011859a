package org.commonground.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.Tally;
import org.commonground.analysis.VoteMatrix;
import org.commonground.problem.CommonGroundException;
import org.commonground.report.MapView;
import org.commonground.report.StackedBar;
import org.commonground.results.AnalysisInput;
import org.commonground.results.Results;
import org.jdbi.v3.core.Jdbi;

/**
 * What the latest round says of the statements a document cites: for each cited statement (found in
 * the latest round through the statements carried into it) the split of every country cohort and of
 * every opinion group of the round's live result, each as a {@link StackedBar} (agree rate, n and its
 * 95% Wilson interval, the report's own); and the divides where Japan's and Korea's cohorts split (their
 * intervals apart), from the round's parallel views. Group tallies are counted from the round's votes,
 * kept until the result changes.
 */
final class CitationSupport {
    static final String COUNTRY = "country";
    static final String JAPAN = "JP";
    static final String KOREA = "KR";

    private final Jdbi jdbi;
    private final DialogueStore dialogues;
    private final Results results;
    private final Map<Long, Cached> votes = new ConcurrentHashMap<>();

    private record Cached(AnalysisResult result, VoteMatrix votes) {}

    CitationSupport(Jdbi jdbi, DialogueStore dialogues, Results results) {
        this.jdbi = jdbi;
        this.dialogues = dialogues;
        this.results = results;
    }

    /** A round's result and its votes, with the statement each id of the dialogue became in that round. */
    final class Round {
        final Dialogue.Round round;
        final AnalysisResult result;
        private final VoteMatrix matrix;
        private final Map<Long, Long> inRound;

        Round(Dialogue.Round round, AnalysisResult result, VoteMatrix matrix, Map<Long, Long> inRound) {
            this.round = round;
            this.result = result;
            this.matrix = matrix;
            this.inRound = inRound;
        }

        /** The statement of this round that {@code statementId} is (itself or its carried copy), if any. */
        Optional<Long> inRound(long statementId) {
            return Optional.ofNullable(inRound.get(statementId));
        }

        /** Each country cohort's split on the statement (of this round), the cohort's name from {@code label}. */
        List<StackedBar> cohorts(long statement, java.util.function.Function<String, String> label) {
            List<StackedBar> bars = new ArrayList<>();
            List<String> values = new ArrayList<>(result.cohorts().values(COUNTRY));
            values.sort((a, b) -> Integer.compare(order(a), order(b)));
            for (String value : values) {
                result.cohorts()
                        .tally(COUNTRY, value, statement)
                        .filter(t -> t.votes() > 0)
                        .ifPresent(t -> bars.add(bar(label.apply(value), t)));
            }
            return bars;
        }

        /** Each opinion group's split on the statement (of this round). */
        List<StackedBar> groups(long statement, java.util.function.IntFunction<String> label) {
            List<StackedBar> bars = new ArrayList<>();
            for (AnalysisResult.OpinionGroup g : result.groups()) {
                int[] t = new int[3];
                g.participants().stream().forEach(p -> {
                    OptionalInt v = matrix.vote(p, statement);
                    if (v.isPresent()) {
                        t[v.getAsInt() > 0 ? 0 : v.getAsInt() < 0 ? 1 : 2]++;
                    }
                });
                bars.add(new StackedBar(label.apply(g.id()), t[0], t[1], t[2], CitationSupport.minVotes()));
            }
            return bars;
        }

        /** The statements Japan's and Korea's cohorts split on, widest divide first: their 95% intervals do not meet. */
        List<Long> divides() {
            List<Long> out = new ArrayList<>();
            for (AnalysisResult.ParallelView v : result.parallelViews()) {
                if (!v.dimension().equals(COUNTRY) || out.contains(v.statement())) {
                    continue;
                }
                Optional<Tally> jp = result.cohorts().tally(COUNTRY, JAPAN, v.statement());
                Optional<Tally> kr = result.cohorts().tally(COUNTRY, KOREA, v.statement());
                if (jp.isPresent() && kr.isPresent() && split(jp.get(), kr.get())) {
                    out.add(v.statement());
                }
            }
            return out;
        }
    }

    /** Japan and Korea have enough votes each and their agree rates' 95% Wilson intervals do not overlap. */
    static boolean split(Tally a, Tally b) {
        return a.votes() >= minVotes()
                && b.votes() >= minVotes()
                && (a.agreeHigh() < b.agreeLow() || b.agreeHigh() < a.agreeLow());
    }

    static int minVotes() {
        return org.commonground.analysis.AnalysisOptions.DEFAULT_MIN_VOTES_PER_COHORT;
    }

    static String groupLabel(int groupId) {
        return MapView.letter(groupId);
    }

    /**
     * The latest round of {@code d} that {@code readable} admits and that has a result; empty if none
     * has. Rounds with a result ready are taken without waiting; only when none has one does it wait a
     * few seconds for the latest readable round's first result.
     */
    Optional<Round> latest(Dialogue d, LongPredicate readable) {
        List<Dialogue.Round> rounds = d.rounds().stream()
                .filter(r -> readable.test(r.conversationId()))
                .toList();
        for (int i = rounds.size() - 1; i >= 0; i--) {
            Dialogue.Round r = rounds.get(i);
            Optional<AnalysisResult> ready =
                    results.latest(r.conversationId()).map(org.commonground.results.LatestResult::result);
            if (ready.isPresent()) {
                return Optional.of(round(d, r, ready.get()));
            }
        }
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        Dialogue.Round last = rounds.getLast();
        try {
            return Optional.of(
                    round(d, last, results.latestOrWait(last.conversationId()).result()));
        } catch (CommonGroundException busy) {
            return Optional.empty();
        }
    }

    private Round round(Dialogue d, Dialogue.Round r, AnalysisResult result) {
        Cached c = votes.get(r.conversationId());
        if (c == null || c.result() != result) {
            c = new Cached(result, AnalysisInput.load(jdbi, r.conversationId()).votes());
            votes.put(r.conversationId(), c);
        }
        return new Round(r, result, c.votes(), inRound(d, result));
    }

    /** Every statement id of the dialogue that has a copy among the round's statements, to that copy. */
    private Map<Long, Long> inRound(Dialogue d, AnalysisResult result) {
        Map<Long, Long> originOf = new HashMap<>();
        for (DialogueStore.Carried c : dialogues.carried(d.id())) {
            originOf.put(c.statementId(), c.originStatementId());
            originOf.put(c.fromStatementId(), c.originStatementId());
        }
        Map<Long, Long> copyOfOrigin = new HashMap<>();
        for (long s : result.cohorts().statements()) {
            copyOfOrigin.put(originOf.getOrDefault(s, s), s);
        }
        Map<Long, Long> out = new HashMap<>();
        for (long s : result.cohorts().statements()) {
            out.put(s, s);
        }
        originOf.forEach((statement, origin) -> {
            Long copy = copyOfOrigin.get(origin);
            if (copy != null) {
                out.put(statement, copy);
            }
        });
        copyOfOrigin.forEach(out::putIfAbsent);
        return out;
    }

    private static StackedBar bar(String label, Tally t) {
        return new StackedBar(label, t.agree(), t.disagree(), t.pass(), minVotes());
    }

    private static int order(String country) {
        return switch (country) {
            case JAPAN -> 0;
            case KOREA -> 1;
            case "US" -> 2;
            default -> 3;
        };
    }
}
