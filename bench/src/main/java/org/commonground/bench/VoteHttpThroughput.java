package org.commonground.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.db.Database;

/**
 * Sustained vote throughput through the real HTTP API: the app from {@link App#create} on the
 * embedded PostgreSQL (fresh temporary data directory), one open conversation with
 * {@code --statements} statements, {@code --participants} participants who joined through the API,
 * then {@code --concurrency} closed-loop clients (virtual threads, java.net.http, loopback only)
 * each casting votes as random participants on random statements for {@code --seconds} after a
 * {@code --warmup}. Every vote is an acknowledged, committed transaction (synchronous_commit on).
 *
 * <p>Client and server share the machine's cores, so the figure is a lower bound of what the
 * server does alone. Prints votes/s and latency percentiles, then checks that every acknowledged
 * vote is in the database.
 *
 * <pre>java -cp bench/target/commonground-bench.jar org.commonground.bench.VoteHttpThroughput [--key value …]</pre>
 */
public final class VoteHttpThroughput {
    private static final Pattern ID = Pattern.compile("\"participantId\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"(cgp_[A-Za-z0-9_-]+)\"");

    record Options(int statements, int participants, int concurrency, int seconds, int warmup, int pool,
                   int commitDelay, int commitSiblings, int clients) {
        static Options parse(String[] args) {
            int statements = 200, participants = 3000, concurrency = 48, seconds = 30, warmup = 10, pool = 16;
            int commitDelay = 0, commitSiblings = 5, clients = 4;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int v = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--statements" -> statements = v;
                    case "--participants" -> participants = v;
                    case "--concurrency" -> concurrency = v;
                    case "--seconds" -> seconds = Math.min(v, 300);
                    case "--warmup" -> warmup = Math.min(v, 120);
                    case "--pool" -> pool = v;
                    case "--commit-delay" -> commitDelay = v;
                    case "--commit-siblings" -> commitSiblings = v;
                    case "--clients" -> clients = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(statements, participants, Math.min(concurrency, 1024), seconds, warmup, pool,
                    commitDelay, commitSiblings, clients);
        }
    }

    record Voter(long id, String token) {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.setProperty("commonground.db.pool", String.valueOf(o.pool()));
        Path dir = Files.createTempDirectory("cg-vote-bench");
        try (Database db = Database.embedded(dir)) {
            tune(db, o);
            Javalin app = App.create(AppConfig.defaults().withPort(0), db.dataSource());
            app.start("127.0.0.1", 0);
            try {
                run(db, "http://127.0.0.1:" + app.port(), o);
            } finally {
                app.stop();
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Group commit: a committing backend may wait commit_delay µs so others share its WAL flush. */
    private static void tune(Database db, Options o) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET commit_delay = " + o.commitDelay());
            s.execute("ALTER SYSTEM SET commit_siblings = " + o.commitSiblings());
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static void run(Database db, String base, Options o) throws Exception {
        long conversation = seedConversation(db, o.statements());
        long[] statements = statementIds(db, conversation);
        HttpClient[] clients = new HttpClient[o.clients()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }
        long t0 = System.nanoTime();
        Voter[] voters = join(clients, base, conversation, o.participants(), Math.min(o.concurrency(), 32));
        System.out.printf(Locale.ROOT, "setup: %d statements, %d participants joined over HTTP in %.1f s%n",
                statements.length, voters.length, (System.nanoTime() - t0) / 1e9);

        String url = base + "/api/v1/conversations/" + conversation + "/votes";
        Phase warm = drive(clients, url, voters, statements, o.concurrency(), o.warmup());
        System.out.printf(Locale.ROOT, "warm-up: %d votes in %d s%n", warm.ok(), o.warmup());
        long before = count(db, "SELECT count(*) FROM vote_event");
        Phase measured = drive(clients, url, voters, statements, o.concurrency(), o.seconds());
        long after = count(db, "SELECT count(*) FROM vote_event");

        long[] lat = measured.latenciesNanos();
        Arrays.sort(lat);
        double seconds = measured.elapsedNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%nVote throughput (HTTP, embedded PostgreSQL, synchronous_commit=on)%n");
        System.out.printf(Locale.ROOT, "  cores=%d concurrency=%d pool=%d commit_delay=%dus commit_siblings=%d clients=%d%n",
                Runtime.getRuntime().availableProcessors(), o.concurrency(), o.pool(), o.commitDelay(),
                o.commitSiblings(), o.clients());
        System.out.printf(Locale.ROOT, "  votes acknowledged: %d in %.1f s = %.0f votes/s; errors: %d%n",
                measured.ok(), seconds, measured.ok() / seconds, measured.errors());
        System.out.printf(Locale.ROOT, "  latency ms: p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n",
                pct(lat, 0.50), pct(lat, 0.90), pct(lat, 0.99), pct(lat, 0.999), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  durability check: %d vote events written during the run, %d acknowledged (%s)%n",
                after - before, measured.ok(), after - before >= measured.ok() ? "ok" : "MISSING VOTES");
    }

    record Phase(long ok, long errors, long elapsedNanos, long[] latenciesNanos) {}

    /** Closed loop: each worker sends a vote, waits for the answer, sends the next, until time is up. */
    private static Phase drive(HttpClient[] clients, String url, Voter[] voters, long[] statements,
                               int concurrency, int seconds) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        int[] counts = new int[concurrency];
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        URI uri = URI.create(url);
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                long[] lat = new long[Math.max(1024, seconds * 20_000 / concurrency * 4)];
                perWorker.add(lat);
                int worker = w;
                HttpClient client = clients[w % clients.length];
                workers.submit(() -> {
                    var random = new SplittableRandom(worker * 7919L + System.nanoTime());
                    int n = 0;
                    while (System.nanoTime() < end) {
                        Voter v = voters[random.nextInt(voters.length)];
                        long s = statements[random.nextInt(statements.length)];
                        String value = switch (random.nextInt(3)) {
                            case 0 -> "agree";
                            case 1 -> "disagree";
                            default -> "pass";
                        };
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + v.token())
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"statementId\":" + s + ",\"value\":\"" + value + "\"}"))
                                .build();
                        long t = System.nanoTime();
                        try {
                            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                            long took = System.nanoTime() - t;
                            if (r.statusCode() == 201) {
                                if (n < lat.length) {
                                    lat[n++] = took;
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    counts[worker] = n;
                });
            }
        }
        long elapsed = System.nanoTime() - start;
        long ok = 0;
        for (int c : counts) {
            ok += c;
        }
        long[] all = new long[(int) ok];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(perWorker.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        return new Phase(ok, errors.get(), elapsed, all);
    }

    private static Voter[] join(HttpClient[] clients, String base, long conversation, int participants, int parallel)
            throws InterruptedException {
        Voter[] voters = new Voter[participants];
        String[] countries = {"JP", "KR", "US", "other"};
        URI uri = URI.create(base + "/api/v1/conversations/" + conversation + "/participants");
        AtomicLong next = new AtomicLong();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < parallel; w++) {
                HttpClient client = clients[w % clients.length];
                workers.submit(() -> {
                    for (int i = (int) next.getAndIncrement(); i < participants; i = (int) next.getAndIncrement()) {
                        String body = "{\"cohorts\":{\"country\":\"" + countries[i % 4] + "\"},\"language\":\""
                                + (i % 3 == 0 ? "ja" : i % 3 == 1 ? "ko" : "en") + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        try {
                            String answer = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                            Matcher id = ID.matcher(answer);
                            Matcher token = TOKEN.matcher(answer);
                            if (!id.find() || !token.find()) {
                                throw new IllegalStateException("join failed: " + answer);
                            }
                            voters[i] = new Voter(Long.parseLong(id.group(1)), token.group(1));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return null;
                        }
                    }
                    return null;
                });
            }
        }
        return voters;
    }

    /** An open conversation with the default country dimension and {@code n} accepted statements. */
    private static long seedConversation(Database db, int n) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("INSERT INTO conversation (state) VALUES ('open') RETURNING id")) {
                rs.next();
                id = rs.getLong(1);
            }
            long dimension;
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO cohort_dimension (conversation_id, name, position, required) VALUES (?, 'country', 0, true) RETURNING id")) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    dimension = rs.getLong(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cohort_value (dimension_id, value, position) VALUES (?, ?, ?)")) {
                String[] values = {"JP", "KR", "US", "other"};
                for (int i = 0; i < values.length; i++) {
                    p.setLong(1, dimension);
                    p.setString(2, values[i]);
                    p.setInt(3, i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO statement (conversation_id, text, lang, folded, is_seed, moderation_state)
                    VALUES (?, ?, 'en', ?, true, 'accepted')""")) {
                for (int i = 0; i < n; i++) {
                    p.setLong(1, id);
                    p.setString(2, "Benchmark statement number " + i);
                    p.setString(3, "benchmarkstatementnumber" + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            return id;
        }
    }

    private static long[] statementIds(Database db, long conversation) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("SELECT id FROM statement WHERE conversation_id = ? ORDER BY id")) {
            p.setLong(1, conversation);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
