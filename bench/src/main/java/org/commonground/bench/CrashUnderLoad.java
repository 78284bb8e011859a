package org.commonground.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.Main;
import org.commonground.db.Database;

/**
 * Durability and restart after {@code kill -9}: the server runs as {@code commonground serve} in a
 * child JVM on an embedded data directory; {@code --concurrency} closed-loop connections cast
 * votes for {@code --load-seconds}; then the server is killed with SIGKILL (no shutdown hook: its
 * PostgreSQL is orphaned mid-load) and started again on the same directory. Repeated
 * {@code --runs} times, each run with its own {@code --participants} new participants.
 *
 * <p>Afterwards every acknowledged vote (a 201) must be in {@code vote_event}: "lost" counts
 * acknowledged votes missing, "unacknowledged stored" votes that were committed but whose answer
 * the kill cut off (allowed: at most the votes in flight). "Restart" is from launching the new JVM
 * to {@code /api/v1/health} answering 200, JVM start, orphan stop and PostgreSQL start included;
 * "cold start" is the same for the first start on the seeded directory. Exits 1 if a vote was lost.
 *
 * <pre>java -cp bench/target/commonground-bench.jar org.commonground.bench.CrashUnderLoad [--runs 5] [--participants 300]
 *     [--concurrency 32] [--load-seconds 5] [--statements 100]</pre>
 */
public final class CrashUnderLoad {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^/]+:(\\d+)/");

    record Options(int runs, int participants, int concurrency, int loadSeconds, int statements) {
        static Options parse(String[] args) {
            int runs = 5, participants = 300, concurrency = 32, loadSeconds = 5, statements = 100;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int v = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--runs" -> runs = v;
                    case "--participants" -> participants = v;
                    case "--concurrency" -> concurrency = v;
                    case "--load-seconds" -> loadSeconds = v;
                    case "--statements" -> statements = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(runs, participants, concurrency, loadSeconds, statements);
        }
    }

    /** One acknowledged or attempted vote: participant pseudonym, statement id, value (-1, 0, 1). */
    record Cast(String participant, long statement, int value) {}

    record Run(
            long acknowledged,
            long errors,
            long inFlightAtKill,
            double restartSeconds,
            List<Cast> acked,
            long conversation,
            String[] participants,
            ChildServer restarted) {
        double orphanStopSeconds() {
            return restarted.orphanStopMillis() / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path dir = Files.createTempDirectory("cg-crash-bench");
        Path data = dir.resolve("data");
        try {
            long conversation;
            long[] statements;
            try (Database db = Database.embedded(data)) {
                conversation = VoteHttpThroughput.seedConversation(db, o.statements());
                statements = VoteHttpThroughput.statementIds(db, conversation);
            }
            System.out.printf(
                    Locale.ROOT,
                    "CrashUnderLoad: %d runs, %d participants per run, %d connections, %d s of votes before"
                            + " each kill -9; load average %s%n",
                    o.runs(),
                    o.participants(),
                    o.concurrency(),
                    o.loadSeconds(),
                    VoteHttpThroughput.loadAverage());

            long t0 = System.nanoTime();
            ChildServer server = ChildServer.start(data, dir);
            System.out.printf(
                    Locale.ROOT,
                    "cold start on the seeded directory: %.2f s (server JVM CPU %.2f s)%n",
                    (System.nanoTime() - t0) / 1e9,
                    server.cpuSecondsWhenHealthy());
            List<Run> runs = new ArrayList<>();
            try {
                for (int r = 1; r <= o.runs(); r++) {
                    Run run = runOnce(server, data, dir, conversation, statements, o);
                    runs.add(run);
                    server = run.restarted();
                    System.out.printf(
                            Locale.ROOT,
                            "run %d: %d votes acknowledged, %d errors, %d cut off by the kill; restart %.2f s"
                                    + " (of which stopping the orphaned PostgreSQL %.2f s; server JVM CPU %.2f s)%n",
                            r,
                            run.acknowledged(),
                            run.errors(),
                            run.inFlightAtKill(),
                            run.restartSeconds(),
                            run.orphanStopSeconds(),
                            run.restarted().cpuSecondsWhenHealthy());
                }
            } finally {
                if (server != null) {
                    server.stop();
                }
            }
            System.exit(report(data, runs) ? 0 : 1);
        } finally {
            VoteHttpThroughput.deleteTree(dir);
        }
    }

    private static Run runOnce(ChildServer server, Path data, Path dir, long conversation, long[] statements, Options o)
            throws Exception {
        String[] ids = new String[o.participants()];
        String[] tokens = VoteHttpThroughput.join(server.baseUrl(), conversation, o.participants(), ids);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        List<List<Cast>> acked = new ArrayList<>();
        List<Thread> voters = new ArrayList<>();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        for (int w = 0; w < o.concurrency(); w++) {
            List<Cast> mine = new ArrayList<>();
            acked.add(mine);
            long seed = w * 7919L + System.nanoTime();
            voters.add(Thread.ofPlatform()
                    .name("voter-" + w)
                    .start(() -> vote(
                            address,
                            conversation,
                            statements,
                            tokens,
                            ids,
                            new SplittableRandom(seed),
                            killed,
                            errors,
                            inFlight,
                            mine)));
        }
        Thread.sleep(
                o.loadSeconds() * 1000L); // the load runs for a fixed time; this is the benchmark's clock, not a wait
        killed.set(true);
        server.kill();
        for (Thread t : voters) {
            t.join();
        }
        long t0 = System.nanoTime();
        ChildServer restarted = ChildServer.start(data, dir);
        double restart = (System.nanoTime() - t0) / 1e9;
        List<Cast> all = acked.stream().flatMap(List::stream).toList();
        return new Run(all.size(), errors.get(), inFlight.get(), restart, all, conversation, ids, restarted);
    }

    /** A closed loop of votes until the server is gone; a vote counts as acknowledged only on a 201. */
    private static void vote(
            InetSocketAddress address,
            long conversation,
            long[] statements,
            String[] tokens,
            String[] ids,
            SplittableRandom random,
            AtomicBoolean killed,
            AtomicLong errors,
            AtomicLong inFlight,
            List<Cast> acked) {
        VoteHttpThroughput.HttpConnection c = null;
        while (true) {
            int p = random.nextInt(tokens.length);
            long statement = statements[random.nextInt(statements.length)];
            int value = random.nextInt(3) - 1;
            String name = value == 1 ? "agree" : value == -1 ? "disagree" : "pass";
            try {
                if (c == null) {
                    c = new VoteHttpThroughput.HttpConnection(address);
                }
                int status = c.post(
                        "/api/v1/conversations/" + conversation + "/votes",
                        tokens[p],
                        "{\"statementId\":" + statement + ",\"value\":\"" + name + "\"}");
                if (status == 201) {
                    acked.add(new Cast(ids[p], statement, value));
                } else {
                    errors.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                if (killed.get()) {
                    inFlight.incrementAndGet(); // cut off by the kill: stored or not, either is correct
                    return;
                }
                errors.incrementAndGet();
                if (c != null) {
                    c.close();
                    c = null;
                }
            }
        }
    }

    /** Compares every run's acknowledged votes with vote_event; true when none was lost. */
    private static boolean report(Path data, List<Run> runs) throws Exception {
        boolean durable = true;
        System.out.printf(
                Locale.ROOT,
                "%n| run | acknowledged | stored | lost | stored, not acknowledged | cut off by the kill | restart s"
                        + " | of which orphan stop s | server JVM CPU s |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        double[] restarts = new double[runs.size()];
        try (Database db = Database.embedded(data)) {
            for (int r = 0; r < runs.size(); r++) {
                Run run = runs.get(r);
                Map<Cast, Long> stored = stored(db, run.conversation(), run.participants());
                Map<Cast, Long> wanted = new HashMap<>();
                run.acked().forEach(c -> wanted.merge(c, 1L, Long::sum));
                long lost = 0;
                for (var e : wanted.entrySet()) {
                    lost += Math.max(0, e.getValue() - stored.getOrDefault(e.getKey(), 0L));
                }
                long storedTotal =
                        stored.values().stream().mapToLong(Long::longValue).sum();
                durable &= lost == 0;
                restarts[r] = run.restartSeconds();
                System.out.printf(
                        Locale.ROOT,
                        "| %d | %d | %d | %d | %d | %d | %.2f | %.2f | %.2f |%n",
                        r + 1,
                        run.acknowledged(),
                        storedTotal,
                        lost,
                        storedTotal - (run.acknowledged() - lost),
                        run.inFlightAtKill(),
                        run.restartSeconds(),
                        run.orphanStopSeconds(),
                        run.restarted().cpuSecondsWhenHealthy());
            }
        }
        Arrays.sort(restarts);
        System.out.printf(
                Locale.ROOT,
                "restart after kill -9: median %.2f s, min %.2f s, max %.2f s; %s%n",
                restarts[restarts.length / 2],
                restarts[0],
                restarts[restarts.length - 1],
                durable ? "no acknowledged vote lost" : "ACKNOWLEDGED VOTES LOST");
        return durable;
    }

    private static Map<Cast, Long> stored(Database db, long conversation, String[] participants) throws Exception {
        Map<Cast, Long> stored = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement p = c.prepareStatement("""
                SELECT p.public_id, v.statement_id, v.value, count(*)
                FROM vote_event v JOIN participant p ON p.id = v.participant_id
                WHERE p.conversation_id = ? AND p.public_id = ANY (?) GROUP BY 1, 2, 3""")) {
            p.setLong(1, conversation);
            p.setArray(2, c.createArrayOf("text", participants));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    stored.put(new Cast(rs.getString(1), rs.getLong(2), rs.getInt(3)), rs.getLong(4));
                }
            }
        }
        return stored;
    }

    /** {@code commonground serve} in a child JVM, started and awaited until its health check answers 200. */
    static final class ChildServer {
        private static final Pattern ORPHAN_STOPPED =
                Pattern.compile("Stopped the orphaned PostgreSQL \\(PID \\d+\\) in (\\d+) ms");
        private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux
        private final Process process;
        private final int port;
        private final Path log;
        private double cpuSecondsWhenHealthy;

        private ChildServer(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        /** CPU time (user + system) the server JVM had used when its health check first answered 200. */
        double cpuSecondsWhenHealthy() {
            return cpuSecondsWhenHealthy;
        }

        /** How long the server took to stop the PostgreSQL its killed predecessor left, from its log; 0 if none. */
        long orphanStopMillis() {
            try {
                Matcher m = ORPHAN_STOPPED.matcher(Files.readString(log));
                return m.find() ? Long.parseLong(m.group(1)) : 0;
            } catch (IOException e) {
                return -1;
            }
        }

        private double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * CLOCK_TICK_NANOS / 1e9;
            } catch (IOException e) {
                return Double.NaN;
            }
        }

        static ChildServer start(Path data, Path dir) throws Exception {
            Path log = dir.resolve("server-" + System.nanoTime() + ".log");
            Process process = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx1g",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "serve",
                            "--port",
                            "0",
                            "--host",
                            "127.0.0.1",
                            "--data-dir",
                            data.toString(),
                            // every participant joins from this one address and votes as fast as it can: no quotas
                            "--limits",
                            "joins=off,votes=off")
                    .redirectError(log.toFile())
                    .start();
            CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    BufferedReader out =
                            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> {}));
                            return Integer.parseInt(m.group(1));
                        }
                    }
                    throw new IllegalStateException("the server ended before listening");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            int port;
            try {
                port = listening.get(180, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the server did not start; its log:\n" + Files.readString(log), e);
            }
            ChildServer server = new ChildServer(process, port, log);
            server.awaitHealthy();
            server.cpuSecondsWhenHealthy = server.cpuSeconds();
            return server;
        }

        private void awaitHealthy() throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            for (long end = System.nanoTime() + 60_000_000_000L; System.nanoTime() < end; ) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // listening was printed after start(); one more round trip
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("health never answered 200");
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        int port() {
            return port;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
