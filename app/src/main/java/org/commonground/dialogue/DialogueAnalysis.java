package org.commonground.dialogue;

import io.javalin.http.Context;
import java.util.Optional;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.problem.CommonGroundException;
import org.commonground.results.ResultsReaders;
import org.commonground.web.Page;

/**
 * The analysis across a dialogue's rounds for one reader: only rounds out of draft whose results the
 * reader may read (the results feature's one gate) go into it, so a round with results for
 * organizers only never leaks through the dialogue page.
 */
final class DialogueAnalysis {
    private final CrossRounds crossRounds;
    private final ResultsReaders readers;
    private final ConversationCatalog conversations;
    private final DialogueViews views;

    DialogueAnalysis(
            CrossRounds crossRounds, ResultsReaders readers, ConversationCatalog conversations, DialogueViews views) {
        this.crossRounds = crossRounds;
        this.readers = readers;
        this.conversations = conversations;
        this.views = views;
    }

    Optional<CrossRounds.Analysed> analysed(Context ctx, Dialogue d) {
        return crossRounds.analyse(d, conversationId -> readable(ctx, conversationId));
    }

    DialogueViews.CrossRoundView view(Context ctx, Dialogue d, Page page) {
        return analysed(ctx, d).map(a -> views.of(a, d.id(), page)).orElse(DialogueViews.CrossRoundView.none(d.id()));
    }

    boolean readable(Context ctx, long conversationId) {
        boolean draft = conversations
                .find(conversationId)
                .map(c -> c.state() == ConversationState.DRAFT)
                .orElse(true);
        if (draft) {
            return false;
        }
        try {
            readers.require(ctx, conversationId);
            return true;
        } catch (CommonGroundException refused) {
            return false;
        }
    }
}
