package org.commonground.conversation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.web.InputText;
import org.commonground.web.Language;

/**
 * The rules a conversation's configuration obeys, checked before anything is written. Each method
 * adds field errors (with the JSON path of the offending field) instead of stopping at the first.
 */
final class ConversationInput {
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 5_000;
    static final int BACKGROUND_MAX = 20_000;
    static final int MAX_DIMENSIONS = 10;
    static final int MAX_VALUES = 50;
    static final int VALUE_MAX = 64;
    private static final Pattern DIMENSION_NAME = Pattern.compile("^[a-z][a-z0-9_-]{0,31}$");

    /** Cohorts every conversation gets unless the organizer names others. */
    static final List<ConversationStore.CohortSpec> DEFAULT_COHORTS = List.of(
            new ConversationStore.CohortSpec("country", List.of("JP", "KR", "US", "other"), false),
            new ConversationStore.CohortSpec(
                    "role",
                    List.of("academic", "educator", "student", "journalist", "business", "civil-society", "other"),
                    false));

    private ConversationInput() {}

    /** A dimension after validation. */
    record Cohort(String name, List<String> values, boolean fixedByInvite) {}

    static Map<Language, Conversation.Text> texts(Map<String, Conversation.Text> raw, List<FieldError> errors) {
        return InputText.perLanguage(
                raw,
                "conversation",
                errors,
                (t, field, e) -> new Conversation.Text(
                        InputText.clean(t.title(), field + ".title", 1, TITLE_MAX, false, e),
                        InputText.clean(t.description(), field + ".description", 0, DESCRIPTION_MAX, true, e),
                        InputText.clean(t.background(), field + ".background", 0, BACKGROUND_MAX, true, e)));
    }

    static List<Cohort> cohorts(List<ConversationStore.CohortSpec> raw, List<FieldError> errors) {
        List<ConversationStore.CohortSpec> specs = raw == null ? DEFAULT_COHORTS : raw;
        if (specs.size() > MAX_DIMENSIONS) {
            errors.add(new FieldError("cohorts", "conversation.cohorts.too-many", MAX_DIMENSIONS));
            return List.of();
        }
        List<Cohort> cohorts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String field = "cohorts." + i;
            ConversationStore.CohortSpec spec = specs.get(i);
            if (spec == null) {
                errors.add(new FieldError(field + ".name", "conversation.cohorts.name"));
                continue;
            }
            int before = errors.size();
            if (spec.name() == null || !DIMENSION_NAME.matcher(spec.name()).matches()) {
                errors.add(new FieldError(field + ".name", "conversation.cohorts.name"));
            } else if (!names.add(spec.name())) {
                errors.add(new FieldError(field + ".name", "conversation.cohorts.duplicate-name", spec.name()));
            }
            List<String> values = values(spec.values(), field + ".values", errors);
            if (errors.size() == before) {
                cohorts.add(new Cohort(spec.name(), values, Boolean.TRUE.equals(spec.fixedByInvite())));
            }
        }
        return cohorts;
    }

    private static List<String> values(List<String> raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isEmpty() || raw.size() > MAX_VALUES) {
            errors.add(new FieldError(field, "conversation.cohorts.value-count", MAX_VALUES));
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int j = 0; j < raw.size(); j++) {
            String value = InputText.clean(raw.get(j), field + "." + j, 1, VALUE_MAX, false, errors);
            if (value != null && !values.add(Normalizer.normalize(value, Normalizer.Form.NFC))) {
                errors.add(new FieldError(field + "." + j, "conversation.cohorts.duplicate-value", value));
            }
        }
        return List.copyOf(values);
    }
}
