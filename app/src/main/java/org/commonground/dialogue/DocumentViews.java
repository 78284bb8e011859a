package org.commonground.dialogue;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.report.StackedBar;
import org.commonground.translation.MachineTranslations;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;
import org.commonground.web.Page;

/**
 * A version of the document as a reader of one language sees it: each text in the reader's language
 * as an editor wrote it, else in another written language, marked as such; each citation with the
 * latest round's split by country cohort and by opinion group; and where Japan's and Korea's cohorts
 * still differ, side by side.
 */
final class DocumentViews {
    /** Languages tried, in order, when the reader's is not written. */
    static final List<Language> FALLBACK = List.of(Language.EN, Language.JA, Language.KO);

    private final ShownStatements shown;
    private final MachineTranslations machine;

    DocumentViews(ShownStatements shown, MachineTranslations machine) {
        this.shown = shown;
        this.machine = machine;
    }

    /** The machine translations' keys of a section's title and of a clause. */
    static String sectionKey(long sectionId) {
        return "document:section:" + sectionId;
    }

    static String clauseKey(long clauseId) {
        return "document:clause:" + clauseId;
    }

    /** The language a text is translated from: the first written of en, ja, ko. */
    static Optional<Language> source(Map<String, String> texts) {
        return FALLBACK.stream().filter(l -> texts.containsKey(l.code())).findFirst();
    }

    /** The API's document: a version and, for each statement it cites, the latest round's figures. */
    public record DocumentJson(
            long dialogueId,
            SharedDocument.Version version,
            int round,
            List<CitedSupport> support,
            List<Long> differ) {}

    /** What the latest round says of a cited statement: {@code latestStatementId} is its copy in that round (0 if not carried there). */
    public record CitedSupport(
            long statementId, long latestStatementId, List<SplitJson> cohorts, List<SplitJson> groups) {}

    /** A cohort's or group's votes with its agree rate and the rate's 95% Wilson interval. */
    public record SplitJson(
            String name,
            int agree,
            int disagree,
            int pass,
            int votes,
            double agreeRate,
            double agreeLow,
            double agreeHigh) {}

    DocumentJson json(Dialogue d, SharedDocument.Version v, Optional<CitationSupport.Round> round) {
        List<CitedSupport> support = new ArrayList<>();
        for (long s : cited(v)) {
            long latest = round.flatMap(r -> r.inRound(s)).orElse(0L);
            List<SplitJson> cohorts = latest == 0
                    ? List.of()
                    : round.get().cohorts(latest, c -> c).stream()
                            .map(DocumentViews::split)
                            .toList();
            List<SplitJson> groups = latest == 0
                    ? List.of()
                    : round.get().groups(latest, CitationSupport::groupLabel).stream()
                            .map(DocumentViews::split)
                            .toList();
            support.add(new CitedSupport(s, latest, cohorts, groups));
        }
        return new DocumentJson(
                d.id(),
                v,
                round.map(r -> r.round.number()).orElse(0),
                support,
                round.map(CitationSupport.Round::divides).orElse(List.of()));
    }

    DocumentPage.View view(
            Dialogue d,
            SharedDocument.Version v,
            List<SharedDocument.Version> visible,
            Optional<CitationSupport.Round> round,
            Page page) {
        Language reader = page.lang();
        Map<String, String> machined = machineTexts(d, v, reader);
        List<DocumentPage.SectionView> sections = new ArrayList<>();
        for (SharedDocument.Section s : v.snapshot().sections()) {
            List<DocumentPage.ClauseView> clauses = new ArrayList<>();
            for (SharedDocument.Clause c : s.clauses()) {
                List<DocumentPage.Citation> citations = new ArrayList<>();
                for (long id : c.cites()) {
                    citations.add(citation(id, round, page));
                }
                clauses.add(new DocumentPage.ClauseView(
                        c.id(), shown(c.texts(), page, machined.get(clauseKey(c.id()))), citations));
            }
            sections.add(new DocumentPage.SectionView(
                    s.id(), shown(s.titles(), page, machined.get(sectionKey(s.id()))), clauses));
        }
        List<DocumentPage.DivideView> differ = new ArrayList<>();
        round.ifPresent(r -> {
            for (long s : r.divides()) {
                differ.add(new DocumentPage.DivideView(
                        s, statement(s, page), r.cohorts(s, c -> page.cohort(CitationSupport.COUNTRY, c))));
            }
        });
        List<DocumentPage.VersionLink> links = visible.stream()
                .map(x -> new DocumentPage.VersionLink(
                        x.number(), x.published(), versionUrl(d.id(), x.number()), x.number() == v.number()))
                .toList();
        boolean hasEarlier = visible.stream().anyMatch(x -> x.number() < v.number());
        Dialogue.DialogueText title = d.text(reader);
        return new DocumentPage.View(
                d.id(),
                title.title(),
                d.texts().containsKey(reader)
                        ? reader.code()
                        : d.texts().containsKey(Language.EN)
                                ? "en"
                                : d.texts().keySet().iterator().next().code(),
                v.number(),
                v.published(),
                v.published()
                        ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(reader.locale())
                                .withZone(ZoneOffset.UTC)
                                .format(v.publishedAt())
                        : "",
                sections,
                differ,
                round.map(r -> r.round.number()).orElse(0),
                links,
                hasEarlier ? versionUrl(d.id(), v.number()) + "/changes" : "",
                v.approvals().stream()
                        .map(a -> page.cohort(CitationSupport.COUNTRY, a.country()))
                        .distinct()
                        .toList());
    }

    DocumentPage.Changes changes(Dialogue d, SharedDocument.Version older, SharedDocument.Version newer, Page page) {
        return new DocumentPage.Changes(
                d.id(),
                d.text(page.lang()).title(),
                older.number(),
                newer.number(),
                VersionDiff.between(
                        older.snapshot(),
                        newer.snapshot(),
                        texts -> shown(texts, page).text()));
    }

    static String versionUrl(long dialogueId, int number) {
        return "/d/" + dialogueId + "/document/v/" + number;
    }

    /**
     * The machine translations into the reader's language of the version's texts no editor wrote in
     * it, by key, for the texts as they are in this version (translated under the latest round).
     */
    private Map<String, String> machineTexts(Dialogue d, SharedDocument.Version v, Language reader) {
        if (d.rounds().isEmpty()) {
            return Map.of();
        }
        Map<String, String> sources = new java.util.HashMap<>();
        for (SharedDocument.Section s : v.snapshot().sections()) {
            missing(s.titles(), reader).ifPresent(text -> sources.put(sectionKey(s.id()), text));
            for (SharedDocument.Clause c : s.clauses()) {
                missing(c.texts(), reader).ifPresent(text -> sources.put(clauseKey(c.id()), text));
            }
        }
        return machine.texts(d.rounds().getLast().conversationId(), reader, sources);
    }

    /** The text a translation into {@code reader} is made from, when no editor wrote it in that language. */
    private static Optional<String> missing(Map<String, String> texts, Language reader) {
        return texts.containsKey(reader.code())
                ? Optional.empty()
                : source(texts).map(l -> texts.get(l.code()));
    }

    /** The text in the reader's language if an editor wrote it, else in the first written of en, ja, ko, marked. */
    static DocumentPage.Shown shown(Map<String, String> texts, Page page) {
        return shown(texts, page, null);
    }

    /**
     * As above, but a machine translation into the reader's language ({@code machined}, null if none)
     * comes before another written language, marked as machine-made and not checked by an editor.
     */
    static DocumentPage.Shown shown(Map<String, String> texts, Page page, String machined) {
        Language reader = page.lang();
        if (texts.containsKey(reader.code())) {
            return new DocumentPage.Shown(texts.get(reader.code()), reader.code(), "", false);
        }
        if (machined != null) {
            String from = source(texts).map(Language::code).orElse("en");
            return new DocumentPage.Shown(
                    machined, reader.code(), page.t("document.machine", page.t("document.lang." + from)), true);
        }
        for (Language l : FALLBACK) {
            if (texts.containsKey(l.code())) {
                return new DocumentPage.Shown(
                        texts.get(l.code()),
                        l.code(),
                        page.t(
                                "document.fallback",
                                page.t("document.lang." + reader.code()),
                                page.t("document.lang." + l.code())),
                        false);
            }
        }
        return new DocumentPage.Shown("", reader.code(), "", false);
    }

    /** The statements cited, each with what the latest round says of it (the editors' page shows the working draft so). */
    List<DocumentPage.Citation> citations(List<Long> ids, Optional<CitationSupport.Round> round, Page page) {
        return ids.stream().map(id -> citation(id, round, page)).toList();
    }

    /** The accepted statements of the dialogue's latest round as the reader sees them, by id: what a clause may cite. */
    List<DocumentPage.Citable> citable(Dialogue d, Page page) {
        return shown.all(d.last().conversationId(), page.lang()).values().stream()
                .sorted(java.util.Comparator.comparingLong(ShownStatements.Shown::id))
                .map(s -> new DocumentPage.Citable(
                        s.id(),
                        new DocumentPage.Shown(
                                s.text(),
                                s.lang(),
                                "machine".equals(s.translation()) ? page.t("document.statement.machine") : "",
                                "machine".equals(s.translation()))))
                .toList();
    }

    private DocumentPage.Citation citation(long id, Optional<CitationSupport.Round> round, Page page) {
        Optional<Long> latest = round.flatMap(r -> r.inRound(id));
        List<StackedBar> cohorts = latest.map(s -> round.get().cohorts(s, c -> page.cohort(CitationSupport.COUNTRY, c)))
                .orElse(List.of());
        List<StackedBar> groups = latest.map(s ->
                        round.get().groups(s, g -> page.t("report.group", CitationSupport.groupLabel(g))))
                .orElse(List.of());
        return new DocumentPage.Citation(
                id, "s" + id, statement(latest.orElse(id), page), latest.isPresent(), cohorts, groups);
    }

    private DocumentPage.Shown statement(long id, Page page) {
        return shown.one(id, page.lang())
                .map(s -> new DocumentPage.Shown(
                        s.text(),
                        s.lang(),
                        "machine".equals(s.translation()) ? page.t("document.statement.machine") : "",
                        "machine".equals(s.translation())))
                .orElse(new DocumentPage.Shown(
                        page.t("document.statement.hidden"), page.lang().code(), "", false));
    }

    private static List<Long> cited(SharedDocument.Version v) {
        return v.snapshot().sections().stream()
                .flatMap(s -> s.clauses().stream())
                .flatMap(c -> c.cites().stream())
                .distinct()
                .toList();
    }

    private static SplitJson split(StackedBar b) {
        return new SplitJson(
                b.label(), b.agree(), b.disagree(), b.pass(), b.votes(), b.agreeShare(), b.agreeLow(), b.agreeHigh());
    }
}
