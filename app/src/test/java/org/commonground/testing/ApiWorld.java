package org.commonground.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.account.Role;

/**
 * A small world on a running server in which every API operation has something to act on: a
 * conversation A where each role holds, a conversation B run by someone else, accounts and
 * participants for the nine {@link Caller}s, an accepted statement, a forum organized by A's
 * organizer with an approved delegate's organization and a project, and fresh translations,
 * invites, tokens and a spare member made on demand (so operations that consume them can be
 * called again and again).
 */
public final class ApiWorld {
    /** Who calls. Participants present a {@code cgp_} token; accounts a session cookie or a {@code cga_} token. */
    public enum Caller {
        ANONYMOUS,
        OTHER_PARTICIPANT,
        PARTICIPANT,
        TRANSLATOR,
        MODERATOR,
        DELEGATE,
        OTHER_ORGANIZER,
        ORGANIZER,
        ADMIN;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean isAccount() {
            return ordinal() >= TRANSLATOR.ordinal();
        }
    }

    /** One operation of the live OpenAPI document. */
    public record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final TestServer server;
    private final ParticipationGiven given;
    public final ParticipationGiven.Conversation a;
    public final ParticipationGiven.Conversation b;
    public final long statementId;
    private final ParticipationGiven.Person translator;
    private final ParticipationGiven.Person moderator;
    private final ParticipationGiven.Person otherOrganizer;
    private final ParticipationGiven.Person organizer;
    private final ParticipationGiven.Person admin;
    private final ParticipationGiven.Person spareTranslator;
    private final ParticipationGiven.Person spareMember;
    /** Replaced by a fresh participant of A once erased (the erasure operation is called too). */
    private ParticipationGiven.Taker participant;

    private final ParticipationGiven.Taker otherParticipant;
    private final ParticipationGiven.Person delegate;
    public final long forumId;
    private final long organizationId;
    private final long projectId;
    private long dialogueId;

    public ApiWorld(TestServer server, TestDatabase db) {
        this.server = server;
        this.given = new ParticipationGiven(db);
        this.a = given.openConversation();
        this.b = given.openConversation();
        this.statementId = given.statement(a, "Both governments should fund student exchanges.");
        given.statement(b, "Textbooks should be written together.");
        this.translator = given.translator(a, "ja");
        this.moderator = given.person(Role.MODERATOR, a, "moderator");
        this.otherOrganizer = given.person(Role.ORGANIZER, b, "organizer");
        this.organizer = given.person(Role.ORGANIZER, a, "organizer");
        this.admin = given.person(Role.ADMIN, null, null);
        this.spareTranslator = given.translator(a, "ja");
        this.spareMember = given.person(Role.MODERATOR, null, null);
        this.participant = given.participant(a);
        this.otherParticipant = given.participant(b);
        this.delegate = given.person(Role.DELEGATE, null, null);
        this.forumId = created(server.postJson(
                "/api/v1/forums",
                Map.of(
                        "titles",
                        Map.of("en", "Energy forum", "ja", "エネルギーフォーラム", "ko", "에너지 포럼"),
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
                organizer.bearer()));
        String forum = "/api/v1/forums/" + forumId;
        server.putJson(
                forum + "/taxonomy",
                Map.of(
                        "capabilities",
                        List.of(Map.of(
                                "code",
                                "epc",
                                "sector",
                                "energy",
                                "names",
                                Map.of("en", "EPC contracting", "ja", "EPC（設計・調達・建設）", "ko", "EPC(설계·조달·시공)"))),
                        "markets",
                        List.of("VN")),
                organizer.bearer());
        this.organizationId = created(server.postJson(
                forum + "/organizations",
                Map.of(
                        "names",
                        Map.of("en", "Builders", "ja", "建設会社", "ko", "건설사"),
                        "country",
                        "JP",
                        "sectors",
                        List.of("energy"),
                        "capabilities",
                        List.of("epc"),
                        "markets",
                        List.of("VN"),
                        "size",
                        3),
                organizer.bearer()));
        created(server.postJson(
                forum + "/delegates", Map.of("name", "Delegate", "organizationId", organizationId), delegate.bearer()));
        server.postJson(forum + "/delegates/" + delegate.id() + "/approval", "", organizer.bearer());
        this.projectId = created(server.postJson(
                forum + "/projects",
                Map.of(
                        "title",
                        "LNG terminal",
                        "hostCountry",
                        "VN",
                        "sector",
                        "energy",
                        "size",
                        2,
                        "financing",
                        List.of("JBIC"),
                        "needs",
                        List.of(Map.of("capability", "epc", "weight", 1))),
                organizer.bearer()));
    }

    private static long created(TestServer.Response r) {
        if (r.status() != 201) {
            throw new IllegalStateException("could not arrange the world: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asLong();
    }

    /** The operations the server documents at {@code GET /api/v1/openapi.json}. */
    public List<Operation> operations() {
        JsonNode paths = server.get("/api/v1/openapi.json").json().path("paths");
        List<Operation> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            var path = p.next();
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                all.add(new Operation(m.next().toUpperCase(Locale.ROOT), path.getKey()));
            }
        }
        return all;
    }

    /**
     * The credential headers of {@code caller} for one request. Accounts alternate between the two
     * kinds a browser and a script use: the organizer, moderator and other organizer send a fresh
     * session cookie (with its CSRF header, which writes need); translator and admin send an API
     * token. A fresh session each time keeps a sign-out from spoiling the next call.
     */
    public String[] credentials(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> new String[0];
            case OTHER_PARTICIPANT -> otherParticipant.bearer();
            case PARTICIPANT -> participant().bearer();
            case TRANSLATOR -> translator.bearer();
            case MODERATOR -> given.sessionCookie(moderator);
            case DELEGATE -> delegate.bearer();
            case OTHER_ORGANIZER -> given.sessionCookie(otherOrganizer);
            case ORGANIZER -> given.sessionCookie(organizer);
            case ADMIN -> admin.bearer();
        };
    }

    /** Conversation A's participant; a new one when the last erased their data. */
    private ParticipationGiven.Taker participant() {
        if (given.count("SELECT count(*) FROM participant WHERE id = ?", participant.id()) == 0) {
            participant = given.participant(a);
        }
        return participant;
    }

    /**
     * {@code template} with its placeholders filled for one call by {@code caller}: path ids of
     * conversation A and its things, and {@code {unique}} for text that must not repeat.
     */
    public String fill(String template, Caller caller) {
        return fill(template, caller, a);
    }

    /** {@code template} filled as by {@link #fill(String, Caller)}, on conversation {@code c}'s id. */
    public String fill(String template, Caller caller, ParticipationGiven.Conversation c) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("conversationId")
                    ? String.valueOf(c.id())
                    : name.equals("accountId") && template.startsWith("/api/v1/forums/")
                            ? String.valueOf(delegate.id())
                            : value(name, caller);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String name, Caller caller) {
        return switch (name) {
            case "conversationId" -> String.valueOf(a.id());
            case "statementId" -> String.valueOf(statementId);
            case "seedId" -> String.valueOf(given.statement(a, "Seed to reword " + unique()));
            case "translationId" -> String.valueOf(freshTranslation());
            case "inviteId" -> String.valueOf(given.invite(a, null, "JP").id());
            case "tokenId" -> String.valueOf(freshToken(caller));
            case "accountId" -> {
                given.jdbi.useHandle(h -> h.execute("""
                        INSERT INTO conversation_member (conversation_id, account_id, role) VALUES (?, ?, 'moderator')
                        ON CONFLICT DO NOTHING""", a.id(), spareMember.id()));
                yield String.valueOf(spareMember.id());
            }
            case "spareAccountId" -> String.valueOf(spareMember.id());
            case "participantId" -> String.valueOf(participant.id());
            case "role" -> "moderator";
            case "forumId" -> String.valueOf(forumId);
            case "organizationId" -> String.valueOf(organizationId);
            case "projectId" -> String.valueOf(projectId);
            // No proposal, consortium or meeting exists before matching and requests: allowed callers
            // get past the role check to a 404, everyone else is refused before it.
            case "proposalId", "consortiumId", "meetingId" -> "999999";
            // No section or clause of the dialogue's document exists: likewise past the role check to a 404.
            case "sectionId", "clauseId" -> "999999";
            case "organizerEmail" ->
                given.jdbi.withHandle(h -> h.select("SELECT email FROM account WHERE id = ?", organizer.id())
                        .mapTo(String.class)
                        .one());
            case "email" -> organizer.id() + "-" + UNIQUE.incrementAndGet() + "@example.org";
            case "dialogueId" -> String.valueOf(dialogue());
            case "number" -> "1";
            case "unique" -> unique();
            default -> throw new IllegalArgumentException("no value for {" + name + "}");
        };
    }

    /** A dialogue of A's organizer whose round 1 is conversation A, made on first use. */
    private synchronized long dialogue() {
        if (dialogueId == 0) {
            dialogueId = created(server.postJson(
                    "/api/v1/dialogues",
                    Map.of(
                            "texts",
                            Map.of("en", Map.of("title", "Dialogue of A", "description", "")),
                            "conversationId",
                            a.id()),
                    organizer.bearer()));
        }
        return dialogueId;
    }

    /** A draft conversation whose organizer is A's organizer (so only staff of A's kind know of it). */
    public ParticipationGiven.Conversation draft() {
        ParticipationGiven.Conversation d = given.conversation("draft", "post", true, "public");
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO conversation_member (conversation_id, account_id, role) VALUES (?, ?, 'organizer')",
                d.id(),
                organizer.id()));
        return d;
    }

    /** Lower-case letters unlike any other call's, so near-duplicate checks never refuse a text. */
    public static String unique() {
        int n = UNIQUE.incrementAndGet() * 7919 + 104729;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            StringBuilder word = new StringBuilder();
            for (int k = n + i * 31; k > 0; k /= 26) {
                word.append((char) ('a' + k % 26));
            }
            s.append(i == 0 ? "" : " ").append(word);
        }
        return s.toString();
    }

    /** A proposed ja translation of the statement by a translator other than every caller. */
    private long freshTranslation() {
        var r = server.postJson(
                "/api/v1/conversations/" + a.id() + "/statements/" + statementId + "/translations",
                Map.of("lang", "ja", "text", "日本語の訳 " + unique()),
                spareTranslator.bearer());
        if (r.status() != 201) {
            throw new IllegalStateException("could not make a translation: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asLong();
    }

    /** A token the caller owns (the organizer's for callers without an account). */
    private long freshToken(Caller caller) {
        ParticipationGiven.Person owner = switch (caller) {
            case TRANSLATOR -> translator;
            case MODERATOR -> moderator;
            case DELEGATE -> delegate;
            case OTHER_ORGANIZER -> otherOrganizer;
            case ADMIN -> admin;
            default -> organizer;
        };
        var r = server.postJson("/api/v1/me/tokens", Map.of("name", "spare"), owner.bearer());
        if (r.status() != 201) {
            throw new IllegalStateException("could not make a token: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asLong();
    }

    /** The organizer's API token, for callers that only need to be authorized. */
    public String[] organizerBearer() {
        return organizer.bearer();
    }

    public String[] participantBearer() {
        return participant.bearer();
    }
}
