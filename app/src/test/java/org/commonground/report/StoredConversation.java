package org.commonground.report;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * A conversation written straight into a test database: the rows the analysis reads, without
 * going through the HTTP API. Small factory methods return the new database ids.
 */
public final class StoredConversation {
    final Jdbi jdbi;
    public final long id;

    private StoredConversation(Jdbi jdbi, long id) {
        this.jdbi = jdbi;
        this.id = id;
    }

    /** An open conversation with a {@code country} dimension (JP, KR, US, other). */
    public static StoredConversation open(Jdbi jdbi, String resultsVisibility) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO conversation (state, results_visibility) VALUES ('open', :v)")
                    .bind("v", resultsVisibility).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO conversation_text (conversation_id, lang, title) VALUES (:c, 'en', 'Test')")
                    .bind("c", id).execute();
            long dimension = h.createUpdate("INSERT INTO cohort_dimension (conversation_id, name, position) VALUES (:c, 'country', 0)")
                    .bind("c", id).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int position = 0;
            for (String value : new String[] {"JP", "KR", "US", "other"}) {
                h.createUpdate("INSERT INTO cohort_value (dimension_id, value, position) VALUES (:d, :v, :p)")
                        .bind("d", dimension).bind("v", value).bind("p", position++).execute();
            }
            return new StoredConversation(jdbi, id);
        });
    }

    /** A statement in the given moderation state ('accepted', 'pending', 'rejected'). */
    public long statement(String text, String moderationState) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO statement (conversation_id, text, lang, folded, moderation_state, is_seed)
                        VALUES (:c, :t, 'en', lower(:t), :m, true)""")
                .bind("c", id).bind("t", text).bind("m", moderationState)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** A participant, with a country cohort value unless {@code country} is null. */
    public long participant(String country) {
        return jdbi.inTransaction(h -> {
            long p = h.createUpdate("INSERT INTO participant (conversation_id) VALUES (:c)")
                    .bind("c", id).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (country != null) {
                h.createUpdate("""
                                INSERT INTO participant_cohort (participant_id, dimension_id, value)
                                SELECT :p, d.id, :v FROM cohort_dimension d WHERE d.conversation_id = :c AND d.name = 'country'""")
                        .bind("p", p).bind("v", country).bind("c", id).execute();
            }
            return p;
        });
    }

    /** A vote event and the current vote it leaves, as the vote path writes them. */
    public void vote(long participant, long statement, int value, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO vote_event (conversation_id, participant_id, statement_id, value, cast_at)
                            VALUES (:c, :p, :s, :v, :at)""")
                    .bind("c", id).bind("p", participant).bind("s", statement).bind("v", value).bind("at", at).execute();
            h.createUpdate("""
                            INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, cast_at)
                            VALUES (:p, :s, :c, :v, :at)
                            ON CONFLICT (participant_id, statement_id)
                            DO UPDATE SET value = EXCLUDED.value, cast_at = EXCLUDED.cast_at""")
                    .bind("c", id).bind("p", participant).bind("s", statement).bind("v", value).bind("at", at).execute();
        });
    }
}
