package org.commonground.web;

import io.javalin.http.Context;
import org.commonground.problem.Invalid;

/** Reads a request's JSON body as a record; a missing body or a bare {@code null} is malformed, not a crash. */
public final class JsonBody {
    private JsonBody() {}

    public static <T> T read(Context ctx, Class<T> type) {
        T value = ctx.bodyAsClass(type);
        if (value == null) {
            throw Invalid.malformed("malformed-json", "problem.malformed-json");
        }
        return value;
    }
}
