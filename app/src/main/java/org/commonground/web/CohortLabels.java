package org.commonground.web;

import java.util.Map;

/**
 * What readers call an organizer's own cohort dimensions and values in their language ("industry" → 産業界 /
 * 산업계), given by people or by machine translation: answered by the translation feature, asked
 * by every page of a conversation through {@link Page#cohort}, so a value the product has no name
 * for is never left in English beside translated ones.
 */
public interface CohortLabels {

    /**
     * Label by {@code dimension:value} for the conversation in the reader's language, and by
     * {@code dimension} for an organizer's own dimension's name; those without one are absent.
     */
    Map<String, String> of(long conversationId, Language reader);

    CohortLabels NONE = (conversationId, reader) -> Map.of();
}
