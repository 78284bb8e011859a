package org.commonground.participation;

import java.util.List;

/** A cohort question of the join step; {@code fixed} is the value an invite sets, else null. */
public record CohortQuestion(String dimension, List<String> values, String fixed, boolean required) {}
