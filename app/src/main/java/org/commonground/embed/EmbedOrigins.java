package org.commonground.embed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Invalid;

/**
 * The rule of an allowed origin: {@code http(s)://host[:port]}, nothing else (no path, no
 * wildcard, no quote), since each becomes a source of the CSP {@code frame-ancestors} directive.
 */
final class EmbedOrigins {
    static final int MAX = 20;

    private EmbedOrigins() {}

    static List<String> validate(List<String> raw) {
        List<CommonGroundException.FieldError> errors = new ArrayList<>();
        Set<String> out = new LinkedHashSet<>();
        List<String> given = raw == null ? List.of() : raw;
        if (given.size() > MAX) {
            throw Invalid.field("origins", "embed.origins.too-many", MAX);
        }
        for (int i = 0; i < given.size(); i++) {
            String o = given.get(i) == null ? "" : given.get(i).strip();
            String normal = normal(o);
            if (normal == null) {
                errors.add(new CommonGroundException.FieldError("origins." + i, "embed.origin.invalid", o));
            } else {
                out.add(normal);
            }
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return List.copyOf(out);
    }

    /** The origin as a CSP source, or null when it is not a plain http(s) origin. */
    static String normal(String o) {
        if (o.isEmpty() || o.length() > 200 || !o.matches("(?i)https?://[a-z0-9.\\-\\[\\]:]+/?")) {
            return null;
        }
        try {
            URI u = URI.create(o);
            if (u.getHost() == null
                    || (u.getPath() != null
                            && !u.getPath().isEmpty()
                            && !u.getPath().equals("/"))) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
