package org.commonground.results;

import java.util.Optional;

/** Where the report page and the API read a conversation's analysis from. */
public interface Results {

    /**
     * The latest result of the conversation, or empty while its first one is still being computed
     * (asking starts that computation if it is not under way). Never blocks on the analysis.
     */
    Optional<LatestResult> latest(long conversationId);

    /**
     * The latest result, waiting a few seconds for the conversation's first one if need be.
     *
     * @throws org.commonground.problem.Unavailable (503) when there is no result yet and the
     *         analysis pool is saturated, or the first result takes longer than the wait
     */
    LatestResult latestOrWait(long conversationId);
}
