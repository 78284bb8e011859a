package org.commonground.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An operator's {@code name=value,name=value} setting (an environment variable such as
 * {@code COMMONGROUND_LIMITS}): read once, each name taken by the setting that knows it, and any
 * name left over refused, so a typo fails loudly at start instead of being ignored.
 */
public final class NamedSettings {
    private final String what;
    private final Map<String, String> given = new LinkedHashMap<>();

    private NamedSettings(String what) {
        this.what = what;
    }

    /** Parses {@code settings}; names are case-insensitive, blanks between commas are skipped. */
    public static NamedSettings parse(String what, String settings) {
        NamedSettings out = new NamedSettings(what);
        for (String part : settings.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("not name=value: " + part);
            }
            out.given.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip());
        }
        return out;
    }

    /** The value given for {@code name}, taken (null if not given). */
    public String take(String name) {
        return given.remove(name);
    }

    /** Fails on any name nobody took, listing the {@code known} ones. */
    public void requireAllTaken(String known) {
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown " + what + " " + given.keySet() + "; known: " + known);
        }
    }
}
