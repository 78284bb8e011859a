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
        if (language == Language.KO) {
            pattern = KoreanParticles.resolve(pattern, shown(args, language));
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** Each argument as MessageFormat prints it, so a particle can follow its last sound. */
    private static String[] shown(Object[] args, Language language) {
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = new MessageFormat("{0}", language.locale()).format(new Object[] {args[i]});
        }
        return out;
    }

    /** Whether the key exists in the given language's bundle. */
    public boolean has(Language language, String key) {
        return bundles.get(language).containsKey(key);
    }
}
