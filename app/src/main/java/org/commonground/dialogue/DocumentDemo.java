package org.commonground.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo dialogue's shared-understanding document: a Japanese and a Korean editor write two
 * sections on what the rounds agree on, citing the demo's statements; v1 is saved, approved by both
 * and published; v2 rewrites one clause and adds one (in Japanese and English only, so Korean readers
 * see it marked as shown in English), and is approved by both and published.
 */
final class DocumentDemo {
    private final Jdbi jdbi;
    private final Clock clock;

    DocumentDemo(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void seed(long dialogueId, long japaneseEditor, long koreanEditor) {
        DocumentStore store = new DocumentStore(jdbi);
        DialogueStore dialogues = new DialogueStore(jdbi);
        Dialogue d = dialogues.get(dialogueId);
        List<Long> s = firstRoundStatements(dialogues, d);
        Instant now = clock.instant();
        store.grantEditor(dialogueId, japaneseEditor, CitationSupport.JAPAN, now.minus(Duration.ofDays(20)));
        store.grantEditor(dialogueId, koreanEditor, CitationSupport.KOREA, now.minus(Duration.ofDays(20)));

        long learning = store.addSection(
                dialogueId,
                Map.of(
                        "en", "Learning from each other",
                        "ja", "互いに学び合う",
                        "ko", "서로에게서 배우기"));
        store.addClause(
                learning,
                Map.of(
                        "en",
                        "Most people in both countries want young people to be able to study in the other country"
                                + " without tuition fees.",
                        "ja",
                        "両国の多くの人が、若者が授業料なしで相手国に留学できるようにしたいと考えています。",
                        "ko",
                        "양국의 많은 사람들이 젊은이들이 등록금 없이 상대국에서 공부할 수 있기를 바랍니다."),
                List.of(s.get(7)),
                true,
                "editor",
                List.of(),
                japaneseEditor);
        long visits = store.addClause(
                learning,
                Map.of(
                        "en", "School exchanges should include visits to historical sites in the other country.",
                        "ja", "学校間の交流には、相手国の歴史的な場所を訪ねることを含めるべきです。",
                        "ko", "학교 간 교류에는 상대국의 역사 현장 방문이 포함되어야 합니다."),
                List.of(s.get(3)),
                true,
                "editor",
                List.of(),
                koreanEditor);
        long remembering = store.addSection(
                dialogueId,
                Map.of(
                        "en", "Keeping the memory",
                        "ja", "記憶を残す",
                        "ko", "기억을 남기기"));
        store.addClause(
                remembering,
                Map.of(
                        "en",
                        "Testimonies of people mobilized for wartime labor should be kept in an archive open to both"
                                + " countries.",
                        "ja",
                        "戦時中に動員された人々の証言は、両国に開かれたアーカイブに保存されるべきです。",
                        "ko",
                        "전시에 동원된 사람들의 증언은 양국에 공개된 아카이브에 보존되어야 합니다."),
                List.of(s.get(2)),
                true,
                "editor",
                List.of(),
                koreanEditor);
        publish(store, d, japaneseEditor, koreanEditor, now.minus(Duration.ofDays(10)));

        store.rewriteClause(
                visits,
                Map.of(
                        "en",
                        "School exchanges should include visits to historical sites in the other country, and"
                                + " historians of both countries should write a shared supplementary textbook.",
                        "ja",
                        "学校間の交流には、相手国の歴史的な場所を訪ねることを含め、両国の歴史家が共通の副教材を書くべきです。",
                        "ko",
                        "학교 간 교류에는 상대국의 역사 현장 방문이 포함되어야 하며, 양국 역사학자들이 공동 부교재를 써야 합니다."),
                List.of(s.get(3), s.get(1)),
                japaneseEditor);
        store.addClause(
                remembering,
                Map.of(
                        "en", "Both governments should stop using history for domestic politics.",
                        "ja", "両国の政府は、歴史を国内政治に利用するのをやめるべきです。"),
                List.of(s.get(4)),
                true,
                "editor",
                List.of(),
                japaneseEditor);
        publish(store, d, japaneseEditor, koreanEditor, now.minus(Duration.ofDays(1)));
    }

    /** Saves the draft as the next version, has both editors approve it, and publishes it. */
    private static void publish(DocumentStore store, Dialogue d, long japanese, long korean, Instant at) {
        List<SharedDocument.Section> sections = new ArrayList<>(store.sections(d.id()));
        int n = store.saveVersion(d.id(), new SharedDocument.Snapshot(sections), japanese, at);
        store.approve(d.id(), n, japanese, CitationSupport.JAPAN, at.plus(Duration.ofHours(2)));
        store.approve(d.id(), n, korean, CitationSupport.KOREA, at.plus(Duration.ofHours(5)));
        DocumentEditing.requireApprovals(store.version(d.id(), n).orElseThrow());
        store.publish(d.id(), n, korean, at.plus(Duration.ofHours(6)));
    }

    /** The demo statements as they first appeared (round 1), in the order of {@link DialogueDemo#STATEMENTS}. */
    private static List<Long> firstRoundStatements(DialogueStore dialogues, Dialogue d) {
        return dialogues.carried(d.id()).stream()
                .map(DialogueStore.Carried::originStatementId)
                .distinct()
                .sorted()
                .toList();
    }
}
