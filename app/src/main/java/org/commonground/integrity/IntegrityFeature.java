package org.commonground.integrity;

import org.commonground.conversation.ConversationFeature;
import org.commonground.participation.ParticipationFeature;
import org.commonground.statement.StatementFeature;
import org.commonground.web.Api;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * The integrity feature's one public entry: brigading signals for a conversation's moderators
 * (page and API), and the audited, reversible exclusion of participants from the analysis. The
 * live analysis (results, above) reads {@link #exclusions()} and hears of changes by registering
 * an {@link ExclusionListener} ({@link #tell}).
 */
public final class IntegrityFeature {
    private final ConversationFeature conversation;
    private final IntegrityReview review;

    private IntegrityFeature(
            Jdbi jdbi,
            ConversationFeature conversation,
            StatementFeature statement,
            ParticipationFeature participation,
            SignalThresholds thresholds) {
        this.conversation = conversation;
        this.review = new IntegrityReview(
                new IntegrityStore(jdbi),
                conversation.conversations(),
                conversation.invites(),
                statement.statements(),
                participation.joinLog(),
                participation.votes(),
                thresholds,
                conversation.clock());
    }

    public static IntegrityFeature wire(
            Jdbi jdbi,
            ConversationFeature conversation,
            StatementFeature statement,
            ParticipationFeature participation,
            SignalThresholds thresholds) {
        return new IntegrityFeature(jdbi, conversation, statement, participation, thresholds);
    }

    /** Who is left out of each conversation's analysis now. */
    public Exclusions exclusions() {
        return review;
    }

    /** Tells {@code listener} of every change of exclusions from now on; called once while wiring. */
    public void tell(ExclusionListener listener) {
        review.tell(listener);
    }

    public void addTo(Api api, Pages pages) {
        new IntegrityPages(pages, conversation.readable(), review, conversation.access()).addTo(api.routes());
        new IntegrityRoutes(review, conversation.access()).addTo(api);
    }
}
