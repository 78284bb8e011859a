package org.commonground.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.analysis.CohortPair;
import org.commonground.analysis.GapVerdict;
import org.commonground.analysis.GroupTransitions;
import org.commonground.analysis.PairedGapChange;
import org.commonground.analysis.RoundGap;
import org.commonground.analysis.StatementTrend;
import org.commonground.analysis.Tally;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Readable;
import org.commonground.statement.Statements;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;
import org.commonground.web.Page;

/**
 * A dialogue, its rounds and its analysis across rounds as readers see them, in their language: the
 * one shape the API answers with and the pages render. Every sentence about a change is written here,
 * so the page and the JSON say the same thing in the same words.
 */
final class DialogueViews {
    private final ConversationCatalog conversations;
    private final DialogueStore dialogues;
    private final Statements statements;
    private final ShownStatements shown;

    DialogueViews(
            ConversationCatalog conversations, DialogueStore dialogues, Statements statements, ShownStatements shown) {
        this.conversations = conversations;
        this.dialogues = dialogues;
        this.statements = statements;
        this.shown = shown;
    }

    /** A round as readers see it; {@code title} is its conversation's, in the reader's language when written in it. */
    public record RoundView(
            int number,
            long conversationId,
            ConversationState state,
            String title,
            Instant opensAt,
            Instant closesAt,
            int carriedStatements,
            String url,
            String resultsUrl) {}

    /** A dialogue in the reader's language (see {@code language}), with its rounds in order. */
    public record DialogueView(
            long id,
            Language language,
            List<Language> availableLanguages,
            String title,
            String description,
            List<RoundView> rounds,
            String url,
            Instant createdAt,
            Instant updatedAt) {
        /** The latest round that is open, if any. */
        Optional<RoundView> current() {
            return rounds.reversed().stream()
                    .filter(r -> r.state() == ConversationState.OPEN)
                    .findFirst();
        }
    }

    /** One cohort's votes on a statement in one round: agree rate in [0, 1] with its 95% Wilson interval. */
    public record CohortAgreement(String cohort, int agree, int votes, double rate, double low, double high) {
        static CohortAgreement of(String cohort, Tally t) {
            return new CohortAgreement(cohort, t.agree(), t.votes(), t.agreeRate(), t.agreeLow(), t.agreeHigh());
        }
    }

    /**
     * Two cohorts on a carried statement in one round (everyone who voted then): {@code gap} is first's
     * agree rate minus second's, in [−1, 1], with its 95% Newcombe interval.
     */
    public record RoundGapView(
            int round,
            long statementId,
            CohortAgreement first,
            CohortAgreement second,
            double gap,
            double low,
            double high) {}

    /**
     * The change of the gap between two rounds among the same people (paired): {@code change} is
     * |gap after| − |gap before| in [−1, 1], negative when the cohorts moved closer, with its 95%
     * paired bootstrap interval; {@code sentence} says it plainly in the reader's language.
     */
    public record ChangeView(
            int fromRound,
            int toRound,
            int pairedFirst,
            int pairedSecond,
            double gapBefore,
            double gapAfter,
            double change,
            double low,
            double high,
            GapVerdict verdict,
            String sentence) {}

    /** One carried statement for one cohort pair over the rounds; {@code text} in the reader's language when translated. */
    public record TrendView(
            long statementId,
            String text,
            String lang,
            String first,
            String second,
            List<RoundGapView> rounds,
            List<ChangeView> changes) {
        /** The change from the statement's first round to its last (the one said first). */
        ChangeView overall() {
            return changes.getLast();
        }
    }

    /**
     * People moving between opinion groups from one round to the next. {@code counts.get(a).get(b)}
     * is the number of people in row a of the earlier round and column b of the later one, where rows
     * and columns are the groups 0 … n−1, then "not on the map", then "not in that round".
     */
    public record TransitionView(
            int fromRound, int toRound, int fromGroups, int toGroups, int returning, List<List<Integer>> counts) {}

    /**
     * The analysis across the rounds the reader may see the results of. {@code returningPeople}: people
     * who took part in at least two of them as the same returning person.
     */
    public record CrossRoundView(
            long dialogueId,
            List<Integer> rounds,
            int returningPeople,
            List<String> cohortValues,
            List<TrendView> trends,
            List<TransitionView> transitions) {
        static CrossRoundView none(long dialogueId) {
            return new CrossRoundView(dialogueId, List.of(), 0, List.of(), List.of(), List.of());
        }
    }

    DialogueView of(Dialogue d, Language reader) {
        Language lang = d.texts().containsKey(reader)
                ? reader
                : d.texts().containsKey(Language.EN)
                        ? Language.EN
                        : d.texts().keySet().iterator().next();
        Dialogue.DialogueText text = d.texts().get(lang);
        Map<Long, Integer> carriedIn = new HashMap<>();
        List<Long> copies = dialogues.carried(d.id()).stream()
                .map(DialogueStore.Carried::statementId)
                .toList();
        statements.withIds(copies).forEach(s -> carriedIn.merge(s.conversationId(), 1, Integer::sum));
        List<RoundView> rounds = new ArrayList<>();
        for (Dialogue.Round r : d.rounds()) {
            Optional<Conversation> c = conversations.find(r.conversationId());
            rounds.add(new RoundView(
                    r.number(),
                    r.conversationId(),
                    c.map(Conversation::state).orElse(ConversationState.ARCHIVED),
                    c.map(x -> Readable.title(x, reader)).orElse(""),
                    r.opensAt(),
                    r.closesAt(),
                    carriedIn.getOrDefault(r.conversationId(), 0),
                    "/c/" + r.conversationId(),
                    "/c/" + r.conversationId() + "/results"));
        }
        return new DialogueView(
                d.id(),
                lang,
                List.copyOf(d.texts().keySet()),
                text.title(),
                text.description(),
                List.copyOf(rounds),
                "/d/" + d.id(),
                d.createdAt(),
                d.updatedAt());
    }

    CrossRoundView of(CrossRounds.Analysed a, long dialogueId, Page page) {
        List<Integer> numbers = a.rounds().stream().map(Dialogue.Round::number).toList();
        Map<Long, ShownStatements.Shown> lastShown =
                shown.all(a.rounds().getLast().conversationId(), page.lang());
        List<TrendView> trends = new ArrayList<>();
        for (StatementTrend t : a.result().trends()) {
            CohortPair pair = t.pair();
            if (t.rounds().size() < 2) {
                continue;
            }
            long latestId = t.rounds().getLast().statement();
            ShownStatements.Shown s = Optional.ofNullable(lastShown.get(latestId))
                    .or(() -> shown.one(latestId, page.lang()))
                    .orElse(null);
            String text = s == null ? "" : s.text();
            List<RoundGapView> gaps = new ArrayList<>();
            for (RoundGap g : t.rounds()) {
                gaps.add(new RoundGapView(
                        numbers.get(g.round()),
                        g.statement(),
                        CohortAgreement.of(pair.first(), g.first()),
                        CohortAgreement.of(pair.second(), g.second()),
                        g.gap(),
                        g.low(),
                        g.high()));
            }
            List<ChangeView> changes = new ArrayList<>();
            for (PairedGapChange c : t.changes()) {
                changes.add(new ChangeView(
                        numbers.get(c.fromRound()),
                        numbers.get(c.toRound()),
                        c.pairedFirst(),
                        c.pairedSecond(),
                        c.gapBefore(),
                        c.gapAfter(),
                        c.change(),
                        c.low(),
                        c.high(),
                        c.verdict(),
                        sentence(page, pair, c, numbers, text)));
            }
            trends.add(new TrendView(
                    a.origins()[t.carried()],
                    text,
                    s == null ? "" : s.lang(),
                    pair.first(),
                    pair.second(),
                    List.copyOf(gaps),
                    List.copyOf(changes)));
        }
        List<TransitionView> transitions = new ArrayList<>();
        for (GroupTransitions g : a.result().transitions()) {
            List<List<Integer>> counts = new ArrayList<>();
            for (int from : slots(g.fromGroups())) {
                List<Integer> row = new ArrayList<>();
                for (int to : slots(g.toGroups())) {
                    row.add(from == GroupTransitions.ABSENT && to == GroupTransitions.ABSENT ? 0 : g.count(from, to));
                }
                counts.add(List.copyOf(row));
            }
            transitions.add(new TransitionView(
                    numbers.get(g.fromRound()),
                    numbers.get(g.toRound()),
                    g.fromGroups(),
                    g.toGroups(),
                    g.returning(),
                    List.copyOf(counts)));
        }
        return new CrossRoundView(
                dialogueId,
                numbers,
                a.returningPeople(),
                a.result().cohortValues(),
                List.copyOf(trends),
                List.copyOf(transitions));
    }

    /** Rows or columns of a transition table: the groups, then not on the map, then not in the round. */
    static int[] slots(int groups) {
        int[] out = new int[groups + 2];
        for (int g = 0; g < groups; g++) {
            out[g] = g;
        }
        out[groups] = GroupTransitions.UNGROUPED;
        out[groups + 1] = GroupTransitions.ABSENT;
        return out;
    }

    /** The pair as readers name it: Japan–Korea, 日本–韓国, 일본–한국. */
    static String pairName(Page page, CohortPair pair) {
        return page.cohort("country", pair.first()) + "–" + page.cohort("country", pair.second());
    }

    /** "… shrank from 41 to 27 points (95% interval …), among 812 people who voted in both rounds", or "no change" as plainly. */
    static String sentence(Page page, CohortPair pair, PairedGapChange c, List<Integer> numbers, String text) {
        String name = pairName(page, pair);
        int from = numbers.get(c.fromRound());
        int to = numbers.get(c.toRound());
        if (c.verdict() == GapVerdict.TOO_FEW) {
            return page.t(
                    "dialogue.change.too-few",
                    name,
                    c.pairedFirst(),
                    c.pairedSecond(),
                    from,
                    to,
                    CrossRounds.OPTIONS.minPairedPerCohort(),
                    text);
        }
        String key = switch (c.verdict()) {
            case SHRANK -> "dialogue.change.shrank";
            case GREW -> "dialogue.change.grew";
            default -> "dialogue.change.none";
        };
        return page.t(
                key,
                name,
                points(c.gapBefore()),
                points(c.gapAfter()),
                signed(c.low()),
                signed(c.high()),
                c.paired(),
                from,
                to,
                text);
    }

    /** An absolute gap in whole percentage points. */
    static String points(double gap) {
        return String.valueOf(Math.round(Math.abs(gap) * 100));
    }

    /** A change in whole percentage points with its sign (−12, +3, 0). */
    static String signed(double change) {
        long p = Math.round(change * 100);
        return p > 0 ? "+" + p : p < 0 ? "−" + (-p) : "0";
    }
}
