package org.commonground.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;

/**
 * The languages a translator member translates into, in the order the organizer gave them: the
 * first is the one their translator desk opens on. Never empty, no language twice.
 */
public record TranslatorLanguages(List<Language> languages) {
    /** A translator added without languages: all three, as every translator had before languages were stored. */
    public static final TranslatorLanguages ALL = new TranslatorLanguages(List.of(Language.values()));

    public TranslatorLanguages {
        languages = languages.stream().distinct().toList();
        if (languages.isEmpty()) {
            throw Invalid.field("languages", "member.languages.empty");
        }
    }

    /**
     * The languages as a request names them ({@code null} when it names none). Only the exact codes
     * ja, ko and en: anything else is not a language we have, and the request is refused as bad (400).
     */
    public static TranslatorLanguages fromCodes(List<String> codes) {
        if (codes == null) {
            return null;
        }
        List<Language> languages = new ArrayList<>();
        for (String code : codes) {
            Language language = Language.parse(code)
                    .filter(l -> l.code().equals(code))
                    .orElseThrow(() ->
                            Invalid.malformed("unknown-language", "member.language.unknown", String.valueOf(code)));
            languages.add(language);
        }
        return new TranslatorLanguages(languages);
    }

    static TranslatorLanguages fromStored(String[] codes) {
        return new TranslatorLanguages(
                Arrays.stream(codes).map(c -> Language.parse(c).orElseThrow()).toList());
    }

    String[] codes() {
        return languages.stream().map(Language::code).toArray(String[]::new);
    }

    public Language first() {
        return languages.getFirst();
    }
}
