package org.commonground.forum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer;

/**
 * A small forum built through the real API: an organizer, a taxonomy of energy capabilities and
 * markets, and organizations with approved delegates, for the forum's HTTP and browser tests.
 */
final class ForumGiven {
    private final TestServer server;
    private final TestAccounts accounts;
    final Caller organizer;
    final long forumId;

    ForumGiven(TestServer server, TestAccounts accounts) {
        this.server = server;
        this.accounts = accounts;
        this.organizer = accounts.organizer();
        var created = server.postJson(
                "/api/v1/forums",
                Map.of(
                        "titles",
                        Map.of("en", "Emerging Markets Forum", "ja", "新興国市場フォーラム", "ko", "신흥시장 포럼"),
                        "venue",
                        "Singapore",
                        "dayStart",
                        "2027-03-16T01:00:00Z",
                        "timeZone",
                        "Asia/Singapore",
                        "slotMinutes",
                        30,
                        "slots",
                        4,
                        "tables",
                        2,
                        "allowTwoSeats",
                        false,
                        "maxOpenConsortia",
                        2),
                organizer.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        forumId = created.json().get("id").asLong();
        var taxonomy = server.putJson(
                base() + "/taxonomy",
                Map.of(
                        "capabilities",
                        List.of(
                                capability("epc", "energy", "EPC contracting", "EPC（設計・調達・建設）", "EPC(설계·조달·시공)"),
                                capability("gas-turbines", "energy", "Gas turbines", "ガスタービン", "가스터빈"),
                                capability("lng-terminal", "energy", "LNG terminals", "LNG受入基地", "LNG 터미널"),
                                capability(
                                        "project-finance", "finance", "Project finance", "プロジェクトファイナンス", "프로젝트 파이낸싱")),
                        "markets",
                        List.of("VN", "ID")),
                organizer.auth());
        assertThat(taxonomy.status()).as(taxonomy.body()).isEqualTo(200);
    }

    static Map<String, Object> capability(String code, String sector, String en, String ja, String ko) {
        return Map.of("code", code, "sector", sector, "names", Map.of("en", en, "ja", ja, "ko", ko));
    }

    String base() {
        return "/api/v1/forums/" + forumId;
    }

    /** An organization registered by the organizer (approved), with the given capabilities. */
    long organization(String en, String ja, String ko, String country, String... capabilities) {
        var r = server.postJson(
                base() + "/organizations",
                Map.of(
                        "names",
                        Map.of("en", en, "ja", ja, "ko", ko),
                        "country",
                        country,
                        "sectors",
                        List.of("energy"),
                        "capabilities",
                        List.of(capabilities),
                        "markets",
                        List.of("VN"),
                        "size",
                        3),
                organizer.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A delegate account that applied for the organization and was approved by the organizer. */
    Caller delegate(long organizationId, String name) {
        Caller d = accounts.create(Role.DELEGATE);
        var applied = server.postJson(
                base() + "/delegates", Map.of("name", name, "organizationId", organizationId), d.auth());
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        var approved = server.postJson(base() + "/delegates/" + d.id() + "/approval", "", organizer.auth());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return d;
    }

    /** A project needing LNG terminal (3), gas turbines (2) and EPC (1) in Vietnam, posted by the delegate. */
    long project(Caller poster, String title) {
        var r = server.postJson(
                base() + "/projects",
                Map.of(
                        "title",
                        title,
                        "hostCountry",
                        "VN",
                        "sector",
                        "energy",
                        "size",
                        4,
                        "financing",
                        List.of("JBIC", "KEXIM", "DFC"),
                        "needs",
                        List.of(
                                Map.of("capability", "lng-terminal", "weight", 3),
                                Map.of("capability", "gas-turbines", "weight", 2),
                                Map.of("capability", "epc", "weight", 1))),
                poster.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode match() {
        var r = server.postJson(base() + "/matching", "", organizer.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
