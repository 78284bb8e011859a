package org.commonground.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.problem.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: RFC 9457 {@code application/problem+json}
 * with a stable {@code type}, the status, and a {@code detail} in the request's language.
 */
public final class Problems {
    public static final String TYPE_BASE = "https://commonground.example/problems/";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final Messages messages;
    private final long maxBodyBytes;
    private final Pages pages;

    /** Browsers asking for a page get a friendly page in their language; {@code pages} renders it. */
    public Problems(Messages messages, long maxBodyBytes, Pages pages) {
        this.messages = messages;
        this.maxBodyBytes = maxBodyBytes;
        this.pages = pages;
    }

    public void addTo(RoutesConfig routes) {
        routes.exception(CommonGroundException.class, (e, ctx) -> write(e, ctx));
        routes.exception(JacksonException.class, (e, ctx) -> write(fromJackson(e), ctx));
        routes.exception(
                CharacterCodingException.class,
                (e, ctx) -> write(Invalid.malformed("invalid-encoding", "problem.invalid-encoding"), ctx));
        routes.exception(HttpResponseException.class, (e, ctx) -> writeHttp(e.getStatus(), ctx));
        routes.exception(Exception.class, (e, ctx) -> {
            Throwable cause = rootCause(e);
            if (cause instanceof CommonGroundException c) {
                write(c, ctx);
            } else if (cause instanceof JacksonException j) {
                write(fromJackson(j), ctx);
            } else if (cause instanceof CharacterCodingException) {
                write(Invalid.malformed("invalid-encoding", "problem.invalid-encoding"), ctx);
            } else if (DatabaseOutage.causedBy(e)) {
                log.warn("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), cause.toString());
                ctx.header("Retry-After", "5");
                write(new Unavailable("database-unavailable", "problem.database-unavailable"), ctx);
            } else {
                log.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                write(500, "internal-error", "problem.internal-error", List.of(), new Object[0], ctx);
            }
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(NotFound.of("route", ctx.path()), ctx);
            }
        });
    }

    private void writeHttp(int status, Context ctx) {
        switch (status) {
            case 404 -> write(NotFound.of("route", ctx.path()), ctx);
            case 405 -> write(405, "method-not-allowed", "problem.method-not-allowed", List.of(), new Object[0], ctx);
            case 413 -> write(Invalid.tooLarge(maxBodyBytes), ctx);
            default -> write(status, "http-" + status, "problem.http", List.of(), new Object[] {status}, ctx);
        }
    }

    /**
     * A JSON body that could not be bound: a problem raised inside a deserializer (such as a
     * string PostgreSQL cannot store) is itself; an unknown enum code is a 422 on that field,
     * naming the allowed codes; anything else is malformed JSON (400).
     */
    static CommonGroundException fromJackson(JacksonException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof CommonGroundException c) {
                return c;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            return Invalid.field(fieldPath(f), "problem.enum-value", allowed);
        }
        return Invalid.malformed("malformed-json", "problem.malformed-json");
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    public void write(CommonGroundException e, Context ctx) {
        if (e instanceof org.commonground.problem.TooManyRequests t) {
            ctx.header("Retry-After", String.valueOf(t.retryAfterSeconds()));
        } else if (e instanceof Unavailable u && u.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", String.valueOf(u.retryAfterSeconds()));
        }
        write(e.status(), e.type(), e.messageKey(), e.fieldErrors(), e.args(), e.extensions(), ctx);
    }

    private void write(
            int status,
            String type,
            String key,
            List<CommonGroundException.FieldError> fields,
            Object[] args,
            Context ctx) {
        write(status, type, key, fields, args, Map.of(), ctx);
    }

    private void write(
            int status,
            String type,
            String key,
            List<CommonGroundException.FieldError> fields,
            Object[] args,
            Map<String, Object> extensions,
            Context ctx) {
        Language lang = Language.of(ctx);
        if (wantsHtml(ctx)) {
            writeHtml(status, key, fields, args, lang, ctx);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", messages.get(lang, "problem.title." + status));
        body.put("status", status);
        body.put("detail", messages.get(lang, key, args));
        body.put("instance", ctx.path());
        if (!fields.isEmpty()) {
            body.put(
                    "errors",
                    fields.stream()
                            .map(f -> Map.of(
                                    "field", f.field(),
                                    "code", f.messageKey(),
                                    "message", messages.get(lang, f.messageKey(), f.args())))
                            .toList());
        }
        extensions.forEach(body::putIfAbsent);
        ctx.status(status).json(body).contentType("application/problem+json; charset=utf-8");
    }

    /**
     * A browser navigating to a page (Accept prefers text/html) or an htmx request; the JSON API
     * under {@code /api/} always answers with problem JSON.
     */
    static boolean wantsHtml(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            return false;
        }
        if ("true".equals(ctx.header("HX-Request"))) {
            return true;
        }
        String accept = ctx.header("Accept");
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }

    private void writeHtml(
            int status,
            String key,
            List<CommonGroundException.FieldError> fields,
            Object[] args,
            Language lang,
            Context ctx) {
        String titleKey = "error.title." + status;
        String title = messages.get(lang, messages.has(lang, titleKey) ? titleKey : "problem.title." + status);
        StringBuilder detail = new StringBuilder(messages.get(lang, key, args));
        for (CommonGroundException.FieldError f : fields) {
            detail.append(' ').append(messages.get(lang, f.messageKey(), f.args()));
        }
        boolean fragment = "true".equals(ctx.header("HX-Request"));
        ctx.status(status);
        pages.render(
                ctx,
                fragment ? "web/error-fragment.jte" : "web/error.jte",
                Map.of("status", status, "title", title, "detail", detail.toString()));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof CommonGroundException)) {
            t = t.getCause();
        }
        return t;
    }
}
