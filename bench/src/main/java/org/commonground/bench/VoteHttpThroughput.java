package org.commonground.bench;

import io.javalin.Javalin;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.db.Database;
import org.commonground.web.AbuseLimits;

/**
 * Sustained vote throughput through the real HTTP API: the app from {@link App#create} on the
 * embedded PostgreSQL (fresh temporary data directory, the product's own settings), one open
 * conversation with {@code --statements} statements and {@code --participants} participants who
 * joined through the API. The load comes from a separate JVM (this class with {@code --load}):
 * {@code --concurrency} closed-loop connections (HTTP/1.1 keep-alive on plain sockets, loopback
 * only), each casting votes as random participants on random statements with their bearer token,
 * for {@code --seconds} after a {@code --warmup}. Every acknowledged vote is a committed
 * transaction (synchronous_commit on).
 *
 * <p>The machine is shared, so besides votes/s and latency it reports CPU time per vote over the
 * measured phase, split into the load generator's JVM, the server's JVM and PostgreSQL (all its
 * processes, from /proc): the server's share is the capacity figure that holds under foreign load.
 * Afterwards it checks that every acknowledged vote is in the database.
 *
 * <pre>java -cp bench/target/commonground-bench.jar org.commonground.bench.VoteHttpThroughput [--key value …]</pre>
 */
public final class VoteHttpThroughput {
    private static final Pattern ID = Pattern.compile("\"participant\":\"([0-9a-f]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"(cgp_[A-Za-z0-9_-]+)\"");
    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

    record Options(
            int statements,
            int participants,
            int concurrency,
            int seconds,
            int warmup,
            int pool,
            int commitDelay,
            int commitSiblings) {
        static Options parse(String[] args) {
            int statements = 200, participants = 3000, concurrency = 48, seconds = 30, warmup = 10, pool = 0;
            int commitDelay = 0, commitSiblings = 5;
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
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(
                    statements,
                    participants,
                    Math.min(concurrency, 1024),
                    seconds,
                    warmup,
                    pool,
                    commitDelay,
                    commitSiblings);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--load")) {
            Load.run(Path.of(args[1]));
            return;
        }
        Options o = Options.parse(args);
        Path dir = Files.createTempDirectory("cg-vote-bench");
        try (Database db = Database.embedded(dir, o.pool() > 0 ? o.pool() : Database.defaultPoolSize())) {
            tune(db, o);
            // A throughput benchmark: many participants from one address, each voting as fast as it can.
            Javalin app = App.create(
                    AppConfig.defaults().withPort(0).withAbuseLimits(AbuseLimits.unlimited()), db.dataSource());
            app.start("127.0.0.1", 0);
            try {
                run(db, dir.resolve("postgres/postmaster.pid"), app.port(), o, dir);
            } finally {
                app.stop();
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Group commit: a committing backend may wait commit_delay µs so others share its WAL flush. */
    private static void tune(Database db, Options o) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET commit_delay = " + o.commitDelay());
            s.execute("ALTER SYSTEM SET commit_siblings = " + o.commitSiblings());
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static void run(Database db, Path postmasterPid, int port, Options o, Path dir) throws Exception {
        long conversation = seedConversation(db, o.statements());
        long[] statements = statementIds(db, conversation);
        long t0 = System.nanoTime();
        String[] tokens = join("http://127.0.0.1:" + port, conversation, o.participants());
        System.out.printf(
                Locale.ROOT,
                "setup: %d statements, %d participants joined over HTTP in %.1f s%n",
                statements.length,
                tokens.length,
                (System.nanoTime() - t0) / 1e9);

        Path plan = dir.resolve("load-plan.txt");
        List<String> lines = new ArrayList<>();
        lines.add(port + " " + conversation + " " + o.concurrency() + " " + o.warmup() + " " + o.seconds());
        lines.add(String.join(
                " ", Arrays.stream(statements).mapToObj(Long::toString).toList()));
        lines.addAll(Arrays.asList(tokens));
        Files.write(plan, lines);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process load = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        VoteHttpThroughput.class.getName(),
                        "--load",
                        plan.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long pgPid = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().strip());
        try (BufferedReader fromLoad =
                        new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8));
                PrintStream toLoad = new PrintStream(load.getOutputStream(), true, StandardCharsets.UTF_8)) {
            System.out.println(expect(fromLoad, "warm-up"));
            expect(fromLoad, "ready");
            long before = count(db, "SELECT count(*) FROM vote_event");
            String loadBefore = loadAverage();
            long serverCpu0 = processCpuNanos();
            Map<String, Long> threads0 = serverThreadCpuNanos();
            long pgCpu0 = postgresCpuNanos(pgPid);
            toLoad.println("go");
            ResultAges ages = ResultAges.watch(port, conversation);
            expect(fromLoad, "done");
            ages.stop();
            long serverCpu = processCpuNanos() - serverCpu0;
            Map<String, Long> threads = serverThreadCpuNanos();
            long pgCpu = postgresCpuNanos(pgPid) - pgCpu0;
            String loadAfter = loadAverage();
            String[] r = expect(fromLoad, "result").split(" ");
            load.waitFor();
            long after = count(db, "SELECT count(*) FROM vote_event");

            long ok = Long.parseLong(r[1]);
            long errors = Long.parseLong(r[2]);
            double seconds = Long.parseLong(r[3]) / 1e9;
            long clientCpu = Long.parseLong(r[4]);
            System.out.printf(Locale.ROOT, "%nVote throughput (HTTP, embedded PostgreSQL, synchronous_commit=on)%n");
            System.out.printf(
                    Locale.ROOT,
                    "  cores=%d concurrency=%d pool=%s commit_delay=%dus commit_siblings=%d%n",
                    Runtime.getRuntime().availableProcessors(),
                    o.concurrency(),
                    o.pool() > 0 ? String.valueOf(o.pool()) : "default",
                    o.commitDelay(),
                    o.commitSiblings());
            System.out.printf(Locale.ROOT, "  load average before/after: %s / %s%n", loadBefore, loadAfter);
            System.out.printf(
                    Locale.ROOT,
                    "  votes acknowledged: %d in %.1f s = %.0f votes/s; errors: %d%n",
                    ok,
                    seconds,
                    ok / seconds,
                    errors);
            System.out.printf(
                    Locale.ROOT, "  latency ms: p50=%s p90=%s p99=%s p99.9=%s max=%s%n", r[5], r[6], r[7], r[8], r[9]);
            double perVote = Math.max(1, ok) * 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "  CPU µs per vote: load generator %.0f, server JVM %.0f, PostgreSQL %.0f; server side %.0f"
                            + " (= %.0f votes/s per fully used core)%n",
                    clientCpu / perVote,
                    serverCpu / perVote,
                    pgCpu / perVote,
                    (serverCpu + pgCpu) / perVote,
                    1e9 * ok / Math.max(1, serverCpu + pgCpu));
            StringBuilder split = new StringBuilder();
            for (String kind : List.of("requests", "analysis", "jit", "gc")) {
                long d = threads.getOrDefault(kind, 0L) - threads0.getOrDefault(kind, 0L);
                split.append(String.format(Locale.ROOT, " %s %.0f", kind, d / perVote));
            }
            System.out.printf(Locale.ROOT, "  server JVM by thread kind, µs per vote:%s%n", split);
            System.out.println("  " + ages.summary());
            boolean durable = after - before >= ok && after - before <= ok + errors;
            System.out.printf(
                    Locale.ROOT,
                    "  durability check: %d vote events written during the run, %d acknowledged, %d errors (%s)%n",
                    after - before,
                    ok,
                    errors,
                    durable ? "ok" : "MISMATCH");
            if (!durable) {
                System.exit(1);
            }
        }
    }

    /**
     * How old the live analysis result is while votes pour in: GET /results once a second during
     * the measured phase, reading its {@code ageSeconds} (the API's own staleness figure). A 503
     * (no result yet, or the pool saturated) counts as "none".
     */
    static final class ResultAges {
        private static final Pattern AGE = Pattern.compile("\"ageSeconds\":([0-9.]+)");
        private static final Pattern COST =
                Pattern.compile("\"seconds\":\\{\"load\":([0-9.eE-]+),\"analysis\":([0-9.eE-]+)");
        private final List<Double> ages = new ArrayList<>();
        private final List<Double> builds = new ArrayList<>();
        private final List<Double> analyses = new ArrayList<>();
        private int none;
        private volatile boolean running = true;
        private Thread poller;

        static ResultAges watch(int port, long conversation) {
            ResultAges r = new ResultAges();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/api/v1/conversations/" + conversation + "/results"))
                    .build();
            r.poller = Thread.ofVirtual().start(() -> {
                while (r.running) {
                    try {
                        Thread.sleep(1000);
                        HttpResponse<String> res = http.send(get, HttpResponse.BodyHandlers.ofString());
                        Matcher m = AGE.matcher(res.body());
                        synchronized (r) {
                            if (res.statusCode() == 200 && m.find()) {
                                r.ages.add(Double.parseDouble(m.group(1)));
                                Matcher cost = COST.matcher(res.body());
                                if (cost.find()) {
                                    r.builds.add(Double.parseDouble(cost.group(1)));
                                    r.analyses.add(Double.parseDouble(cost.group(2)));
                                }
                            } else {
                                r.none++;
                            }
                        }
                    } catch (IOException e) {
                        synchronized (r) {
                            r.none++;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return r;
        }

        void stop() throws InterruptedException {
            running = false;
            poller.interrupt();
            poller.join();
        }

        synchronized String summary() {
            double[] a = ages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (a.length == 0) {
                return "live result age: no result during the run (" + none + " polls without one)";
            }
            return String.format(
                    Locale.ROOT,
                    "live result age (GET /results once a second, %d polls): p50 %.2f s, max %.2f s;"
                            + " %d polls without a result; per computation: matrix build p50 %.3f s, analysis p50 %.3f s",
                    a.length,
                    a[a.length / 2],
                    a[a.length - 1],
                    none,
                    median(builds),
                    median(analyses));
        }

        private static double median(List<Double> values) {
            double[] v =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[v.length / 2];
        }
    }

    /** Reads the load generator's lines until one starting with {@code word}; fails if it ends first. */
    private static String expect(BufferedReader in, String word) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(word)) {
                return line;
            }
            System.out.println(line);
        }
        throw new EOFException("load generator ended before '" + word + "'");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time of this JVM's threads by kind, from /proc/self/task: the JIT compilers and the
     * garbage collector are no Java threads, so the thread MXBean cannot see them. "requests" is
     * everything else but the live analysis workers: Jetty, the virtual threads' carriers, the pool.
     */
    private static Map<String, Long> serverThreadCpuNanos() throws IOException {
        Map<String, Long> byKind = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                String kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                        ? "jit"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")
                                ? "gc"
                                : name.startsWith("analysis") ? "analysis" : "requests";
                byKind.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * CLOCK_TICK_NANOS, Long::sum);
            }
        }
        return byKind;
    }

    /**
     * CPU time of the postmaster, its live children (backends, WAL writer, checkpointer …) and, through
     * cutime/cstime, the children it has reaped.
     */
    static long postgresCpuNanos(long postmaster) throws IOException {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                String[] f;
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
                } catch (IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(f[11])
                            + Long.parseLong(f[12])
                            + Long.parseLong(f[13])
                            + Long.parseLong(f[14]);
                } else if (Long.parseLong(f[1]) == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return ticks * CLOCK_TICK_NANOS;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * The load generator, in its own JVM so that its CPU is counted apart from the server's. Each
     * connection runs on its own platform thread doing blocking socket I/O: the cheapest client the
     * JDK offers, so the server keeps as much of the shared cores as possible.
     */
    static final class Load {
        private Load() {}

        static void run(Path planFile) throws Exception {
            List<String> plan = Files.readAllLines(planFile);
            String[] head = plan.get(0).split(" ");
            int port = Integer.parseInt(head[0]);
            long conversation = Long.parseLong(head[1]);
            int concurrency = Integer.parseInt(head[2]);
            int warmup = Integer.parseInt(head[3]);
            int seconds = Integer.parseInt(head[4]);
            long[] statements = Arrays.stream(plan.get(1).split(" "))
                    .mapToLong(Long::parseLong)
                    .toArray();
            String[] tokens = plan.subList(2, plan.size()).toArray(String[]::new);
            var target = new Target(new InetSocketAddress("127.0.0.1", port), conversation, statements, tokens);

            Phase warm = drive(target, concurrency, warmup);
            System.out.println("warm-up: " + warm.ok() + " votes, " + warm.errors() + " errors in " + warmup + " s");
            System.out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                return;
            }
            long cpu0 = processCpuNanos();
            Phase measured = drive(target, concurrency, seconds);
            long cpu = processCpuNanos() - cpu0;
            System.out.println("done");
            long[] lat = measured.latenciesNanos();
            Arrays.sort(lat);
            System.out.printf(
                    Locale.ROOT,
                    "result %d %d %d %d %.2f %.2f %.2f %.2f %.2f%n",
                    measured.ok(),
                    measured.errors(),
                    measured.elapsedNanos(),
                    cpu,
                    pct(lat, 0.50),
                    pct(lat, 0.90),
                    pct(lat, 0.99),
                    pct(lat, 0.999),
                    lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        }

        record Target(InetSocketAddress address, long conversation, long[] statements, String[] tokens) {}

        record Phase(long ok, long errors, long elapsedNanos, long[] latenciesNanos) {}

        /** Closed loop: each connection sends a vote, waits for the answer, sends the next, until time is up. */
        static Phase drive(Target target, int concurrency, int seconds) throws InterruptedException {
            AtomicLong errors = new AtomicLong();
            long[][] latencies = new long[concurrency][];
            int[] counts = new int[concurrency];
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            Thread[] threads = new Thread[concurrency];
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                threads[w] = Thread.ofPlatform().name("voter-" + w).start(() -> {
                    var random = new SplittableRandom(worker * 7919L + System.nanoTime());
                    long[] lat = new long[4096];
                    int n = 0;
                    HttpConnection c = null;
                    while (System.nanoTime() < end) {
                        try {
                            if (c == null) {
                                c = new HttpConnection(target.address());
                            }
                            String token = target.tokens()[random.nextInt(target.tokens().length)];
                            long statement = target.statements()[random.nextInt(target.statements().length)];
                            String value = switch (random.nextInt(3)) {
                                case 0 -> "agree";
                                case 1 -> "disagree";
                                default -> "pass";
                            };
                            long t = System.nanoTime();
                            int status = c.post(
                                    "/api/v1/conversations/" + target.conversation() + "/votes",
                                    token,
                                    "{\"statementId\":" + statement + ",\"value\":\"" + value + "\"}");
                            long took = System.nanoTime() - t;
                            if (status == 201) {
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = took;
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            errors.incrementAndGet();
                            if (c != null) {
                                c.close();
                                c = null;
                            }
                        }
                    }
                    if (c != null) {
                        c.close();
                    }
                    latencies[worker] = lat;
                    counts[worker] = n;
                });
            }
            for (Thread t : threads) {
                t.join();
            }
            long elapsed = System.nanoTime() - start;
            long ok = Arrays.stream(counts).asLongStream().sum();
            long[] all = new long[(int) ok];
            int at = 0;
            for (int w = 0; w < concurrency; w++) {
                System.arraycopy(latencies[w], 0, all, at, counts[w]);
                at += counts[w];
            }
            return new Phase(ok, errors.get(), elapsed, all);
        }
    }

    /** One keep-alive HTTP/1.1 connection that sends a POST and reads the status and body of the answer. */
    static final class HttpConnection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;
        private final byte[] line = new byte[8192];

        HttpConnection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(address, 5_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            host = address.getHostString() + ":" + address.getPort();
        }

        int post(String path, String bearer, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + bearer + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, request, h.length, body.length);
            out.write(request);
            out.flush();

            String status = readLine();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("bad status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().strip(), 16);
                        size > 0;
                        size = Long.parseLong(readLine().strip(), 16)) {
                    skip(size);
                    readLine();
                }
                readLine();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                throw new IOException("server closed the connection");
            }
            return code;
        }

        private String readLine() throws IOException {
            int n = 0;
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r' && n < line.length) {
                    line[n++] = (byte) b;
                }
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed in a body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection; nothing to report
            }
        }
    }

    /** Joins {@code participants} participants over HTTP (setup, not measured) and returns their tokens. */
    private static String[] join(String base, long conversation, int participants) throws InterruptedException {
        return join(base, conversation, participants, new String[participants]);
    }

    /**
     * The same, also filling {@code pseudonyms} with the participants' pseudonyms in the conversation (in the
     * order of the tokens): the answer names a participant only by its pseudonym, never by the database key.
     */
    static String[] join(String base, long conversation, int participants, String[] pseudonyms)
            throws InterruptedException {
        String[] tokens = new String[participants];
        String[] countries = {"JP", "KR", "US", "other"};
        URI uri = URI.create(base + "/api/v1/conversations/" + conversation + "/participants");
        AtomicLong next = new AtomicLong();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<java.util.concurrent.Future<Object>> joiners = new ArrayList<>();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 16; w++) {
                joiners.add(workers.submit(() -> {
                    for (int i = (int) next.getAndIncrement(); i < participants; i = (int) next.getAndIncrement()) {
                        String body = "{\"cohorts\":{\"country\":\"" + countries[i % 4] + "\"},\"language\":\""
                                + (i % 3 == 0 ? "ja" : i % 3 == 1 ? "ko" : "en") + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        try {
                            String answer = client.send(request, HttpResponse.BodyHandlers.ofString())
                                    .body();
                            Matcher id = ID.matcher(answer);
                            Matcher token = TOKEN.matcher(answer);
                            if (!id.find() || !token.find()) {
                                throw new IllegalStateException("join failed: " + answer);
                            }
                            tokens[i] = token.group(1);
                            pseudonyms[i] = id.group(1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return null;
                }));
            }
        }
        for (var joiner : joiners) {
            try {
                joiner.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("joining failed", e.getCause());
            }
        }
        for (String t : tokens) {
            if (t == null) {
                throw new IllegalStateException("not every participant could join");
            }
        }
        return tokens;
    }

    /** An open conversation with a self-declared country dimension and {@code n} accepted statements. */
    static long seedConversation(Database db, int n) throws SQLException {
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
                    "INSERT INTO cohort_dimension (conversation_id, name, position, required) VALUES (?, 'country', 0, false) RETURNING id")) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    dimension = rs.getLong(1);
                }
            }
            try (PreparedStatement p =
                    c.prepareStatement("INSERT INTO cohort_value (dimension_id, value, position) VALUES (?, ?, ?)")) {
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

    static long[] statementIds(Database db, long conversation) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement p =
                        c.prepareStatement("SELECT id FROM statement WHERE conversation_id = ? ORDER BY id")) {
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
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
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

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
