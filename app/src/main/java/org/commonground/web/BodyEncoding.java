package org.commonground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.commonground.problem.Invalid;

/**
 * Refuses request bodies that are not valid UTF-8, before any handler reads them. Jackson and the
 * servlet layer would otherwise replace bad bytes with U+FFFD and store a silently mangled text.
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
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw Invalid.malformed("invalid-encoding", "problem.invalid-encoding");
        }
    }

    private static boolean isBinary(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/octet-stream")
                || type.startsWith("application/zip") || type.startsWith("application/gzip")
                || type.startsWith("image/");
    }
}
