package org.commonground.bench;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.db.Database;
import org.commonground.web.AbuseLimits;

/**
 * Finding 5 of issue 8: clients signing in with random e-mails as fast as they can (bcrypt work
 * each) while two probes measure what everyone else gets: the health check and a participant's
 * vote, each sent every 50 ms. First a quiet phase, then the flood, on the real app over HTTP.
 *
 * <pre>
 * SignInFlood [--attackers 8] [--seconds 15] [--quiet 5] [--limits NAME=VALUE,…]
 *   --limits sign-ins=off,hashing-threads=0   as before issue 8: bcrypt on the request threads, no address quota
 *   --limits sign-ins=off                      an attacker with many addresses: only the hashing pool protects
 *   (no --limits)                              the defaults
 * </pre>
 */
public final class SignInFlood {
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"(cgp_[A-Za-z0-9_-]+)\"");
    private static final int PROBE_MILLIS = 50;
    private static final int PARTICIPANTS = 40;

    private SignInFlood() {}

    record Options(int attackers, int seconds, int quiet, String limits) {
        static Options parse(String[] args) {
            int attackers = 8, seconds = 15, quiet = 5;
            String limits = "";
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--attackers" -> attackers = Math.min(Integer.parseInt(args[i + 1]), 256);
                    case "--seconds" -> seconds = Math.min(Integer.parseInt(args[i + 1]), 300);
                    case "--quiet" -> quiet = Math.min(Integer.parseInt(args[i + 1]), 60);
                    case "--limits" -> limits = args[i + 1];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(attackers, seconds, quiet, limits);
        }
    }

    /** Latencies (ms) of one phase, and what the attackers got. */
    record Phase(
            double[] health,
            double[] votes,
            int voteErrors,
            Map<Integer, Integer> signIns,
            double seconds,
            double cpuSeconds) {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        AbuseLimits limits = AbuseLimits.defaults().with(o.limits());
        Path dir = Files.createTempDirectory("cg-sign-in-flood");
        try (Database db = Database.embedded(dir)) {
            Javalin app = App.create(AppConfig.defaults().withPort(0).withAbuseLimits(limits), db.dataSource());
            app.start("127.0.0.1", 0);
            try {
                run(db, "http://127.0.0.1:" + app.port(), o, limits);
            } finally {
                app.stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Database db, String base, Options o, AbuseLimits limits) throws Exception {
        long conversation = VotePageBench.seed(db, 60);
        long[] statements = Database.jdbi(db.dataSource())
                .withHandle(h -> h.createQuery("SELECT id FROM statement WHERE conversation_id = :c ORDER BY id")
                        .bind("c", conversation)
                        .mapTo(Long.class)
                        .list())
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String[] tokens = new String[PARTICIPANTS];
        for (int i = 0; i < PARTICIPANTS; i++) {
            String body = http.send(
                            json(base + "/api/v1/conversations/" + conversation + "/participants", "{}", null),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = TOKEN.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("join failed: " + body);
            }
            tokens[i] = m.group(1);
        }
        Phase quiet = phase(http, base, conversation, statements, tokens, 0, o.quiet());
        Phase flood = phase(http, base, conversation, statements, tokens, o.attackers(), o.seconds());
        System.out.printf(
                Locale.ROOT,
                "%nSign-in flood (%d attackers with random e-mails, %d s; probes every %d ms; %d cores; "
                        + "sign-ins %s, hashing threads %d, queue %d)%n",
                o.attackers(),
                o.seconds(),
                PROBE_MILLIS,
                Runtime.getRuntime().availableProcessors(),
                limits.signInsPerAddress().unlimited()
                        ? "unlimited"
                        : limits.signInsPerAddress().events() + "/"
                                + limits.signInsPerAddress().per(),
                limits.hashingThreads(),
                limits.hashingQueue());
        print("quiet", quiet);
        print("flood", flood);
    }

    private static void print(String name, Phase p) {
        System.out.printf(
                Locale.ROOT,
                "  %-5s health ms p50=%.1f p90=%.1f max=%.1f (%d) | vote ms p50=%.1f p90=%.1f max=%.1f (%d, errors %d)"
                        + " | sign-in answers %s (%.1f/s) | process CPU %.1f s in %.1f s%n",
                name,
                VotePageBench.pct(p.health(), .5),
                VotePageBench.pct(p.health(), .9),
                max(p.health()),
                p.health().length,
                VotePageBench.pct(p.votes(), .5),
                VotePageBench.pct(p.votes(), .9),
                max(p.votes()),
                p.votes().length,
                p.voteErrors(),
                p.signIns(),
                p.signIns().values().stream().mapToInt(Integer::intValue).sum() / p.seconds(),
                p.cpuSeconds(),
                p.seconds());
    }

    private static Phase phase(
            HttpClient http,
            String base,
            long conversation,
            long[] statements,
            String[] tokens,
            int attackers,
            int seconds)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Double> health = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> votes = new ConcurrentLinkedQueue<>();
        AtomicInteger voteErrors = new AtomicInteger();
        Map<Integer, Integer> signIns = new ConcurrentHashMap<>();
        double cpu0 = cpuSeconds();
        long start = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int a = 0; a < attackers; a++) {
                threads.submit(() -> {
                    while (running.get()) {
                        String body = "{\"email\":\"" + UUID.randomUUID() + "@example.org\",\"password\":\"guess "
                                + ThreadLocalRandom.current().nextLong() + "\"}";
                        int status = http.send(
                                        json(base + "/api/v1/session", body, null),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        signIns.merge(status, 1, Integer::sum);
                    }
                    return null;
                });
            }
            threads.submit(() -> {
                while (running.get()) {
                    long t = System.nanoTime();
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/health"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    health.add((System.nanoTime() - t) / 1e6);
                    pause(t);
                }
                return null;
            });
            threads.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    long t = System.nanoTime();
                    String body = "{\"statementId\":" + statements[i % statements.length] + ",\"value\":\"agree\"}";
                    int status = http.send(
                                    json(
                                            base + "/api/v1/conversations/" + conversation + "/votes",
                                            body,
                                            tokens[i % tokens.length]),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == 201) {
                        votes.add((System.nanoTime() - t) / 1e6);
                    } else {
                        voteErrors.incrementAndGet();
                    }
                    pause(t);
                }
                return null;
            });
            Thread.sleep(seconds * 1000L); // the benchmark's measuring window, not a wait for a condition
            running.set(false);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Phase(
                VotePageBench.sorted(health),
                VotePageBench.sorted(votes),
                voteErrors.get(),
                new java.util.TreeMap<>(signIns),
                elapsed,
                cpuSeconds() - cpu0);
    }

    private static void pause(long sentAtNanos) throws InterruptedException {
        long left = PROBE_MILLIS - (System.nanoTime() - sentAtNanos) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private static HttpRequest json(String url, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b.build();
    }

    private static double max(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }
}
