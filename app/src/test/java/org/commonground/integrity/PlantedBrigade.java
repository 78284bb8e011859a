package org.commonground.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.commonground.conversation.Invites;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.TestServer;

/**
 * A conversation with known truth, made through the real join and vote API: 30 participants who
 * joined over two days and voted their own minds, a class of 40 who joined within a minute through
 * one invite and voted their own minds, a brigade of 40 who joined within two minutes through
 * another invite and voted identically, and 3 participants spread over hours who agreed with
 * everything. Join times are then set where the story puts them (the API stamps them now).
 */
final class PlantedBrigade {
    static final int STATEMENTS = 20;

    final ParticipationGiven.Conversation conversation;
    final List<Long> statements = new ArrayList<>();
    final List<Long> background = new ArrayList<>();
    final List<Long> classroom = new ArrayList<>();
    final List<Long> brigade = new ArrayList<>();
    final List<Long> yesSayers = new ArrayList<>();
    final Invites.Invite classInvite;
    final Invites.Invite brigadeInvite;

    private final TestServer server;
    private final ParticipationGiven given;

    PlantedBrigade(TestServer server, ParticipationGiven given) {
        this.server = server;
        this.given = given;
        this.conversation = given.openConversation();
        for (int s = 0; s < STATEMENTS; s++) {
            statements.add(given.statement(conversation, "Planted statement number " + (s + 1) + " on exchanges."));
        }
        Invites invites = Invites.over(given.jdbi);
        this.classInvite = invites.create(conversation.id(), "Class 3-B", null, Map.of("country", "JP"));
        this.brigadeInvite = invites.create(conversation.id(), "Net cafe", null, Map.of("country", "KR"));
        Instant now = Instant.now();
        Random random = new Random(8);
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long id = join(Map.of("cohorts", Map.of("country", i % 2 == 0 ? "JP" : "KR")), background);
                int[] votes = randomVotes(random);
                work.add(CompletableFuture.runAsync(() -> voteAll(id, votes), pool));
                joinedAt(id, now.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(97L * i)));
            }
            for (int i = 0; i < 40; i++) {
                long id = join(Map.of("invite", classInvite.code()), classroom);
                int[] votes = randomVotes(random);
                work.add(CompletableFuture.runAsync(() -> voteAll(id, votes), pool));
                joinedAt(id, now.minus(Duration.ofHours(20)).plusMillis(1500L * i));
            }
            int[] line = new int[STATEMENTS];
            for (int s = 0; s < STATEMENTS; s++) {
                line[s] = s % 4 == 3 ? -1 : 1; // agree with most, disagree with every fourth
            }
            for (int i = 0; i < 40; i++) {
                long id = join(Map.of("invite", brigadeInvite.code()), brigade);
                work.add(CompletableFuture.runAsync(() -> voteAll(id, line), pool));
                joinedAt(id, now.minus(Duration.ofHours(3)).plusMillis(3000L * i));
            }
            int[] yes = new int[STATEMENTS];
            java.util.Arrays.fill(yes, 1);
            for (int i = 0; i < 3; i++) {
                long id = join(Map.of("cohorts", Map.of("country", "KR")), yesSayers);
                work.add(CompletableFuture.runAsync(() -> voteAll(id, yes), pool));
                joinedAt(id, now.minus(Duration.ofHours(40)).plus(Duration.ofHours(9L * i)));
            }
            work.forEach(CompletableFuture::join);
        }
    }

    /** Whether the brigade agreed with the statement at this index (it disagreed with every fourth). */
    static boolean brigadeAgrees(int statementIndex) {
        return statementIndex % 4 != 3;
    }

    int participants() {
        return background.size() + classroom.size() + brigade.size() + yesSayers.size();
    }

    private final Map<Long, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private long join(Map<String, Object> body, List<Long> into) {
        TestServer.Response r = server.postJson("/api/v1/conversations/" + conversation.id() + "/participants", body);
        if (r.status() != 201) {
            throw new IllegalStateException("join refused: " + r.status() + " " + r.body());
        }
        String token = r.json().get("token").asText();
        // the answer names the participant by its pseudonym; the staff's id is the database key
        long id = given.jdbi.withHandle(h -> h.select(
                        "SELECT id FROM participant WHERE token_hash = ?", org.commonground.web.Secrets.hash(token))
                .mapTo(Long.class)
                .one());
        tokens.put(id, token);
        into.add(id);
        return id;
    }

    private static int[] randomVotes(Random random) {
        int[] v = new int[STATEMENTS];
        for (int s = 0; s < STATEMENTS; s++) {
            v[s] = random.nextInt(3) - 1;
        }
        return v;
    }

    private void voteAll(long participant, int[] values) {
        for (int s = 0; s < STATEMENTS; s++) {
            String value = values[s] == 1 ? "agree" : values[s] == -1 ? "disagree" : "pass";
            TestServer.Response r = server.postJson(
                    "/api/v1/conversations/" + conversation.id() + "/votes",
                    Map.of("statementId", statements.get(s), "value", value),
                    "Authorization",
                    "Bearer " + tokens.get(participant));
            if (r.status() != 201) {
                throw new IllegalStateException("vote refused: " + r.status() + " " + r.body());
            }
        }
    }

    private void joinedAt(long participant, Instant at) {
        given.jdbi.useHandle(h -> h.execute(
                "UPDATE participant SET created_at = ? WHERE id = ?", java.sql.Timestamp.from(at), participant));
    }
}
