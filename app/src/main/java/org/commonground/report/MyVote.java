package org.commonground.report;

import org.commonground.translation.ShownStatements;
import java.util.List;

/** A statement the participant voted on: their vote and each cohort's split. */
public record MyVote(ShownStatements.Shown statement, String vote, List<StackedBar> cohorts) {}
