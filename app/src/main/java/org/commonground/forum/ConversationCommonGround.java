package org.commonground.forum;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commonground.problem.CommonGroundException;
import org.commonground.results.Results;
import org.commonground.results.ResultsReaders;
import org.commonground.translation.ShownStatements;
import org.commonground.web.Language;

/**
 * The common ground of the conversation a forum links to: the statements a majority of every
 * country cohort agrees with, in the reader's language, best first. The forum shows it only to
 * whoever may read that conversation's results, through the results feature's one gate.
 */
final class ConversationCommonGround {
    private final ResultsReaders readers;
    private final Results results;
    private final ShownStatements shown;

    ConversationCommonGround(ResultsReaders readers, Results results, ShownStatements shown) {
        this.readers = readers;
        this.results = results;
        this.shown = shown;
    }

    /** Empty when the reader may not see the conversation's results, or while its first result is being computed. */
    List<String> statements(Context ctx, long conversationId, Language reader) {
        try {
            readers.require(ctx, conversationId);
        } catch (CommonGroundException hidden) {
            return List
                    .of(); // unknown, a draft, archived, or results not for this reader: the forum page just omits them
        }
        return results.latest(conversationId)
                .map(latest -> {
                    Map<Long, ShownStatements.Shown> texts = shown.all(conversationId, reader);
                    return latest.result().commonGround().stream()
                            .map(texts::get)
                            .filter(Objects::nonNull)
                            .map(ShownStatements.Shown::text)
                            .toList();
                })
                .orElse(List.of());
    }
}
