package org.commonground.text;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.commonground.account.Account;
import org.commonground.account.Authentication;
import org.commonground.conversation.Access;
import org.commonground.problem.Invalid;
import org.commonground.statement.StatementText;
import org.commonground.web.Api;
import org.commonground.web.Caller;
import org.commonground.web.Language;
import org.commonground.web.PathIds;

/**
 * Search and the near-duplicate check over HTTP. Participants of the conversation see accepted
 * statements only; its moderators and organizers (and admins) also see pending and rejected ones,
 * marked with their state, so they can find duplicate clusters.
 */
final class TextRoutes {
    static final int MAX_LIMIT = 50;
    private static final Set<String> PUBLIC = Set.of("accepted");
    private static final Set<String> ALL = Set.of("accepted", "pending", "rejected");

    private final StatementSearch search;
    private final Access access;
    private final Authentication authentication;
    private final ParticipantCheck participants;

    TextRoutes(StatementSearch search, Access access, Authentication authentication, ParticipantCheck participants) {
        this.search = search;
        this.access = access;
        this.authentication = authentication;
        this.participants = participants;
    }

    /** The answer of the similar-statements check; {@code duplicateThreshold} in [0, 1]. */
    record SimilarStatements(double duplicateThreshold, List<SimilarStatement> statements) {}

    /**
     * A statement found by search, in the reader's language when it has a translation into it.
     *
     * @param lang         language of {@code text}
     * @param originalLang language the statement was written in
     */
    record FoundStatement(long statementId, String text, String lang, String originalLang, String moderationState) {}

    void addTo(Api api) {
        api.get("/api/v1/conversations/{conversationId}/statements/similar")
                .id("findSimilarStatements")
                .caller(Caller.PARTICIPANT_OR_ACCOUNT)
                .problems(422)
                .tag("statements")
                .summary("Statements alike ?text= in ?lang= (detected when absent), within the language and across "
                        + "languages through translations, best first; ?limit= (1–50, default 5), ?min= score (default: "
                        + "the duplicate threshold)")
                .returns(SimilarStatements.class)
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Set<String> states = visibleStates(ctx, conversationId);
                    String text = StatementText.normalize(ctx.queryParam("text"));
                    Language lang =
                            language(ctx.queryParam("lang")).orElseGet(() -> StatementText.detectLanguage(text));
                    double min = minimum(ctx.queryParam("min"));
                    ctx.json(new SimilarStatements(
                            Likeness.DUPLICATE,
                            search.similar(conversationId, states, lang, text, min, limit(ctx, 5))));
                });

        api.get("/api/v1/conversations/{conversationId}/statements/search")
                .id("searchStatements")
                .caller(Caller.PARTICIPANT_OR_ACCOUNT)
                .problems(422)
                .tag("statements")
                .summary("Full-text search of the statements in any language (Kuromoji, Nori, English analyzers), "
                        + "answered in ?lang= (else the reader's language); ?q=, ?limit= (1–50, default 20)")
                .returns(Api.listOf(FoundStatement.class))
                .handle(ctx -> {
                    long conversationId = PathIds.of(ctx, "conversationId");
                    Set<String> states = visibleStates(ctx, conversationId);
                    String q = ctx.queryParam("q");
                    if (q == null || StatementText.fold(q).isEmpty()) {
                        throw Invalid.field("q", "text.query.empty");
                    }
                    if (q.length() > StatementText.MAX_LENGTH) {
                        throw Invalid.field("q", "statement.text.too-long", StatementText.MAX_LENGTH, q.length());
                    }
                    ctx.json(search.search(conversationId, states, q, Language.of(ctx), limit(ctx, 20)));
                });
    }

    /** Accepted only, unless the caller moderates the conversation; 401/403/404 for strangers. */
    private Set<String> visibleStates(Context ctx, long conversationId) {
        Optional<Account> account = authentication.account(ctx);
        if (account.isPresent() && access.has(account.get(), conversationId, Set.of("organizer", "moderator"))) {
            return ALL;
        }
        participants.require(ctx, conversationId);
        return PUBLIC;
    }

    private static Optional<Language> language(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.strip().toLowerCase(Locale.ROOT);
        return Optional.of(Language.parse(code)
                .filter(l -> l.code().equals(code))
                .orElseThrow(() -> Invalid.field("lang", "statement.lang.invalid")));
    }

    private static int limit(Context ctx, int fallback) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Invalid.field("limit", "moderation.limit.invalid", MAX_LIMIT);
    }

    private static double minimum(String raw) {
        if (raw == null) {
            return Likeness.DUPLICATE;
        }
        try {
            double min = Double.parseDouble(raw.strip());
            if (min >= 0 && min <= 1) {
                return min;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Invalid.field("min", "text.min.invalid");
    }
}
