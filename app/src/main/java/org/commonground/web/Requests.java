package org.commonground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import org.commonground.problem.Invalid;

/** Reading the parts of a request every feature needs, with the right problem when they are wrong. */
public final class Requests {
    private static final ObjectMapper MAPPER = Json.mapper();

    private Requests() {}

    /**
     * The JSON body as the given record; 400 when it is missing, not JSON, the literal {@code null},
     * or of the wrong shape. Text that is not UTF-8 never gets here: {@link BodyEncoding} refuses it
     * for every request, so the body is parsed from its bytes without decoding it a second time.
     */
    public static <T> T body(Context ctx, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(ctx.bodyAsBytes(), type);
        } catch (IOException e) {
            value = null;
        }
        if (value == null) {
            throw Invalid.malformed("malformed-json", "problem.malformed-json");
        }
        return value;
    }

}
