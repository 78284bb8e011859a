package org.commonground.privacy;

import java.util.List;

/**
 * What a conversation keeps about its participants and who sees it, read from its actual
 * settings: the facts its privacy page ({@code /c/{id}/privacy}) puts into words.
 *
 * @param resultsVisibility    who may read the results: public, participants or organizers
 * @param moderation           pre (moderators read statements before anyone else) or post
 * @param cohortQuestions      the cohort dimensions asked at join, in order
 * @param fixedByInvite        of those, the ones the invite link sets rather than the participant
 * @param machineTranslation   the outside service statements are sent to for machine translation;
 *                             null when the conversation does not use one
 * @param erasure              what deleting one's data does to one's statements: anonymise or delete
 * @param storesIpAddresses    always false: client addresses are kept in memory for rate limits only
 * @param participantCookieDays how long the browser keeps the participant's token cookie
 */
public record PrivacyNotice(
        long conversationId,
        String resultsVisibility,
        String moderation,
        boolean participantsCanWrite,
        List<String> cohortQuestions,
        List<String> fixedByInvite,
        TranslationService machineTranslation,
        String erasure,
        boolean storesIpAddresses,
        int participantCookieDays) {

    /**
     * A machine translation service.
     *
     * @param where where it runs (host and port)
     * @param local it runs on this machine, so no text leaves it
     */
    public record TranslationService(String service, String where, boolean local) {}

    public boolean machineTranslated() {
        return machineTranslation != null;
    }
}
