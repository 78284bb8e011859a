package org.commonground.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one participant of one conversation, as they download it: their
 * pseudonym, language, cohort answers, every vote they cast with its time, and the statements they
 * wrote (in any moderation state: their own words). Labels and statement texts are in the language
 * asked for. Nobody else's data is in it: no other participant, no author of a statement voted on.
 *
 * @param conversation        the conversation's title in that language
 * @param participant         their pseudonym in this conversation (as public results name them)
 * @param language            the preferred language stored for them
 * @param joinedThroughInvite they joined with an invite link (which may have set a cohort answer)
 * @param erasurePolicy       what deleting their data would do to their statements: anonymise or delete
 * @param notStored           what is never stored about them, in that language
 */
public record ParticipantData(
        long conversationId,
        String conversation,
        String participant,
        String language,
        Instant joinedAt,
        boolean joinedThroughInvite,
        List<CohortAnswer> cohorts,
        List<RecordedVote> votes,
        List<WrittenStatement> statements,
        String erasurePolicy,
        String notStored,
        Instant downloadedAt) {

    /** One cohort answer: the dimension and value as stored and as the reader knows them. */
    public record CohortAnswer(String dimension, String dimensionLabel, String value, String valueLabel) {}

    /**
     * One vote as cast; a change of vote is a later one on the same statement.
     *
     * @param vote      agree, disagree or pass
     * @param statement the statement as shown in the language asked for; null when moderators have
     *                  taken it out since (its text is for them only) or it was deleted
     */
    public record RecordedVote(long statementId, String vote, String voteLabel, Instant castAt, String statement) {}

    /** A statement they wrote, in its original text; {@code moderationState}: pending, accepted or rejected. */
    public record WrittenStatement(
            long id, String text, String lang, String moderationState, String moderationLabel, Instant createdAt) {}
}
