package org.commonground.demo;

import static org.commonground.web.Language.EN;
import static org.commonground.web.Language.JA;
import static org.commonground.web.Language.KO;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationRules;
import org.commonground.conversation.MemberRole;
import org.commonground.dialogue.DialogueFeature;
import org.commonground.forum.ForumFeature;
import org.commonground.participation.Participants;
import org.commonground.polis.ImportProgress;
import org.commonground.polis.ImportedConversation;
import org.commonground.polis.ImportedConversation.ImportedDimension;
import org.commonground.polis.ImportedConversation.Texts;
import org.commonground.polis.PolisExport;
import org.commonground.polis.PolisImport;
import org.commonground.problem.Conflict;
import org.commonground.statement.Statements;
import org.commonground.translation.Translations;
import org.commonground.web.Language;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Seeds the demo — the conversation "What should Japanese and Korean citizens do together?" with its
 * statements, human translations and simulated participants, and one demo account per role — into a
 * database that has no conversation yet. A database that has one is left alone, so restarting the
 * demo keeps its data; an advisory lock keeps two servers starting on one database from both seeding.
 */
public final class DemoSeed {
    private static final String EMAIL_DOMAIN = "demo.commonground.test";

    private final Jdbi jdbi;
    private final DemoStore store;
    private final Accounts accounts;

    public DemoSeed(Jdbi jdbi, Accounts accounts) {
        this.jdbi = jdbi;
        this.store = new DemoStore(jdbi);
        this.accounts = accounts;
    }

    /** A demo account; the password is known only when this start created the account. */
    public record Credential(Role role, String email, Optional<String> password) {}

    /** What the start found or did: the demo conversation's id, whether it was seeded now, the accounts. */
    public record Seeded(long conversationId, boolean seeded, List<Credential> accounts, long dialogueId) {
        public Seeded(long conversationId, boolean seeded, List<Credential> accounts) {
            this(conversationId, seeded, accounts, 0);
        }
    }

    public Seeded seedIfEmpty() {
        return store.whileLocked(existing -> new Seeded(existing, false, List.of()), () -> {
            List<Credential> credentials = new ArrayList<>();
            Map<Role, Long> ids = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                ids.put(role, account(role, credentials));
            }
            long id = store.inTransaction(h -> seedConversation(h, ids));
            ForumFeature.seedDemo(jdbi, ids.get(Role.ORGANIZER), ids.get(Role.DELEGATE), this::forumDelegate);
            long dialogue = DialogueFeature.seedDemo(
                    jdbi, java.time.Clock.systemUTC(), ids.get(Role.ORGANIZER), ids.get(Role.TRANSLATOR));
            // The dialogue's document editors, one per country cohort: translators by role, editors of it by grant.
            DialogueFeature.seedDemoDocument(
                    jdbi,
                    java.time.Clock.systemUTC(),
                    dialogue,
                    account(Role.TRANSLATOR, "editor-jp", credentials),
                    account(Role.TRANSLATOR, "editor-kr", credentials));
            return new Seeded(id, true, credentials, dialogue);
        });
    }

    /** Creates the demo account of a role with a fresh random password, or finds it from an earlier attempt. */
    private long account(Role role, List<Credential> credentials) {
        return account(role, role.code(), credentials);
    }

    /** As above, with the e-mail's local part given. */
    private long account(Role role, String localPart, List<Credential> credentials) {
        String email = localPart + "@" + EMAIL_DOMAIN;
        String password = Secrets.random(12);
        try {
            Account created = accounts.create(email, password, role);
            credentials.add(new Credential(role, email, Optional.of(password)));
            return created.id();
        } catch (Conflict taken) {
            credentials.add(new Credential(role, email, Optional.empty()));
            return accounts.all().stream()
                    .filter(a -> a.email().equalsIgnoreCase(email))
                    .findFirst()
                    .orElseThrow()
                    .id();
        }
    }

    /** The demo forum's other delegates: accounts whose password is random and never shown, so nobody signs in as them. */
    private long forumDelegate(String localPart) {
        return accounts.createWithoutSignIn(localPart + "@" + EMAIL_DOMAIN, Role.DELEGATE)
                .id();
    }

    private static long seedConversation(Handle handle, Map<Role, Long> accounts) {
        List<DemoStatement> statements = DemoStatements.ALL;
        PolisExport export = new DemoSimulation(statements).run();
        long id = PolisImport.insert(handle, export, conversation(), ImportProgress.NONE)
                .conversationId();
        long organizer = accounts.get(Role.ORGANIZER);
        long translator = accounts.get(Role.TRANSLATOR);
        ConversationCatalog.adopt(
                handle,
                id,
                organizer,
                Map.of(MemberRole.MODERATOR, accounts.get(Role.MODERATOR), MemberRole.TRANSLATOR, translator));
        Map<String, Long> statementIds = Statements.byExternalId(handle, id);
        Map<Long, Language> declared = new HashMap<>();
        List<Translations.ApprovedTranslation> translations = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            DemoStatement s = statements.get(i);
            long statementId = statementIds.get(String.valueOf(i));
            // The script tells Japanese from Korean from English, but the author's declared language is authoritative.
            declared.put(statementId, s.original());
            Instant translated =
                    Instant.ofEpochMilli(export.comments().get(i).timestamp()).plus(Duration.ofHours(6));
            for (Language target : Language.values()) {
                if (target != s.original()) {
                    translations.add(new Translations.ApprovedTranslation(
                            statementId, target, s.texts().get(target), translator, organizer, translated));
                }
            }
        }
        Statements.declareLanguages(handle, declared);
        Translations.insertApproved(handle, translations);
        ConversationRules.cohorts(handle, id).stream()
                .filter(d -> d.name().equals("country"))
                .findFirst()
                .ifPresent(country -> Participants.languagesByCohort(
                        handle, country.id(), Map.of("JP", Language.JA, "KR", Language.KO), Language.EN));
        return id;
    }

    /** The demo conversation's texts in all three languages, open, with the default cohort dimensions. */
    static ImportedConversation conversation() {
        Map<Language, Texts> texts = new EnumMap<>(Language.class);
        texts.put(
                EN,
                new Texts(
                        "What should Japanese and Korean citizens do together?",
                        "Share and vote on ideas for what citizens of Japan and Korea can do together — from history education"
                                + " to technology, ageing societies and the news we read. Agree, disagree or pass on each"
                                + " statement, and add your own.",
                        "Relations between Japan and Korea have swung between cooperation and conflict. The governments"
                                + " disagree over the 2015 agreement on the \"comfort women\" issue and over compensation for"
                                + " wartime labor, while young people in both countries share music, films and friendships."
                                + " This conversation looks for the common ground citizens already have. Votes are anonymous;"
                                + " participants tell us the country they live in and their role so that we can see where views"
                                + " come together."));
        texts.put(
                JA,
                new Texts(
                        "日本と韓国の市民は、共に何をすべきか？",
                        "歴史教育から技術、高齢化、私たちが日々目にするニュースまで、日韓の市民が共にできることについて意見を出し合い、"
                                + "投票しましょう。それぞれの意見に「賛成」「反対」「パス」で答え、あなた自身の意見も加えてください。",
                        "日韓関係は、協力と対立の間を揺れ動いてきました。「慰安婦」問題をめぐる2015年の合意や、戦時中の労働者への補償について"
                                + "両政府の立場は食い違う一方で、両国の若者は音楽や映画、友情を分かち合っています。この対話は、市民がすでに持っている"
                                + "共通の基盤を探るものです。投票は匿名です。意見がどこで歩み寄っているかを知るため、参加者には住んでいる国と"
                                + "立場をお尋ねします。"));
        texts.put(
                KO,
                new Texts(
                        "한국과 일본의 시민은 함께 무엇을 해야 할까?",
                        "역사 교육부터 기술, 고령화, 우리가 매일 접하는 뉴스까지, 한일 시민이 함께할 수 있는 일에 대해 의견을 나누고"
                                + " 투표해 주세요. 각 의견에 '동의', '반대', '패스'로 답하고, 여러분의 의견도 더해 주세요.",
                        "한일 관계는 협력과 갈등 사이를 오가 왔습니다. '위안부' 문제에 관한 2015년 합의와 강제징용 배상을 둘러싸고 양국"
                                + " 정부의 입장은 엇갈리지만, 양국의 젊은이들은 음악과 영화, 우정을 함께 나누고 있습니다. 이 대화는 시민들이"
                                + " 이미 가지고 있는 공통의 기반을 찾으려는 것입니다. 투표는 익명이며, 의견이 어디에서 가까워지는지 알 수 있도록"
                                + " 참여자에게 거주 국가와 역할을 묻습니다."));
        return new ImportedConversation(
                "open",
                texts,
                List.of(
                        new ImportedDimension("country", List.of("JP", "KR", "US", "other")),
                        new ImportedDimension("role", DemoSimulation.ROLES)));
    }
}
