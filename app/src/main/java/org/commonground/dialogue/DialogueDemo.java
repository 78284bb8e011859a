package org.commonground.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.Invites;
import org.commonground.conversation.ModerationMode;
import org.commonground.conversation.ResultsVisibility;
import org.commonground.participation.Join;
import org.commonground.participation.Vote;
import org.commonground.participation.Votes;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.Translations;
import org.commonground.web.Language;
import org.commonground.web.Secrets;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo dialogue, deterministic for a seed: "Teaching our shared history", three monthly rounds
 * (two closed, the third open now) on eight statements carried from round to round with their
 * translations. About 220 people take part in each round, three in four come back as the same
 * pseudonymous person, and each person's votes follow one fixed disposition per statement, so their
 * votes move only as the round's leaning does: the Japan–Korea gap narrows on the four statements
 * about teaching and remembering history (and a little on a fifth) and stays where it was on the
 * 2015 agreement, on compensation and on free study abroad.
 */
final class DialogueDemo {
    static final long SEED = 20_260_901L;
    static final int ROUNDS = 3;
    static final int JAPAN = 100;
    static final int KOREA = 100;
    static final int US = 20;
    static final double RETURNING = 0.75;
    private static final double PASS = 0.08;
    private static final double SKIP = 0.08;

    /** A statement in three languages and its agree probability per country and round. */
    record Planted(Language original, Map<Language, String> texts, double[] japan, double[] korea, boolean narrows) {}

    static final List<Planted> STATEMENTS = List.of(
            planted(
                    Language.EN,
                    "History textbooks in both countries should include the other country's view of the colonial period.",
                    "両国の歴史教科書は、植民地時代について相手国の見方も載せるべきだ。",
                    "양국의 역사 교과서는 식민지 시기에 대한 상대국의 시각도 함께 실어야 한다.",
                    new double[] {0.25, 0.40, 0.52},
                    new double[] {0.80, 0.74, 0.68},
                    true),
            planted(
                    Language.JA,
                    "Japanese and Korean historians should write a shared supplementary textbook for high schools.",
                    "日韓の歴史家が、高校向けの共通副教材を共同で執筆すべきだ。",
                    "한일 역사학자들이 고등학생을 위한 공동 부교재를 함께 집필해야 한다.",
                    new double[] {0.35, 0.48, 0.60},
                    new double[] {0.78, 0.72, 0.66},
                    true),
            planted(
                    Language.KO,
                    "Testimonies of people mobilized for wartime labor should be kept in an archive open to both countries.",
                    "戦時中に動員された人々の証言を、両国に公開されたアーカイブに保存すべきだ。",
                    "전시에 동원된 사람들의 증언을 양국에 공개된 아카이브에 보존해야 한다.",
                    new double[] {0.38, 0.50, 0.62},
                    new double[] {0.86, 0.82, 0.78},
                    true),
            planted(
                    Language.JA,
                    "School exchanges should include visits to historical sites in the other country.",
                    "学校間の交流には、相手国の歴史的な場所を訪ねるプログラムを含めるべきだ。",
                    "학교 간 교류에는 상대국의 역사 현장을 방문하는 프로그램이 포함되어야 한다.",
                    new double[] {0.50, 0.60, 0.68},
                    new double[] {0.82, 0.79, 0.76},
                    true),
            planted(
                    Language.EN,
                    "Both governments should stop using history for domestic politics.",
                    "両国の政府は、歴史を国内政治のために利用するのをやめるべきだ。",
                    "양국 정부는 역사를 국내 정치에 이용하는 일을 멈춰야 한다.",
                    new double[] {0.52, 0.56, 0.58},
                    new double[] {0.64, 0.62, 0.61},
                    true),
            planted(
                    Language.JA,
                    "The 2015 agreement on the comfort women issue settled the matter once and for all.",
                    "慰安婦問題に関する2015年の合意で、この問題は最終的に解決した。",
                    "위안부 문제에 관한 2015년 합의로 이 문제는 최종적으로 해결되었다.",
                    new double[] {0.58, 0.58, 0.58},
                    new double[] {0.12, 0.12, 0.12},
                    false),
            planted(
                    Language.KO,
                    "Japanese companies should pay compensation directly to the people mobilized for wartime labor.",
                    "日本企業は、戦時中に動員された人々に直接賠償を支払うべきだ。",
                    "일본 기업은 전시에 동원된 피해자들에게 직접 배상해야 한다.",
                    new double[] {0.18, 0.18, 0.18},
                    new double[] {0.84, 0.84, 0.84},
                    false),
            planted(
                    Language.EN,
                    "Young people of both countries should be able to study in the other country without tuition fees.",
                    "両国の若者が、授業料なしで相手国に留学できるようにすべきだ。",
                    "양국의 젊은이들이 등록금 없이 상대국에서 공부할 수 있어야 한다.",
                    new double[] {0.74, 0.74, 0.74},
                    new double[] {0.78, 0.78, 0.78},
                    false));

    private static Planted planted(
            Language original, String en, String ja, String ko, double[] japan, double[] korea, boolean narrows) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        texts.put(Language.EN, en);
        texts.put(Language.JA, ja);
        texts.put(Language.KO, ko);
        return new Planted(original, texts, japan, korea, narrows);
    }

    /** One simulated person: their country, one fixed disposition per statement in [0, 1), and an openness that forms opinion groups. */
    private record Person(String country, double[] disposition, double openness) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final Random random = new Random(SEED);

    DialogueDemo(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Seeds the dialogue; its id. The organizer creates and opens the rounds, the translator's translations carry over. */
    long seed(long organizerId, long translatorId) {
        ConversationCatalog conversations = ConversationCatalog.over(jdbi);
        StatementFeature statement = StatementFeature.wire(jdbi);
        Translations translations = Translations.over(jdbi, statement.events());
        DialogueStore dialogues = new DialogueStore(jdbi);
        ReturningStore returning = new ReturningStore(jdbi);
        RoundOpening opening =
                new RoundOpening(dialogues, conversations, statement.seeding(), statement.statements(), translations);
        Join join = new Join(jdbi, Invites.over(jdbi));
        Votes votes = Votes.over(jdbi);

        Instant now = clock.instant();
        Instant[] opens = new Instant[ROUNDS];
        Instant[] closes = new Instant[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            opens[r] = now.minus(Duration.ofDays(30L * (ROUNDS - 1 - r) + 2));
            closes[r] = opens[r].plus(Duration.ofDays(28));
        }
        Conversation first = conversations.create(
                organizerId,
                new ConversationCatalog.NewConversation(
                        roundTexts(1),
                        ModerationMode.POST,
                        true,
                        ResultsVisibility.PUBLIC,
                        List.of(new ConversationCatalog.CohortSpec(
                                "country", List.of("JP", "KR", "US", "other"), false))));
        List<Long> statementIds = new ArrayList<>();
        List<Translations.ApprovedTranslation> approved = new ArrayList<>();
        for (Planted p : STATEMENTS) {
            long id = statement
                    .seeding()
                    .seed(first.id(), organizerId, p.texts().get(p.original()), p.original())
                    .id();
            statementIds.add(id);
            for (Language target : Language.values()) {
                if (target != p.original()) {
                    approved.add(new Translations.ApprovedTranslation(
                            id, target, p.texts().get(target), translatorId, organizerId, opens[0]));
                }
            }
        }
        translations.insertApproved(approved);
        conversations.transition(first.id(), ConversationState.OPEN);
        Dialogue d = dialogues.create(organizerId, dialogueTexts(), first.id(), opens[0], closes[0]);

        List<Person> people = new ArrayList<>();
        List<Map<Long, Long>> roundsOfPerson = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            long conversation = d.rounds().get(r).conversationId();
            List<Long> carried = r == 0
                    ? statementIds
                    : statement.statements().acceptedIds(conversation).stream()
                            .sorted()
                            .toList();
            List<Integer> inRound = new ArrayList<>();
            if (r > 0) {
                for (int j : present) {
                    if (random.nextDouble() < RETURNING) {
                        inRound.add(j);
                    }
                }
            }
            for (String country : List.of("JP", "KR", "US")) {
                int target = country.equals("JP") ? JAPAN : country.equals("KR") ? KOREA : US;
                long returningThere = inRound.stream()
                        .filter(j -> people.get(j).country().equals(country))
                        .count();
                for (long k = returningThere; k < target; k++) {
                    people.add(person(country));
                    roundsOfPerson.add(new HashMap<>());
                    inRound.add(people.size() - 1);
                }
            }
            List<Votes.BatchVote> casts = new ArrayList<>();
            for (int j : inRound) {
                Person p = people.get(j);
                Language lang =
                        p.country().equals("JP") ? Language.JA : p.country().equals("KR") ? Language.KO : Language.EN;
                Join.Joined joined = roundsOfPerson.get(j).isEmpty()
                        ? join.join(
                                conversation,
                                new Join.JoinRequest(Map.of("country", p.country()), null, null, lang.code()),
                                lang)
                        : join.rejoin(conversation, Map.of("country", p.country()), lang);
                roundsOfPerson.get(j).put(conversation, joined.participantId());
                for (int s = 0; s < STATEMENTS.size(); s++) {
                    if (random.nextDouble() < SKIP) {
                        continue;
                    }
                    Vote value = random.nextDouble() < PASS
                            ? Vote.PASS
                            : p.disposition()[s] < agree(STATEMENTS.get(s), p, r) ? Vote.AGREE : Vote.DISAGREE;
                    casts.add(new Votes.BatchVote(conversation, joined.token(), carried.get(s), value));
                }
            }
            votes.castAll(casts);
            present = inRound;
            if (r + 1 < ROUNDS) {
                d = opening.open(
                        organizerId,
                        d,
                        new Organizing.NextRound(carried, roundTexts(r + 2), opens[r + 1], closes[r + 1], true, true));
            }
        }
        List<ReturningStore.SeededPerson> persons = new ArrayList<>();
        for (Map<Long, Long> rounds : roundsOfPerson) {
            if (rounds.size() >= 2 || random.nextDouble() < 0.5) {
                // Everyone who came back agreed to be linked; half of the others did too, then did not return.
                persons.add(new ReturningStore.SeededPerson(
                        Secrets.hash(Secrets.token()), Secrets.hash(Secrets.token()), rounds));
            }
        }
        returning.createAll(d.id(), persons);
        return d.id();
    }

    private Person person(String country) {
        double[] disposition = new double[STATEMENTS.size()];
        for (int s = 0; s < disposition.length; s++) {
            disposition[s] = random.nextDouble();
        }
        return new Person(country, disposition, random.nextGaussian());
    }

    /** The person's chance to agree in round r: their country's leaning that round, shifted by their openness. */
    private static double agree(Planted s, Person p, int r) {
        double base = switch (p.country()) {
            case "JP" -> s.japan()[r];
            case "KR" -> s.korea()[r];
            default -> (s.japan()[r] + s.korea()[r]) / 2;
        };
        double logit = Math.log(base / (1 - base)) + (s.narrows() ? 0.6 : -0.6) * p.openness();
        return 1 / (1 + Math.exp(-logit));
    }

    private static Map<Language, Dialogue.DialogueText> dialogueTexts() {
        Map<Language, Dialogue.DialogueText> texts = new EnumMap<>(Language.class);
        texts.put(
                Language.EN,
                new Dialogue.DialogueText(
                        "Teaching our shared history: a dialogue in monthly rounds",
                        "Citizens of Japan and Korea vote each month on the same statements about how history is taught and"
                                + " remembered, and on new ones. Returning participants show whether the two countries move"
                                + " closer, statement by statement."));
        texts.put(
                Language.JA,
                new Dialogue.DialogueText(
                        "共有する歴史をどう教えるか：毎月の対話",
                        "日本と韓国の市民が、歴史の教え方と記憶のあり方についての同じ意見に毎月投票し、新しい意見も加えます。"
                                + "継続して参加する人々の投票から、両国の距離が意見ごとに縮まっているかどうかが分かります。"));
        texts.put(
                Language.KO,
                new Dialogue.DialogueText(
                        "함께하는 역사를 어떻게 가르칠까: 매달 열리는 대화",
                        "한국과 일본의 시민이 역사를 가르치고 기억하는 방식에 관한 같은 의견에 매달 투표하고, 새 의견도 더합니다."
                                + " 계속 참여하는 사람들의 투표를 통해 두 나라의 거리가 의견마다 가까워지는지 알 수 있습니다."));
        return texts;
    }

    private static Map<String, Conversation.Text> roundTexts(int round) {
        Map<String, Conversation.Text> texts = new LinkedHashMap<>();
        texts.put(
                "en",
                new Conversation.Text(
                        "Teaching our shared history — round " + round,
                        "Round " + round + " of a monthly dialogue between citizens of Japan and Korea. Vote on each"
                                + " statement; those you saw last month are back so that change can be measured.",
                        ""));
        texts.put(
                "ja",
                new Conversation.Text(
                        "共有する歴史をどう教えるか（第" + round + "回）",
                        "日韓の市民による毎月の対話の第" + round + "回です。それぞれの意見に投票してください。" + "変化を測るため、前の回と同じ意見も出てきます。",
                        ""));
        texts.put(
                "ko",
                new Conversation.Text(
                        "함께하는 역사를 어떻게 가르칠까(" + round + "회차)",
                        "한일 시민이 매달 나누는 대화의 " + round + "회차입니다. 각 의견에 투표해 주세요." + " 변화를 측정하기 위해 지난 회차와 같은 의견도 나옵니다.",
                        ""));
        return texts;
    }
}
