package org.commonground.report;

import java.time.Instant;
import org.commonground.analysis.AnalysisResult;

/**
 * Where the report pages get a conversation's analysis. Today {@link ComputedResults} runs the
 * engine on the current votes; a cached live result can replace it with one line in App.
 */
public interface Results {
    /** The freshest analysis of the conversation that is available now. */
    Snapshot latest(long conversationId);

    /** An analysis and when it was computed (shown to readers as the result's age). */
    record Snapshot(AnalysisResult result, Instant computedAt) {}
}
