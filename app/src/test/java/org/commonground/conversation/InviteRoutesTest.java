package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.db.Database;
import org.commonground.testing.ServerTest;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer.Response;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class InviteRoutesTest extends ServerTest {

    static long conversation(Caller organizer) {
        return server.postJson(
                        "/api/v1/conversations",
                        Map.of("texts", Map.of("en", Map.of("title", "Invites"))),
                        organizer.auth())
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void organizerCreatesAnInviteForACohortAndGetsItsLink() {
        Caller organizer = given.organizer();
        long id = conversation(organizer);

        Response r = server.postJson(
                "/api/v1/conversations/" + id + "/invites",
                Map.of(
                        "label",
                        "Japanese students",
                        "maxUses",
                        30,
                        "cohort",
                        Map.of("country", "JP", "role", "student")),
                organizer.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String code = r.json().get("code").asText();
        assertThat(r.json().get("url").asText()).isEqualTo(server.baseUrl() + "/join/" + code);
        assertThat(r.json().get("cohort").toString()).contains("\"country\":\"JP\"", "\"role\":\"student\"");
        assertThat(r.json().get("maxUses").asInt()).isEqualTo(30);
        assertThat(r.json().get("usable").asBoolean()).isTrue();
    }

    @Test
    void listShowsUseCountsAndRevocation() {
        Caller organizer = given.organizer();
        long id = conversation(organizer);
        Response limited =
                server.postJson("/api/v1/conversations/" + id + "/invites", Map.of("maxUses", 1), organizer.auth());
        Response open =
                server.postJson("/api/v1/conversations/" + id + "/invites", Map.of("label", "open"), organizer.auth());
        Jdbi jdbi = Database.jdbi(db.dataSource());
        jdbi.useTransaction(
                h -> new InviteStore(jdbi).redeem(h, limited.json().get("code").asText()));

        Response revoke = server.send(
                "DELETE",
                "/api/v1/conversations/" + id + "/invites/"
                        + open.json().get("id").asLong(),
                null,
                organizer.auth());
        Response list = server.get("/api/v1/conversations/" + id + "/invites", organizer.auth());

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().get(0).get("uses").asInt()).isEqualTo(1);
        assertThat(list.json().get(0).get("usable").asBoolean()).as("used up").isFalse();
        assertThat(list.json().get(1).get("revokedAt").isNull()).isFalse();
        assertThat(list.json().get(1).get("usable").asBoolean()).isFalse();
    }
}
