package org.commonground.translation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Set;
import org.commonground.account.Account;
import org.commonground.conversation.Access;
import org.commonground.problem.Forbidden;
import org.commonground.problem.Invalid;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.PathIds;
import org.commonground.web.Requests;

/** Translators' work: what lacks a translation, submitting one, and approving someone else's. */
final class TranslationRoutes {
    private final TranslationStore translations;
    private final Access access;
    private final IntoLanguages intoLanguages;
    private final CohortLabelStore cohortLabels;

    TranslationRoutes(
            TranslationStore translations, Access access, IntoLanguages intoLanguages, CohortLabelStore cohortLabels) {
        this.cohortLabels = cohortLabels;
        this.translations = translations;
        this.access = access;
        this.intoLanguages = intoLanguages;
    }

    public void addTo(Api api) {
        api.tag(
                "translation",
                "Human translations by translators, machine translation settings and the glossary of contested names");
        api.get("/api/v1/conversations/{conversationId}/translations/missing")
                .id("listMissingTranslations")
                .caller(Caller.ACCOUNT)
                .problems(422)
                .tag("translation")
                .summary(
                        "Accepted statements lacking an approved human translation into ?into=ja|ko|en "
                                + "(a translator only into their languages; ?lang= stays the language of the answer's messages)")
                .returns(new TypeReference<List<TranslationStore.Missing>>() {}.getType())
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Account translator = access.requireTranslator(ctx, conversationId);
                    String into = ctx.queryParam("into");
                    intoLanguages.require(translator, conversationId, into);
                    ctx.json(translations.missing(conversationId, into));
                });

        api.get("/api/v1/conversations/{conversationId}/statements/{statementId}/translations")
                .id("listStatementTranslations")
                .caller(Caller.ACCOUNT)
                .tag("translation")
                .summary("Every translation of a statement, newest first")
                .returns(new TypeReference<List<TranslationStore.TranslationView>>() {}.getType())
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    long statementId = PathIds.of(ctx, "statementId");
                    access.requireTranslator(ctx, conversationId);
                    ctx.json(translations.of(conversationId, statementId));
                });

        api.post("/api/v1/conversations/{conversationId}/statements/{statementId}/translations")
                .id("submitTranslation")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("translation")
                .summary("Submit a human translation (a translator only into their languages), proposed for approval; "
                        + "kind machine is refused (403): only the server's own machine translation makes those")
                .body(TranslationStore.SubmitTranslation.class)
                .returns(TranslationStore.TranslationView.class, 201)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    long statementId = PathIds.of(ctx, "statementId");
                    Account translator = access.requireTranslator(ctx, conversationId);
                    var request = Requests.body(ctx, TranslationStore.SubmitTranslation.class);
                    intoLanguages.require(translator, conversationId, request.lang());
                    ctx.status(201).json(translations.submit(conversationId, statementId, translator.id(), request));
                });

        api.post("/api/v1/conversations/{conversationId}/translations/{translationId}/approval")
                .id("approveTranslation")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("translation")
                .summary("Approve a proposed translation: a translator who did not write it, or a moderator")
                .returns(TranslationStore.TranslationView.class)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    long translationId = PathIds.of(ctx, "translationId");
                    Account approver = reviewer(ctx, conversationId);
                    ctx.json(translations.approve(
                            conversationId, translationId, approver.id(), intoLanguages.of(approver, conversationId)));
                });

        api.get("/api/v1/conversations/{conversationId}/cohort-labels")
                .id("listCohortLabels")
                .caller(Caller.ACCOUNT)
                .tag("translation")
                .summary("What the organizer's own cohort values are called in ja / ko / en: labels people gave "
                        + "(givenBy) and machine translations (service) — staff of the conversation")
                .returns(new TypeReference<List<CohortLabelStore.GivenLabel>>() {}.getType())
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    reviewer(ctx, conversationId);
                    ctx.json(cohortLabels.all(conversationId));
                });

        api.put("/api/v1/conversations/{conversationId}/cohort-labels")
                .id("giveCohortLabels")
                .caller(Caller.ACCOUNT)
                .tag("translation")
                .summary("Give (or, with an empty label, remove) labels of the organizer's own cohort values: "
                        + "organizers in any language, translators into theirs; shown before machine translations")
                .body(CohortLabelStore.CohortLabels.class)
                .returns(new TypeReference<List<CohortLabelStore.GivenLabel>>() {}.getType())
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Account giver = access.requireTranslator(ctx, conversationId);
                    var in = Requests.body(ctx, CohortLabelStore.CohortLabels.class);
                    if (in.labels() != null) {
                        in.labels().stream()
                                .filter(java.util.Objects::nonNull)
                                .forEach(l -> intoLanguages.require(giver, conversationId, l.lang()));
                    }
                    cohortLabels.give(conversationId, giver.id(), in.labels());
                    ctx.json(cohortLabels.all(conversationId));
                });

        api.post("/api/v1/conversations/{conversationId}/translations/{translationId}/edit")
                .id("editAndApproveTranslation")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("translation")
                .summary("Approve a proposed translation with the reviewer's corrections (who may approve it); the "
                        + "translator's text is kept as proposedText")
                .body(TranslationStore.Approval.class)
                .returns(TranslationStore.TranslationView.class)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    long translationId = PathIds.of(ctx, "translationId");
                    Account reviewer = reviewer(ctx, conversationId);
                    var edit = Requests.body(ctx, TranslationStore.Approval.class);
                    if (edit.text() == null) {
                        throw Invalid.field("text", "translation.text.empty");
                    }
                    ctx.json(translations.approve(
                            conversationId,
                            translationId,
                            reviewer.id(),
                            intoLanguages.of(reviewer, conversationId),
                            edit));
                });

        api.post("/api/v1/conversations/{conversationId}/translations/{translationId}/rejection")
                .id("rejectTranslation")
                .caller(Caller.ACCOUNT)
                .problems(409)
                .tag("translation")
                .summary("Send a proposed translation back to its translator with a reason they read on the desk "
                        + "(who may approve it); the statement returns to the missing list")
                .body(TranslationStore.Rejection.class)
                .returns(TranslationStore.TranslationView.class)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    long translationId = PathIds.of(ctx, "translationId");
                    Account reviewer = reviewer(ctx, conversationId);
                    var rejection = Requests.body(ctx, TranslationStore.Rejection.class);
                    ctx.json(translations.reject(
                            conversationId,
                            translationId,
                            reviewer.id(),
                            intoLanguages.of(reviewer, conversationId),
                            rejection));
                });
    }

    /** Who reviews translations: the conversation's translators, moderators and organizers (and admins). */
    private Account reviewer(io.javalin.http.Context ctx, long conversationId) {
        Account reviewer = access.requireAccount(ctx);
        access.requireExists(conversationId);
        if (!access.has(reviewer, conversationId, Set.of("organizer", "moderator", "translator"))) {
            throw Forbidden.role();
        }
        return reviewer;
    }
}
