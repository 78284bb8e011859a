package org.commonground.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the create form holds, for showing it again with errors. */
public record ConversationForm(Map<String, String> values, List<String> cohortNames) {
    static ConversationForm empty() {
        Map<String, String> v = new HashMap<>();
        v.put("moderation", "post");
        v.put("visibility", "public");
        v.put("can_write", "on");
        v.put("cohort_country", "JP, KR, US, other");
        v.put("cohort_role", "academic, educator, student, journalist, business, civil-society, other");
        return new ConversationForm(v, List.of("country", "role"));
    }

    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean on(String name) {
        return "on".equals(values.get(name));
    }
}
