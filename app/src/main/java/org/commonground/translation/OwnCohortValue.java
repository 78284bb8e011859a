package org.commonground.translation;

/**
 * An organizer's own cohort value (one the product has no name for) and what it is called in the
 * translation desk's language: {@code label} given by a person, else {@code machine} as a draft.
 */
public record OwnCohortValue(String dimension, String value, String label, String machine) {}
