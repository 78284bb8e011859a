package org.commonground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.commonground.problem.Invalid;

/**
 * Refuses request bodies that are not valid UTF-8, and page forms with a NUL in a field, before any
 * handler reads them. Jackson and the servlet layer would otherwise replace bad bytes with U+FFFD
 * and store a silently mangled text; PostgreSQL would refuse the NUL with a server error.
 * Binary uploads (multipart, octet-stream, zip) are left to the handlers that expect them.
 */
public final class BodyEncoding {
    private BodyEncoding() {}

    public static void addTo(RoutesConfig routes) {
        routes.before(BodyEncoding::check);
    }

    static void check(Context ctx) {
        if (isBinary(ctx.contentType())) {
            return;
        }
        String length = ctx.header("Content-Length");
        if ("0".equals(length) || (length == null && ctx.header("Transfer-Encoding") == null)) {
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            return;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw Invalid.malformed("invalid-encoding", "problem.invalid-encoding");
        }
        storableForm(ctx);
    }

    /**
     * A page form whose field holds what PostgreSQL text cannot store (a NUL, as {@code %00}) is
     * refused here, for every form at once and before any handler has created anything: 422 on
     * that field, shown on the error page in the reader's language. (JSON bodies get the same
     * rule in {@link Json}.)
     */
    private static void storableForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return;
        }
        ctx.formParamMap().forEach((name, values) -> {
            if (!Json.StrictStrings.storable(name) || values.stream().anyMatch(v -> !Json.StrictStrings.storable(v))) {
                throw Invalid.field(Json.StrictStrings.storable(name) ? name : "form", "problem.invalid-text");
            }
        });
    }

    private static boolean isBinary(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("multipart/")
                || type.startsWith("application/octet-stream")
                || type.startsWith("application/zip")
                || type.startsWith("application/gzip")
                || type.startsWith("image/");
    }
}
