package org.commonground.participation;

import org.commonground.translation.ShownStatements;

/** One earlier vote, with the statement as the participant reads it. */
public record EarlierVote(ShownStatements.Shown statement, Vote vote) {}
