package org.commonground.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.Tally;
import org.commonground.participation.Votes;
import org.commonground.translation.ShownStatements.Shown;
import org.commonground.web.Page;

/**
 * The opening of "where you stand": how often the participant voted with the majority of their
 * country and of their opinion group, and where they agree with the other country's majority.
 * A majority counts only where the cohort (or group) has at least {@link ReportView#MIN_VOTES}
 * votes on the statement and more than half of them agree (or disagree); passes of the participant
 * compare with nothing.
 *
 * @param sentences the summary, in the reader's language
 * @param shared    statements where the participant agrees with the other country's majority, with that share
 */
public record Standing(List<String> sentences, List<Shared> shared, String sharedHeading) {
    /** At most this many shared statements are listed before the long list. */
    static final int MAX_SHARED = 5;

    public record Shared(Shown statement, String note) {}

    /** Counts of the participant's agree/disagree votes where a majority exists, and how many match it. */
    private record Match(int with, int of) {}

    static Standing of(ReportView.Inputs in, List<Votes.CurrentVote> mine, Page page) {
        AnalysisResult r = in.snapshot().result();
        String dim = in.cohortDimension();
        String country = in.you() == null ? null : in.cohortOf().get(in.you());
        OptionalInt group = in.you() == null ? OptionalInt.empty() : r.groupOf(in.you());
        List<String> out = new ArrayList<>();
        int agree = 0, disagree = 0, pass = 0;
        for (Votes.CurrentVote v : mine) {
            if (!in.texts().containsKey(v.statementId())) {
                continue;
            }
            switch (v.vote().code()) {
                case "agree" -> agree++;
                case "disagree" -> disagree++;
                default -> pass++;
            }
        }
        out.add(page.t("you.summary.votes", agree + disagree + pass, agree, disagree, pass));
        if (country != null && in.cohortValues().contains(country)) {
            Match m = match(in, mine, s -> cohortSplit(r, dim, country, s));
            String name = page.cohort(dim, country);
            out.add(
                    m.of() == 0
                            ? page.t("you.summary.country.none", name, ReportView.MIN_VOTES)
                            : page.t("you.summary.country", name, m.with(), m.of()));
        }
        if (group.isPresent()) {
            int g = group.getAsInt();
            Match m = match(in, mine, s -> Optional.of(in.replay().groupTally(g, s)));
            String name = page.t("report.group", MapView.letter(g));
            out.add(
                    m.of() == 0
                            ? page.t("you.summary.group.none", name, ReportView.MIN_VOTES)
                            : page.t("you.summary.group", name, m.with(), m.of()));
        }
        String other = counterpart(in.cohortValues(), country);
        List<Shared> shared = new ArrayList<>();
        String heading = "";
        if (other != null) {
            String name = page.cohort(dim, other);
            Match m = match(in, mine, s -> cohortSplit(r, dim, other, s));
            out.add(
                    m.of() == 0
                            ? page.t("you.summary.other.none", name, ReportView.MIN_VOTES)
                            : page.t("you.summary.other", name, m.with(), m.of()));
            for (Votes.CurrentVote v : mine) {
                Shown text = in.texts().get(v.statementId());
                int code = code(v);
                if (text == null || code == VoteReplay.PASS || shared.size() >= MAX_SHARED) {
                    continue;
                }
                cohortSplit(r, dim, other, v.statementId())
                        .filter(t -> majority(t) == code)
                        .ifPresent(t -> shared.add(new Shared(
                                text,
                                page.t(
                                        code == VoteReplay.AGREE ? "you.shared.agree" : "you.shared.disagree",
                                        name,
                                        page.percent((double) t[code] / (t[0] + t[1] + t[2])),
                                        t[0] + t[1] + t[2]))));
            }
            heading = page.t("you.shared", name);
        }
        return new Standing(List.copyOf(out), List.copyOf(shared), heading);
    }

    /**
     * The other side of the dialogue's pair (the dimension's first two values): Korea for a reader in
     * Japan and the reverse; for a reader in neither (or with no country), the first of the pair.
     */
    static String counterpart(List<String> values, String yours) {
        if (values.size() < 2) {
            return null;
        }
        if (values.get(0).equals(yours)) {
            return values.get(1);
        }
        return values.get(0);
    }

    private static Optional<int[]> cohortSplit(AnalysisResult r, String dim, String value, long statement) {
        Optional<Tally> t = r.cohorts().tally(dim, value, statement);
        return t.map(x -> new int[] {x.agree(), x.disagree(), x.pass()});
    }

    private static Match match(
            ReportView.Inputs in,
            List<Votes.CurrentVote> mine,
            java.util.function.LongFunction<Optional<int[]>> split) {
        int with = 0;
        int of = 0;
        for (Votes.CurrentVote v : mine) {
            int code = code(v);
            if (!in.texts().containsKey(v.statementId()) || code == VoteReplay.PASS) {
                continue;
            }
            Optional<int[]> t = split.apply(v.statementId());
            int majority = t.map(Standing::majority).orElse(-1);
            if (majority >= 0) {
                of++;
                if (majority == code) {
                    with++;
                }
            }
        }
        return new Match(with, of);
    }

    /** AGREE or DISAGREE when more than half of at least MIN_VOTES votes say so, else −1. */
    static int majority(int[] t) {
        int votes = t[0] + t[1] + t[2];
        if (votes < ReportView.MIN_VOTES) {
            return -1;
        }
        return 2 * t[0] > votes ? VoteReplay.AGREE : 2 * t[1] > votes ? VoteReplay.DISAGREE : -1;
    }

    private static int code(Votes.CurrentVote v) {
        return switch (v.vote().code()) {
            case "agree" -> VoteReplay.AGREE;
            case "disagree" -> VoteReplay.DISAGREE;
            default -> VoteReplay.PASS;
        };
    }
}
