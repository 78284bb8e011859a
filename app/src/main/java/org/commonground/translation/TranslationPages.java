package org.commonground.translation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.Readable;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Forbidden;
import org.commonground.web.Language;
import org.commonground.web.Pages;
import org.commonground.web.PathIds;

/**
 * The translator's desk: statements lacking a human translation into one language, each in a
 * side-by-side editor (original left, translation right, a machine translation as the starting
 * point when there is one), and the proposed translations waiting for a second translator or a
 * moderator to approve them. Approved translations reach participants marked as human ones.
 */
final class TranslationPages {
    private final Pages pages;
    private final Readable readable;
    private final TranslationStore translations;
    private final Access access;
    private final IntoLanguages intoLanguages;
    private final LongFunction<Glossary> glossaries;
    private final CohortLabelStore cohortLabels;

    TranslationPages(
            Pages pages,
            Readable readable,
            TranslationStore translations,
            Access access,
            IntoLanguages intoLanguages,
            LongFunction<Glossary> glossaries,
            CohortLabelStore cohortLabels) {
        this.glossaries = glossaries;
        this.cohortLabels = cohortLabels;
        this.pages = pages;
        this.readable = readable;
        this.translations = translations;
        this.access = access;
        this.intoLanguages = intoLanguages;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/translate/c/{conversationId}", this::desk);
        routes.post("/translate/c/{conversationId}/s/{statementId}", this::submit);
        routes.get("/translate/c/{conversationId}/s/{statementId}", this::one);
        routes.post("/translate/c/{conversationId}/t/{translationId}/approve", this::approve);
        routes.post("/translate/c/{conversationId}/t/{translationId}/reject", this::reject);
        routes.post("/translate/c/{conversationId}/cohort-labels", this::giveCohortLabels);
    }

    private Account requireTranslatorOrModerator(Context ctx, long id) {
        Account a = access.requireAccount(ctx);
        if (access.has(a, id, Set.of("organizer", "translator", "moderator"))) {
            return a;
        }
        throw Forbidden.role();
    }

    private void desk(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Account me = requireTranslatorOrModerator(ctx, id);
        render(ctx, id, me, Map.of(), null);
    }

    /**
     * One statement opened for translation (from the moderation queue, a search, a link): the
     * original beside an editor holding the machine draft when there is one.
     */
    private void one(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        long statementId = PathIds.of(ctx, "statementId");
        Account me = requireTranslatorOrModerator(ctx, id);
        Conversation c = readable.conversation(ctx, id);
        Language into =
                Language.parse(ctx.queryParam("into")).orElseGet(() -> intoLanguages.opening(me, id, Language.of(ctx)));
        intoLanguages.require(me, id, into);
        TranslationStore.Missing m = translations.draft(id, statementId, into);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("into", into);
        model.put("m", m);
        model.put(
                "history",
                translations.of(id, statementId).stream()
                        .filter(t -> t.lang().equals(into.code()))
                        .toList());
        model.put(
                "canTranslate",
                access.has(me, id, Set.of("organizer", "translator"))
                        && !m.lang().equals(into.code()));
        model.put("marks", new GlossaryMarks(glossaries.apply(id)));
        pages.render(ctx, "translate/statement.jte", model);
    }

    private void render(Context ctx, long id, Account me, Map<String, String> errors, String notice) {
        Conversation c = readable.conversation(ctx, id);
        Language into =
                Language.parse(ctx.queryParam("into")).orElseGet(() -> intoLanguages.opening(me, id, Language.of(ctx)));
        intoLanguages.require(me, id, into);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", Readable.title(c, Language.of(ctx)));
        model.put("into", into);
        model.put("languages", intoLanguages.of(me, id));
        model.put("missing", translations.missing(id, into.code()));
        model.put("proposed", translations.proposed(id, into, me.id()));
        model.put("returned", translations.returned(id, into, me.id()));
        model.put("errors", errors);
        model.put("notice", notice == null ? "" : notice);
        model.put("marks", new GlossaryMarks(glossaries.apply(id)));
        model.put("ownValues", ownValues(ctx, c, into));
        pages.render(ctx, "translate/desk.jte", model);
    }

    private void submit(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        long statementId = PathIds.of(ctx, "statementId");
        Account me = access.requireTranslator(ctx, id);
        String into = ctx.formParam("into");
        // Outside the try: the refusal is a 403 page, not a note beside a statement the desk may not even show.
        intoLanguages.require(me, id, into);
        try {
            translations.submit(
                    id,
                    statementId,
                    me.id(),
                    new TranslationStore.SubmitTranslation(into, ctx.formParam("text"), "human"));
            ctx.redirect(
                    "/translate/c/" + id + "?into="
                            + Language.parse(into).map(Language::code).orElse("en") + "&saved=" + statementId,
                    HttpStatus.SEE_OTHER);
        } catch (CommonGroundException e) {
            ctx.status(e.status());
            var page = pages.page(ctx);
            String message = e.fieldErrors().isEmpty()
                    ? page.t(e.messageKey(), e.args())
                    : page.t(
                            e.fieldErrors().getFirst().messageKey(),
                            e.fieldErrors().getFirst().args());
            render(ctx, id, me, Map.of("s" + statementId, message), null);
        }
    }

    /** Approves a proposed translation; a changed text in the form is the reviewer's edit. */
    private void approve(Context ctx) {
        review(
                ctx,
                (me, id, translationId) -> translations.approve(
                        id,
                        translationId,
                        me.id(),
                        intoLanguages.of(me, id),
                        new TranslationStore.Approval(ctx.formParam("text"))));
    }

    private void reject(Context ctx) {
        review(
                ctx,
                (me, id, translationId) -> translations.reject(
                        id,
                        translationId,
                        me.id(),
                        intoLanguages.of(me, id),
                        new TranslationStore.Rejection(ctx.formParam("reason"))));
    }

    private interface Review {
        TranslationStore.TranslationView decide(Account me, long conversationId, long translationId);
    }

    /** A review decision from the desk; a refused one (no reason, wrong script) is shown beside the translation. */
    private void review(Context ctx, Review review) {
        long id = PathIds.of(ctx, "conversationId");
        long translationId = PathIds.of(ctx, "translationId");
        Account me = requireTranslatorOrModerator(ctx, id);
        try {
            TranslationStore.TranslationView t = review.decide(me, id, translationId);
            ctx.redirect(
                    "/translate/c/" + id + "?into=" + t.lang() + "&" + t.state() + "=" + translationId,
                    HttpStatus.SEE_OTHER);
        } catch (org.commonground.problem.Invalid e) {
            ctx.status(e.status());
            var page = pages.page(ctx);
            String message = e.fieldErrors().isEmpty()
                    ? page.t(e.messageKey(), e.args())
                    : page.t(
                            e.fieldErrors().getFirst().messageKey(),
                            e.fieldErrors().getFirst().args());
            render(ctx, id, me, Map.of("t" + translationId, message), null);
        }
    }

    private List<OwnCohortValue> ownValues(Context ctx, Conversation c, Language into) {
        var page = pages.page(ctx);
        Map<String, CohortLabelStore.GivenLabel> people = new HashMap<>();
        Map<String, CohortLabelStore.GivenLabel> machine = new HashMap<>();
        for (CohortLabelStore.GivenLabel g : cohortLabels.all(c.id())) {
            if (g.lang().equals(into.code())) {
                (g.service() == null ? people : machine).put(g.dimension() + ":" + g.value(), g);
            }
        }
        List<OwnCohortValue> out = new ArrayList<>();
        for (Conversation.CohortDimension d : c.cohorts()) {
            if (!page.messages().has(Language.EN, "cohort.dimension." + d.name())) {
                // The organizer's own dimension: its name is labelled too (value "").
                String key = d.name() + ":";
                out.add(new OwnCohortValue(
                        d.name(),
                        "",
                        people.containsKey(key) ? people.get(key).label() : null,
                        machine.containsKey(key) ? machine.get(key).label() : null));
            }
            for (String v : d.values()) {
                if (!page.messages().has(Language.EN, "cohort." + d.name() + "." + v)) {
                    String key = d.name() + ":" + v;
                    out.add(new OwnCohortValue(
                            d.name(),
                            v,
                            people.containsKey(key) ? people.get(key).label() : null,
                            machine.containsKey(key) ? machine.get(key).label() : null));
                }
            }
        }
        return out;
    }

    /**
     * The desk's form of cohort labels: one field {@code label_<dimension>_<value>} per own value, and
     * {@code label_<dimension>_} for an own dimension's name.
     */
    private void giveCohortLabels(Context ctx) {
        long id = PathIds.of(ctx, "conversationId");
        Account me = access.requireTranslator(ctx, id);
        String into = ctx.formParam("into");
        intoLanguages.require(me, id, into);
        Conversation c = readable.conversation(ctx, id);
        List<CohortLabelStore.CohortLabel> labels = new ArrayList<>();
        for (Conversation.CohortDimension d : c.cohorts()) {
            String name = ctx.formParam("label_" + d.name() + "_");
            if (name != null) {
                labels.add(new CohortLabelStore.CohortLabel(d.name(), "", into, name));
            }
            for (String v : d.values()) {
                String given = ctx.formParam("label_" + d.name() + "_" + v);
                if (given != null) {
                    labels.add(new CohortLabelStore.CohortLabel(d.name(), v, into, given));
                }
            }
        }
        try {
            cohortLabels.give(id, me.id(), labels);
            ctx.redirect("/translate/c/" + id + "?into=" + into + "&labels=saved", HttpStatus.SEE_OTHER);
        } catch (org.commonground.problem.Invalid e) {
            ctx.status(e.status());
            var page = pages.page(ctx);
            String message = e.fieldErrors().isEmpty()
                    ? page.t(e.messageKey(), e.args())
                    : page.t(
                            e.fieldErrors().getFirst().messageKey(),
                            e.fieldErrors().getFirst().args());
            render(ctx, id, me, Map.of("labels", message), null);
        }
    }
}
