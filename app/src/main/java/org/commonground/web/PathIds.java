package org.commonground.web;

import io.javalin.http.Context;
import org.commonground.problem.NotFound;

/** Numeric ids in paths. Something that is not an id names nothing, so it is a 404 like an unknown id. */
public final class PathIds {
    private PathIds() {}

    public static long of(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through: not an id
        }
        throw NotFound.of("route", ctx.path());
    }
}
