package org.commonground.report;

import java.util.List;
import org.commonground.translation.ShownStatements;

/** A statement the participant voted on: their vote and each cohort's split. */
public record MyVote(ShownStatements.Shown statement, String vote, List<StackedBar> cohorts) {}
