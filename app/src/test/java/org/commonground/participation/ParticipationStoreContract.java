package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commonground.problem.CommonGroundException;
import org.commonground.problem.Conflict;
import org.commonground.statement.Statements;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.TestDatabase;
import org.commonground.web.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database promises of taking part, proven on both servers the product supports: votes keep
 * their history and the latest wins, invite uses are counted atomically, and concurrent identical
 * statements cannot both pass the duplicate check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParticipationStoreContract {
    TestDatabase db;
    ParticipationGiven given;
    VoteStore votes;
    Join join;
    Statements statements;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void open() {
        db = TestDatabase.fresh(kind());
        given = new ParticipationGiven(db);
        votes = new VoteStore(given.jdbi);
        join = new Join(given.jdbi, org.commonground.conversation.Invites.over(given.jdbi));
        statements = Statements.over(given.jdbi);
    }

    @AfterAll
    void close() {
        db.close();
    }

    static class OnEmbedded extends ParticipationStoreContract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.EMBEDDED;
        }
    }

    static class OnExternal extends ParticipationStoreContract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.EXTERNAL;
        }
    }

    @Test
    void keepsEveryVoteEventAndTheLatestIsCurrent() {
        var c = given.openConversation();
        long s = given.statement(c, "History textbooks should be written jointly.");
        var p = given.participant(c);

        votes.cast(c.id(), p.token(), s, Vote.AGREE);
        votes.cast(c.id(), p.token(), s, Vote.PASS);
        var last = votes.cast(c.id(), p.token(), s, Vote.DISAGREE);

        assertThat(given.count("SELECT count(*) FROM vote_event WHERE participant_id = ?", p.id()))
                .isEqualTo(3);
        assertThat(given.count("SELECT count(DISTINCT cast_at) FROM vote_event WHERE participant_id = ?", p.id()))
                .isEqualTo(3);
        assertThat(given.count(
                        "SELECT value FROM current_vote WHERE participant_id = ? AND statement_id = ?", p.id(), s))
                .isEqualTo(-1);
        var current =
                given.jdbi.withHandle(h -> h.select("SELECT cast_at FROM current_vote WHERE participant_id = ?", p.id())
                        .mapTo(java.time.Instant.class)
                        .one());
        assertThat(current).isEqualTo(last.castAt());
    }

    @Test
    void concurrentVotesOfOneParticipantLeaveTheLatestEventAsTheCurrentVote() throws Exception {
        var c = given.openConversation();
        long s = given.statement(c, "Concurrent changes of mind.");
        var p = given.participant(c);
        List<Callable<Object>> casts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Vote v = Vote.values()[i % 3];
            casts.add(() -> votes.cast(c.id(), p.token(), s, v));
        }

        runAll(casts);

        int latest = given.count("""
                SELECT value FROM vote_event WHERE participant_id = ? AND statement_id = ?
                ORDER BY cast_at DESC, id DESC LIMIT 1""", p.id(), s);
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE participant_id = ?", p.id()))
                .isEqualTo(40);
        assertThat(given.count("SELECT value FROM current_vote WHERE participant_id = ?", p.id()))
                .isEqualTo(latest);
    }

    @Test
    void aRefusedVoteWritesNothing() {
        var c = given.openConversation();
        long rejected = given.statement(c, "Refused.", "en", "rejected");
        var p = given.participant(c);

        assertThatThrownBy(() -> votes.cast(c.id(), p.token(), rejected, Vote.AGREE))
                .isInstanceOf(Conflict.class);
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE participant_id = ?", p.id()))
                .isZero();
        assertThat(given.count("SELECT count(*) FROM current_vote WHERE participant_id = ?", p.id()))
                .isZero();
    }

    @Test
    void aBatchRecordsItsAcceptedVotesAndRefusesEachOtherOneForItsOwnReason() {
        var c = given.openConversation();
        var other = given.openConversation();
        long s = given.statement(c, "Joint research on ageing societies.");
        long rejected = given.statement(c, "Refused in a batch.", "en", "rejected");
        long foreign = given.statement(other, "Another conversation's statement.");
        var p = given.participant(c);
        var q = given.participant(c);
        var stranger = given.participant(other);

        List<VoteStore.Outcome> outcomes = votes.write(List.of(
                cast(c.id(), p.token(), s, Vote.AGREE),
                cast(c.id(), p.token(), rejected, Vote.AGREE),
                cast(c.id(), stranger.token(), s, Vote.AGREE),
                cast(c.id(), q.token(), foreign, Vote.AGREE),
                cast(c.id(), q.token(), s, Vote.DISAGREE),
                cast(c.id(), p.token(), s, Vote.PASS)));

        assertThat(outcomes).extracting(o -> o.castAt() != null).containsExactly(true, false, false, false, true, true);
        assertThat(outcomes.get(1).statementState()).isEqualTo("rejected");
        assertThat(outcomes.get(2).participantConversationId()).isEqualTo(other.id());
        assertThat(outcomes.get(3).statementConversationId()).isEqualTo(other.id());
        assertThat(outcomes.get(0).participantId()).isEqualTo(p.id());
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE statement_id = ?", s))
                .isEqualTo(3);
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE statement_id IN (?, ?)", rejected, foreign))
                .isZero();
        assertThat(given.count("""
                SELECT value FROM vote_event WHERE participant_id = ? ORDER BY id DESC LIMIT 1""", p.id())).isEqualTo(0);
        assertThat(given.count(
                        "SELECT value FROM current_vote WHERE participant_id = ? AND statement_id = ?", p.id(), s))
                .as("the later of two votes in one batch is current")
                .isEqualTo(0);
        assertThat(given.count(
                        "SELECT value FROM current_vote WHERE participant_id = ? AND statement_id = ?", q.id(), s))
                .isEqualTo(-1);
    }

    @Test
    void manyConcurrentVotersAreEachCommittedOnce() throws Exception {
        var c = given.openConversation();
        long rejected = given.statement(c, "Nobody may vote on this.", "en", "rejected");
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(given.statement(c, "Open statement number " + i + "."));
        }
        List<ParticipationGiven.Taker> voters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            voters.add(given.participant(c));
        }
        VoteStore twoWriters = new VoteStore(given.jdbi, VoteListener.NONE, 2);
        List<Callable<Object>> casts = new ArrayList<>();
        for (var voter : voters) {
            for (long s : open) {
                casts.add(() -> twoWriters.cast(c.id(), voter.token(), s, Vote.AGREE));
            }
            casts.add(() -> twoWriters.cast(c.id(), voter.token(), rejected, Vote.AGREE));
        }

        List<Object> outcomes = runAll(casts);

        assertThat(outcomes).filteredOn(o -> o instanceof VoteStore.VoteView).hasSize(100);
        assertThat(outcomes)
                .filteredOn(
                        o -> o instanceof Conflict conflict && conflict.type().equals("statement-rejected"))
                .hasSize(20);
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE conversation_id = ?", c.id()))
                .isEqualTo(100);
        assertThat(given.count("SELECT count(*) FROM current_vote WHERE conversation_id = ? AND value = 1", c.id()))
                .isEqualTo(100);
    }

    private static VoteStore.Cast cast(long conversation, String token, long statement, Vote value) {
        return new VoteStore.Cast(conversation, org.commonground.web.Secrets.hash(token), statement, value.stored());
    }

    @Test
    void concurrentJoinsNeverUseAnInviteMoreThanItsLimit() throws Exception {
        var c = given.openConversation();
        long invite = given.invite(c, 5, "KR").id();
        String code = given.jdbi.withHandle(h -> h.select("SELECT code FROM invite WHERE id = ?", invite)
                .mapTo(String.class)
                .one());
        List<Callable<Object>> joins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            joins.add(() -> join.join(c.id(), new Join.JoinRequest(Map.of(), code, null, "ko"), Language.EN));
        }

        List<Object> outcomes = runAll(joins);

        assertThat(outcomes).filteredOn(o -> o instanceof Join.Joined).hasSize(5);
        assertThat(outcomes)
                .filteredOn(
                        o -> o instanceof Conflict conflict && conflict.type().equals("invite-exhausted"))
                .hasSize(15);
        assertThat(given.count("SELECT uses FROM invite WHERE id = ?", invite)).isEqualTo(5);
        assertThat(given.count("SELECT count(*) FROM participant WHERE invite_id = ?", invite))
                .isEqualTo(5);
        assertThat(given.count("""
                SELECT count(*) FROM participant_cohort pc JOIN participant p ON p.id = pc.participant_id
                WHERE p.invite_id = ? AND pc.value = 'KR'""", invite)).isEqualTo(5);
    }

    @Test
    void concurrentIdenticalStatementsStoreOnlyOne() throws Exception {
        var c = given.openConversation();
        List<Callable<Object>> writes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var author = given.participant(c);
            String text = i % 2 == 0
                    ? "Energy grids in Southeast Asia should be built together."
                    : "ENERGY grids in south-east asia should be built together!";
            Participant p = new Participant(author.id(), c.id(), "en", "0000000000000000");
            writes.add(() -> statements.write(
                    p.conversationId(),
                    p.id(),
                    new Statements.WriteStatement(text.replace("south-east", "Southeast"), null)));
        }

        List<Object> outcomes = runAll(writes);

        assertThat(outcomes)
                .filteredOn(o -> o instanceof Statements.StatementView)
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(
                        o -> o instanceof Conflict conflict && conflict.type().equals("statement-duplicate"))
                .hasSize(11);
        assertThat(given.count("SELECT count(*) FROM statement WHERE conversation_id = ?", c.id()))
                .isEqualTo(1);
    }

    /** Runs the tasks at once; each outcome is its result or the problem it was refused with. */
    private static List<Object> runAll(List<Callable<Object>> tasks) throws InterruptedException {
        List<Object> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(32)) {
            for (Future<Object> f : pool.invokeAll(tasks)) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof CommonGroundException)) {
                        throw new AssertionError("unexpected failure", e.getCause());
                    }
                    outcomes.add(e.getCause());
                }
            }
        }
        return outcomes;
    }
}
