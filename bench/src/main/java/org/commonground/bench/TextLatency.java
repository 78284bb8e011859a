package org.commonground.bench;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.conversation.ModerationMode;
import org.commonground.conversation.ResultsVisibility;
import org.commonground.db.Database;
import org.commonground.statement.StatementText;
import org.jdbi.v3.core.Jdbi;

/**
 * Latency of the near-duplicate check ({@code /statements/similar}) and of search
 * ({@code /statements/search}) through the real HTTP API: the app from {@link App#create} on the
 * embedded PostgreSQL, one open conversation with {@code --statements} accepted statements, each
 * written in one of ja / ko / en and translated into the other two (so three times as many texts
 * indexed), built from aligned phrases of a Japan–Korea dialogue (actors × topics × claims ×
 * times). {@code --concurrency} closed-loop clients (a participant's bearer token) send
 * {@code --requests} checks and then as many searches after {@code --warmup} of each. A check asks
 * with a statement of the conversation reworded (another time phrase, or none), in the language
 * of the client; a search with one or two words in any language. Reports client-side percentiles,
 * the index rebuild time at start, and the process CPU time per request (the machine is shared).
 *
 * <pre>java -cp bench/target/commonground-bench.jar org.commonground.bench.TextLatency [--statements 10000] …</pre>
 */
public final class TextLatency {
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"(cgp_[A-Za-z0-9_-]+)\"");

    // Aligned phrases: index 0 Japanese, 1 Korean, 2 English.
    private static final String[][] ACTORS = {
        {"日本政府", "일본 정부", "The Japanese government"}, {"韓国政府", "한국 정부", "The Korean government"},
        {"両国の企業", "양국 기업", "Companies in both countries"}, {"若い世代", "젊은 세대", "Young people"},
        {"地方自治体", "지방자치단체", "Local governments"}, {"市民団体", "시민단체", "Civic groups"},
        {"大学", "대학", "Universities"}, {"電力会社", "전력 회사", "Power companies"},
        {"介護施設", "요양 시설", "Care homes"}, {"メディア", "언론", "The media"}
    };
    private static final String[][] TOPICS = {
        {"歴史教育", "역사 교육", "history education"}, {"原発の再稼働", "원전 재가동", "restarting nuclear plants"},
        {"再生可能エネルギー", "재생에너지", "renewable energy"}, {"介護人材の不足", "요양 인력 부족", "the care worker shortage"},
        {"年金制度", "연금 제도", "the pension system"}, {"学生交流", "학생 교류", "student exchanges"},
        {"慰安婦問題", "위안부 문제", "the comfort women issue"}, {"徴用工問題", "강제징용 문제", "the forced labor issue"},
        {"電力網の連結", "전력망 연결", "linking the power grids"}, {"少子化対策", "저출산 대책", "measures against low birth rates"},
        {"観光", "관광", "tourism"}, {"LNGの共同購入", "LNG 공동 구매", "joint LNG purchases"},
        {"水素研究", "수소 연구", "hydrogen research"}, {"高齢者の見守り", "노인 돌봄", "care for the elderly"},
        {"地方の公共交通", "지방 대중교통", "rural public transport"}
    };
    private static final String[][] CLAIMS = {
        {"もっと積極的に取り組むべきだ", "더 적극적으로 나서야 한다", "should do more about"},
        {"予算を増やすべきだ", "예산을 늘려야 한다", "should spend more on"},
        {"情報を公開すべきだ", "정보를 공개해야 한다", "should disclose more about"},
        {"相手国と協力すべきだ", "상대국과 협력해야 한다", "should cooperate with the other country on"},
        {"若者の声を聞くべきだ", "청년의 목소리를 들어야 한다", "should listen to young people on"},
        {"長期的な計画を示すべきだ", "장기적인 계획을 내놓아야 한다", "should present a long-term plan for"},
        {"慎重に判断すべきだ", "신중하게 판단해야 한다", "should decide carefully on"},
        {"責任を果たしていない", "책임을 다하지 않고 있다", "are not taking responsibility for"},
        {"十分に説明していない", "충분히 설명하지 않고 있다", "have not explained enough about"},
        {"成果を上げている", "성과를 내고 있다", "are getting results on"}
    };
    private static final String[][] TIMES = {
        {"", "", ""},
        {"今すぐ", "지금 당장", "now"},
        {"2030年までに", "2030년까지", "by 2030"},
        {"毎年", "매년", "every year"},
        {"地域ごとに", "지역별로", "region by region"},
        {"次の選挙の前に", "다음 선거 전에", "before the next election"},
        {"国際的な基準に沿って", "국제 기준에 맞춰", "in line with international standards"}
    };

    record LatencyOptions(int statements, int requests, int warmup, int concurrency) {
        static LatencyOptions parse(String[] args) {
            int statements = 10_000, requests = 3000, warmup = 500, concurrency = 2;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int v = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--statements" -> statements = v;
                    case "--requests" -> requests = v;
                    case "--warmup" -> warmup = v;
                    case "--concurrency" -> concurrency = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (statements > ACTORS.length * TOPICS.length * CLAIMS.length * TIMES.length) {
                throw new IllegalArgumentException("at most "
                        + ACTORS.length * TOPICS.length * CLAIMS.length * TIMES.length + " distinct statements");
            }
            return new LatencyOptions(statements, requests, warmup, concurrency);
        }
    }

    /** One generated statement: the phrase indices and the language it was written in. */
    record Combo(int actor, int topic, int claim, int time, int lang) {}

    public static void main(String[] args) throws Exception {
        LatencyOptions o = LatencyOptions.parse(args);
        Path dir = Files.createTempDirectory("cg-text-latency");
        try (Database db = Database.embedded(dir)) {
            List<Combo> combos = combos(o.statements());
            long conversation = seed(db, combos);
            long created = System.nanoTime();
            Javalin app = App.create(AppConfig.defaults().withPort(0), db.dataSource());
            app.start("127.0.0.1", 0);
            try {
                run("http://127.0.0.1:" + app.port(), conversation, combos, o, created);
            } finally {
                app.stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<Combo> combos(int n) {
        List<Combo> all = new ArrayList<>();
        for (int a = 0; a < ACTORS.length; a++) {
            for (int t = 0; t < TOPICS.length; t++) {
                for (int c = 0; c < CLAIMS.length; c++) {
                    for (int w = 0; w < TIMES.length; w++) {
                        all.add(new Combo(a, t, c, w, all.size() % 3));
                    }
                }
            }
        }
        java.util.Collections.shuffle(all, new java.util.Random(7));
        return List.copyOf(all.subList(0, n));
    }

    static String text(Combo c, int lang, int time) {
        String actor = ACTORS[c.actor()][lang];
        String topic = TOPICS[c.topic()][lang];
        String claim = CLAIMS[c.claim()][lang];
        String when = TIMES[time][lang];
        return switch (lang) {
            case 0 -> actor + "は" + topic + "について" + when + claim + "。";
            case 1 ->
                actor + topicParticle(actor) + " " + topic + "에 대해 " + (when.isEmpty() ? "" : when + " ") + claim + ".";
            default -> actor + " " + claim + " " + topic + (when.isEmpty() ? "" : " " + when) + ".";
        };
    }

    /** 은 after a final consonant, 는 after a vowel. */
    private static String topicParticle(String word) {
        char last = word.charAt(word.length() - 1);
        return last >= 0xAC00 && last <= 0xD7A3 && (last - 0xAC00) % 28 != 0 ? "은" : "는";
    }

    private static long seed(Database db, List<Combo> combos) {
        Jdbi jdbi = Database.jdbi(db.dataSource());
        var owner = Accounts.over(jdbi).create("bench@example.org", "bench password 123", Role.ORGANIZER);
        var conversations = ConversationCatalog.over(jdbi);
        Conversation c = conversations.create(
                owner.id(),
                new ConversationCatalog.NewConversation(
                        Map.of("ja", new Conversation.Text("検索ベンチマーク", "類似意見の確認と検索の速さを測ります。", "")),
                        ModerationMode.POST,
                        true,
                        ResultsVisibility.PUBLIC,
                        List.of(new ConversationCatalog.CohortSpec(
                                "country", List.of("JP", "KR", "US", "other"), false))));
        conversations.transition(c.id(), ConversationState.OPEN);
        String[] codes = {"ja", "ko", "en"};
        jdbi.useTransaction(h -> {
            var statements = h.prepareBatch("""
                    INSERT INTO statement (conversation_id, text, lang, folded, author_account_id, is_seed, moderation_state)
                    VALUES (:c, :text, :lang, :folded, :owner, true, 'accepted')""");
            for (Combo combo : combos) {
                String text = text(combo, combo.lang(), combo.time());
                statements
                        .bind("c", c.id())
                        .bind("text", text)
                        .bind("lang", codes[combo.lang()])
                        .bind("folded", StatementText.fold(text))
                        .bind("owner", owner.id())
                        .add();
            }
            statements.execute();
            List<Long> ids = h.createQuery("SELECT id FROM statement WHERE conversation_id = :c ORDER BY id")
                    .bind("c", c.id())
                    .mapTo(Long.class)
                    .list();
            var translations = h.prepareBatch("""
                    INSERT INTO translation (statement_id, lang, text, kind, state, translator_id, approved_by, approved_at)
                    VALUES (:s, :lang, :text, 'human', 'approved', :owner, :owner, now())""");
            for (int i = 0; i < ids.size(); i++) {
                Combo combo = combos.get(i);
                for (int l = 0; l < 3; l++) {
                    if (l != combo.lang()) {
                        translations
                                .bind("s", ids.get(i))
                                .bind("lang", codes[l])
                                .bind("text", text(combo, l, combo.time()))
                                .bind("owner", owner.id())
                                .add();
                    }
                }
            }
            translations.execute();
        });
        return c.id();
    }

    private static void run(String base, long conversation, List<Combo> combos, LatencyOptions o, long created)
            throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String token = join(http, base, conversation);
        String prefix = base + "/api/v1/conversations/" + conversation + "/statements/";
        // The index is read in id order at start: once the last statement is found, all are in.
        Combo last = combos.get(combos.size() - 1);
        String lastCheck = prefix + "similar?lang=ja&text="
                + URLEncoder.encode(text(last, 0, last.time()), StandardCharsets.UTF_8);
        while (!get(http, lastCheck, token).contains("\"score\":1.0")) {
            Thread.sleep(100);
        }
        double rebuildSeconds = (System.nanoTime() - created) / 1e9;

        String[] codes = {"ja", "ko", "en"};
        Sampler check = (random) -> {
            Combo c = combos.get(random.nextInt(combos.size()));
            int lang = random.nextInt(3);
            int time = random.nextInt(3) == 0 ? 0 : random.nextInt(TIMES.length);
            return prefix + "similar?lang=" + codes[lang] + "&text="
                    + URLEncoder.encode(text(c, lang, time), StandardCharsets.UTF_8);
        };
        Sampler search = (random) -> {
            int lang = random.nextInt(3);
            String q = random.nextBoolean()
                    ? TOPICS[random.nextInt(TOPICS.length)][lang]
                    : ACTORS[random.nextInt(ACTORS.length)][lang] + " " + TOPICS[random.nextInt(TOPICS.length)][lang];
            return prefix + "search?lang=" + codes[lang] + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        };
        String load = loadAverage();
        drive(http, token, check, o.warmup(), o.concurrency(), 1);
        Latencies checks = drive(http, token, check, o.requests(), o.concurrency(), 2);
        drive(http, token, search, o.warmup(), o.concurrency(), 3);
        Latencies searches = drive(http, token, search, o.requests(), o.concurrency(), 4);
        System.out.printf(
                Locale.ROOT,
                "%nText search and near-duplicate check (%d statements × 3 languages in one conversation, "
                        + "concurrency %d, %d cores, load average before %s, after %s)%n",
                combos.size(),
                o.concurrency(),
                Runtime.getRuntime().availableProcessors(),
                load,
                loadAverage());
        System.out.printf(Locale.ROOT, "  index read from the database at start: %.1f s%n", rebuildSeconds);
        report("similar", checks);
        report("search ", searches);
    }

    interface Sampler {
        String next(SplittableRandom random);
    }

    record Latencies(double[] millis, double seconds, double cpuMillisPerRequest, int errors) {}

    private static Latencies drive(
            HttpClient http, String token, Sampler sampler, int requests, int concurrency, long seed) throws Exception {
        double[] millis = new double[requests];
        int[] errors = new int[1];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> clients = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                SplittableRandom random = new SplittableRandom(seed * 1000 + w);
                clients.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        String uri = sampler.next(random);
                        long t0 = System.nanoTime();
                        int status = send(http, uri, token);
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                        if (status != 200) {
                            synchronized (errors) {
                                errors[0]++;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<Object> c : clients) {
                c.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e6 / requests;
        Arrays.sort(millis);
        return new Latencies(millis, seconds, cpu, errors[0]);
    }

    private static int send(HttpClient http, String uri, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println(response.statusCode() + " " + uri + ": " + response.body());
        }
        return response.statusCode();
    }

    private static String get(HttpClient http, String uri, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String join(HttpClient http, String base, long conversation) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/conversations/" + conversation + "/participants"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cohorts\":{\"country\":\"JP\"},\"language\":\"ja\"}"))
                .build();
        String answer = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = TOKEN.matcher(answer);
        if (!token.find()) {
            throw new IllegalStateException("join failed: " + answer);
        }
        return token.group(1);
    }

    private static void report(String name, Latencies r) {
        System.out.printf(
                Locale.ROOT,
                "  %s %d requests, %.0f/s, errors %d: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms;"
                        + " process CPU %.2f ms per request%n",
                name,
                r.millis().length,
                r.millis().length / r.seconds(),
                r.errors(),
                pct(r.millis(), .5),
                pct(r.millis(), .9),
                pct(r.millis(), .99),
                r.millis()[r.millis().length - 1],
                r.cpuMillisPerRequest());
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
