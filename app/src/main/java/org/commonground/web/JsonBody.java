package org.commonground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.commonground.problem.Invalid;

/**
 * Reads a request's JSON body as a record, with the API's one JSON configuration. A bare
 * {@code null} is malformed rather than a null that would crash the handler.
 */
public final class JsonBody {
    private static final ObjectMapper MAPPER = Json.mapper();

    private JsonBody() {}

    public static <T> T read(Context ctx, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(ctx.bodyAsBytes(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
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
