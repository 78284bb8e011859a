package org.commonground.dialogue;

import java.util.List;

/**
 * What the dialogue pages render, every text already in the reader's language and zone (templates
 * only lay it out). Public because the precompiled templates live outside the package.
 */
public final class DialoguePage {
    private DialoguePage() {}

    /** A time as shown: ISO instant for {@code <time datetime>} and the reader's local text; both empty when unset. */
    public record Moment(String iso, String text) {
        public boolean set() {
            return !iso.isEmpty();
        }
    }

    /** One round's line in the table of rounds. */
    public record RoundRow(
            int number,
            long conversationId,
            String title,
            String url,
            String resultsUrl,
            String state,
            Moment opens,
            Moment closes,
            int carried,
            String opensLocal,
            String closesLocal) {}

    /** A cohort in a round: "41% (35–47%), 120 votes". */
    public record Cell(String text, String title) {}

    /** One round of a carried statement: both cohorts' agreement and the gap with its interval. */
    public record TrendRow(String round, Cell first, Cell second, String gap) {}

    /** One carried statement across the rounds. */
    public record TrendBlock(
            String id,
            String text,
            String lang,
            String sentence,
            String verdict,
            String svg,
            List<String> earlier,
            List<TrendRow> rows) {}

    /** A transition table between two rounds, with its row and column labels. */
    public record TransitionBlock(String caption, List<String> columns, List<TransitionRow> rows) {}

    public record TransitionRow(String label, List<Integer> counts) {}

    /** The analysis section; {@code empty} when fewer than two rounds can be compared. */
    public record Analysis(
            String pair,
            String summary,
            List<TrendBlock> trends,
            List<TransitionBlock> transitions,
            String flowSvg,
            boolean empty) {}

    /**
     * The public page of a dialogue.
     *
     * @param returning "none" (no participant of any round here), "can-consent" or "returning"
     */
    public record View(
            long id,
            String title,
            String description,
            String lang,
            List<RoundRow> rounds,
            String zone,
            boolean zoneFromBrowser,
            String currentUrl,
            String returning,
            Analysis analysis,
            boolean organizer,
            String notice) {}

    /** The page that shows a return link and a recovery code once. */
    public record Pass(long dialogueId, String title, String returnUrl, String recoveryCode, String continueUrl) {}

    /** A statement of the last round the organizer may carry into the next. */
    /**
     * A statement of the last round the organizer may carry, in the reader's language, with its
     * original ({@code lang}, {@code original}) and the translation readers of each other language see.
     */
    public record Carryable(
            long id,
            String text,
            boolean carried,
            String lang,
            String original,
            java.util.Map<org.commonground.web.Language, String> translations) {}

    /** The organizers' figures of the dialogue: participation by cohort per round, return rates, votes per participant. */
    public record ForOrganizers(
            String dimension,
            org.commonground.report.LineChart participation,
            List<Legend> legend,
            List<ReturnRow> returns,
            org.commonground.report.Histogram votes,
            int votesRound,
            int voters,
            String medianVotes) {}

    /** A series of the participation chart: the cohort value, its colour and its voters in the last round. */
    public record Legend(String label, String cssClass, int count) {}

    /** Round {@code from} to {@code to}: its voters, how many came back, and the share as a percentage. */
    public record ReturnRow(int from, int to, int participants, int returned, String rate) {}

    /** A dialogue in the organizer's list. */
    public record Listed(long id, String title, int rounds, String current) {}

    /** A conversation the organizer may make round 1 of a new dialogue. */
    public record Candidate(long id, String title) {}
}
