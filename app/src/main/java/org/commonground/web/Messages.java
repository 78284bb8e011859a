package org.commonground.web;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing string, from {@code messages_en/ja/ko.properties} (UTF-8). Immutable and
 * shared; a missing key shows as the key itself so a gap is visible rather than fatal.
 */
public final class Messages {
    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    public Messages() {
        for (Language l : Language.values()) {
            bundles.put(l, ResourceBundle.getBundle("messages", l.locale(), NO_FALLBACK));
        }
    }

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public String get(Language language, String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** Whether the key exists in the given language's bundle. */
    public boolean has(Language language, String key) {
        return bundles.get(language).containsKey(key);
    }
}
