package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.ModerationMode;
import org.commonground.statement.Statements;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * The moderation queue and the translation desk in a real browser, in Japanese, Korean and
 * English: a moderator sees a Korean statement in Japanese with its author's cohort and rejects it
 * as a duplicate of a Japanese one; a translator starts from the machine draft, a second one sends
 * the translation back with a reason, and the first reads it. Screenshots of each page.
 */
class CrosslingualDeskBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    private static void signIn(Browser b, String email, String lang) {
        b.go("/sign-in?lang=" + lang);
        b.type("#email", email).type("#password", TestAccounts.PASSWORD);
        b.through(() -> b.find("#password").sendKeys(Keys.ENTER));
        b.await("h1");
    }

    private static long machineDraft(Given given, long statement, String lang, String text) {
        given.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO translation (statement_id, lang, text, kind, state, service) "
                                + "VALUES (?, ?, ?, 'machine', 'approved', 'LibreTranslate')",
                        statement,
                        lang,
                        text));
        return statement;
    }

    @Test
    void aModeratorRejectsAKoreanDuplicateOfAJapaneseStatementSeenInJapanese() {
        Given given = new Given(app.db());
        Account organizer = given.account("cl-organizer@example.org", Role.ORGANIZER);
        Account moderator = given.account("cl-moderator@example.org", Role.MODERATOR);
        Conversation c =
                given.openConversation(organizer, ModerationMode.PRE, "Duplicates", List.of("日韓の学生交流をもっと増やすべきだ。"));
        given.member(c, moderator, MemberRole.MODERATOR);
        long original = given.statementIds(c).getFirst();
        var author = given.participant(c, "KR");
        long korean = Statements.over(given.jdbi())
                .write(c.id(), author.participantId(), new Statements.WriteStatement("한일 학생 교류를 더 늘려야 한다.", "ko"))
                .id();
        machineDraft(given, korean, "ja", "日韓の学生交流をもっと増やすべきだ。");

        try (Browser mod = Browser.open(app.server())) {
            signIn(mod, "cl-moderator@example.org", "ja");
            mod.go("/moderate/c/" + c.id() + "?lang=ja");
            String entry = "#entry-" + korean;
            assertThat(mod.text(entry)).contains("한일 학생 교류를 더 늘려야 한다.", "機械翻訳", "日韓の学生交流をもっと増やすべきだ。");
            assertThat(mod.text(entry + " .author-cohort")).contains("投稿者", "韓国");
            assertThat(mod.find(entry + " .desk-link").getAttribute("href"))
                    .endsWith("/translate/c/" + c.id() + "/s/" + korean + "?into=ja");
            mod.capture("crosslingual-moderation-queue-ja");

            mod.go("/moderate/c/" + c.id() + "?state=duplicates&lang=ko");
            assertThat(mod.text(".duplicate-cluster")).contains("서로 비슷한 의견 2개");
            mod.capture("crosslingual-duplicates-ko");

            mod.go("/moderate/c/" + c.id() + "?lang=en");
            mod.click(entry + " .reject-duplicate");
            mod.awaitText(entry + " .badge", "Rejected");
            assertThat(mod.text(entry + " .duplicate-of")).contains("duplicate of #" + original);
            mod.capture("crosslingual-moderation-queue-en");
        }
    }

    @Test
    void aTranslatorStartsFromTheMachineDraftAndASecondSendsItBackWithAReason() {
        Given given = new Given(app.db());
        Account organizer = given.account("cl-desk-organizer@example.org", Role.ORGANIZER);
        Account first = given.account("cl-first@example.org", Role.TRANSLATOR);
        Account second = given.account("cl-second@example.org", Role.TRANSLATOR);
        Conversation c =
                given.openConversation(organizer, ModerationMode.POST, "Desk", List.of("독도 문제보다 청소년 교류를 먼저 늘리자."));
        given.member(c, first, MemberRole.TRANSLATOR);
        given.member(c, second, MemberRole.TRANSLATOR);
        long statement = machineDraft(given, given.statementIds(c).getFirst(), "ja", "竹島問題より青少年交流を先に増やそう。");

        try (Browser one = Browser.open(app.server());
                Browser two = Browser.open(app.server())) {
            signIn(one, "cl-first@example.org", "ja");
            one.go("/translate/c/" + c.id() + "?into=ja&lang=ja");
            String editor = "#translation-" + statement;
            assertThat(one.find(editor).getAttribute("value")).isEqualTo("竹島問題より青少年交流を先に増やそう。");
            one.capture("crosslingual-desk-ja");
            one.find(editor).clear();
            one.type(editor, "竹島の問題より、青少年の交流を先に増やそう。");
            one.clickThrough("#missing-" + statement + " button[type=submit]");
            assertThat(one.findAll("#missing-" + statement))
                    .as("a proposed translation leaves the list")
                    .isEmpty();
            assertThat(one.text(".proposed")).contains("竹島の問題より、青少年の交流を先に増やそう。");

            signIn(two, "cl-second@example.org", "en");
            two.go("/translate/c/" + c.id() + "?into=ja&lang=en");
            two.type(".proposed .reject-form input[name=reason]", "「先に」は原文の「먼저」より弱い。");
            two.capture("crosslingual-desk-review-en");
            two.clickThrough(".proposed .reject-form button");
            assertThat(two.findAll(".proposed")).isEmpty();

            one.go("/translate/c/" + c.id() + "?into=ja&lang=ko");
            assertThat(one.text(".returned")).contains("반려 사유", "「先に」は原文の「먼저」より弱い。");
            assertThat(one.findAll("#missing-" + statement))
                    .as("back on the list")
                    .hasSize(1);
            one.capture("crosslingual-desk-returned-ko");
        }
    }
}
