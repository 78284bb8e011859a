package org.commonground.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.commonground.problem.Invalid;

/** Reading the parts of a request every feature needs, with the right problem when they are wrong. */
public final class Requests {
    private static final ObjectMapper MAPPER = Json.mapper();

    private Requests() {}

    /**
     * The JSON body as the given record, with the API's one JSON configuration: the one reader of
     * request bodies. 400 when it is missing, not JSON, the literal {@code null}, or of the wrong
     * shape; a problem raised while binding a field (such as {@code invalid-text} for a string
     * PostgreSQL cannot store) or an unknown enum code (422 on that field) is answered as such
     * ({@link Problems#fromJackson}). Text that is not UTF-8 never gets here: {@link BodyEncoding}
     * refuses it for every request, so the body is parsed from its bytes without decoding it twice.
     */
    public static <T> T body(Context ctx, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(ctx.bodyAsBytes(), type);
        } catch (JacksonException e) {
            throw Problems.fromJackson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw Invalid.malformed("malformed-json", "problem.malformed-json");
        }
        return value;
    }
}
