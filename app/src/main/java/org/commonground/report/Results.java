package org.commonground.report;

import java.util.Optional;

/** Where the report page and the API read a conversation's analysis from. */
public interface Results {

    /**
     * The latest result of the conversation, or empty while its first one is still being computed
     * (asking starts that computation if it is not under way). Never blocks on the analysis.
     */
    Optional<LatestResult> latest(long conversationId);
}
