package org.commonground.forum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.web.InputText;

/** A text given in all three languages (en, ja, ko), as forums, organizations and capabilities are named. */
final class Texts {
    static final List<String> LANGUAGES = List.of("en", "ja", "ko");

    private Texts() {}

    /** The cleaned en/ja/ko texts, adding a field error per missing or bad one; null entries when wrong. */
    static Map<String, String> three(Map<String, String> given, String field, int max, List<FieldError> errors) {
        Map<String, String> out = new HashMap<>();
        if (given != null && given.keySet().stream().anyMatch(k -> !LANGUAGES.contains(k))) {
            errors.add(new FieldError(field, "forum.texts.languages"));
        }
        for (String lang : LANGUAGES) {
            out.put(
                    lang,
                    InputText.clean(given == null ? null : given.get(lang), field + "." + lang, 1, max, false, errors));
        }
        return out;
    }
}
