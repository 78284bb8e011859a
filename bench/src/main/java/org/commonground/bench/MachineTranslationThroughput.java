package org.commonground.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ModerationMode;
import org.commonground.conversation.ResultsVisibility;
import org.commonground.db.Database;
import org.commonground.statement.StatementFeature;
import org.commonground.translation.MachineTranslationFeature;
import org.commonground.translation.MachineTranslationSettings;
import org.jdbi.v3.core.Jdbi;

/**
 * Machine translation queue throughput: {@code --statements} accepted Korean statements (default
 * 1,000) of one conversation, each into the two other languages (Japanese, English), through the
 * real queue (sweep, leases with FOR UPDATE SKIP LOCKED, budget, rate limit, one transaction per
 * batch of results) on the embedded PostgreSQL, against a LibreTranslate-compatible server in
 * this JVM that answers after {@code --latency-ms} (default 0: the queue's own cost). Each of
 * {@code --runs} runs uses a fresh conversation and times from turning machine translation on to
 * the last translation stored. Reports jobs/s, requests, and the JVM's CPU time per job (the fake
 * server's share included; PostgreSQL's not).
 *
 * <pre>java -cp bench/target/commonground-bench.jar org.commonground.bench.MachineTranslationThroughput
 *     [--statements 1000] [--runs 3] [--latency-ms 0] [--workers 4] [--rate 1000]</pre>
 */
public final class MachineTranslationThroughput {
    private static final Pattern Q = Pattern.compile("\"q\":\\[(.*?)\\],\"source\"", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        Map<String, Integer> o = new java.util.HashMap<>(
                Map.of("--statements", 1000, "--runs", 3, "--latency-ms", 0, "--workers", 4, "--rate", 1000));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], Integer.parseInt(args[i + 1]));
        }
        int statements = o.get("--statements");
        AtomicLong requests = new AtomicLong();
        HttpServer fake = libreTranslate(o.get("--latency-ms"), requests);
        Path dir = Files.createTempDirectory("cg-mt-bench");
        try (Database db = Database.embedded(dir)) {
            Jdbi jdbi = Database.jdbi(db.dataSource());
            var settings = MachineTranslationSettings.parse(
                    "libretranslate:http://127.0.0.1:" + fake.getAddress().getPort() + "?workers=" + o.get("--workers")
                            + "&rate=" + o.get("--rate") + "&budget=100000000",
                    "");
            long owner = Accounts.over(jdbi)
                    .create("bench-" + System.nanoTime() + "@example.org", "bench password 123", Role.ORGANIZER)
                    .id();
            List<Double> perSecond = new ArrayList<>();
            System.out.printf(
                    Locale.ROOT,
                    "%d statements × 2 languages = %d jobs per run; fake latency %d ms; %d workers%n",
                    statements,
                    2 * statements,
                    o.get("--latency-ms"),
                    settings.workers());
            for (int run = 1; run <= o.get("--runs"); run++) {
                long conversation = conversation(jdbi, owner, statements, run);
                try (var feature = MachineTranslationFeature.wire(jdbi, settings, Clock.systemUTC(), (d, v) -> true)) {
                    long requestsBefore = requests.get();
                    long cpuBefore = cpuNanos();
                    long start = System.nanoTime();
                    feature.turnOn(conversation);
                    feature.start();
                    while (done(jdbi, conversation) < 2L * statements) {
                        Thread.sleep(5);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuPerJob = (cpuNanos() - cpuBefore) / 1e3 / (2.0 * statements);
                    perSecond.add(2 * statements / seconds);
                    System.out.printf(
                            Locale.ROOT,
                            "run %d: %,d jobs in %.2f s = %,.0f jobs/s (%,.0f statements/s), "
                                    + "%d requests, JVM CPU %.0f µs/job%n",
                            run,
                            2 * statements,
                            seconds,
                            2 * statements / seconds,
                            statements / seconds,
                            requests.get() - requestsBefore,
                            cpuPerJob);
                }
            }
            double[] sorted =
                    perSecond.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "median: %,.0f jobs/s (%,.0f statements into two languages per second)%n",
                    sorted[sorted.length / 2],
                    sorted[sorted.length / 2] / 2);
        } finally {
            fake.stop(0);
        }
    }

    /** An open conversation written in all three languages, with {@code n} accepted Korean seed statements. */
    private static long conversation(Jdbi jdbi, long owner, int n, int run) {
        var conversations = ConversationCatalog.over(jdbi);
        Conversation c = conversations.create(
                owner,
                new ConversationCatalog.NewConversation(
                        Map.of(
                                "ja",
                                new Conversation.Text("ベンチマーク " + run, "", ""),
                                "ko",
                                new Conversation.Text("벤치마크 " + run, "", ""),
                                "en",
                                new Conversation.Text("Benchmark " + run, "", "")),
                        ModerationMode.POST,
                        true,
                        ResultsVisibility.PUBLIC,
                        List.of(new ConversationCatalog.CohortSpec("country", List.of("JP", "KR"), false))));
        var seeds = StatementFeature.wire(jdbi).seeding();
        for (int i = 0; i < n; i++) {
            seeds.seed(c.id(), owner, "청소년 교류 프로그램 " + run + "-" + i + "번을 늘리고 서로의 역사 교과서를 함께 읽자", null);
        }
        conversations.transition(c.id(), org.commonground.conversation.ConversationState.OPEN);
        return c.id();
    }

    private static long done(Jdbi jdbi, long conversation) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT count(*) FROM translation_job WHERE conversation_id = :c AND state = 'done'")
                        .bind("c", conversation)
                        .mapTo(Long.class)
                        .one());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** POST /translate answering {"translatedText": [...]} in LibreTranslate's shape, after a fixed latency. */
    private static HttpServer libreTranslate(int latencyMs, AtomicLong requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/translate", (HttpExchange x) -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            Matcher m = Q.matcher(body);
            String q = m.find() ? m.group(1) : "";
            String[] texts = q.isEmpty() ? new String[0] : q.split("\",\"");
            String out = "{\"translatedText\":["
                    + String.join(
                            ",",
                            Arrays.stream(texts)
                                    .map(t -> "\"[mt] " + t.replace("\"", "") + "\"")
                                    .toList()) + "]}";
            try {
                if (latencyMs > 0) {
                    Thread.sleep(latencyMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        server.start();
        return server;
    }
}
