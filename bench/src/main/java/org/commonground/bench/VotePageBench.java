package org.commonground.bench;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
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
import org.commonground.statement.StatementFeature;
import org.commonground.web.AbuseLimits;
import org.jdbi.v3.core.Jdbi;

/**
 * The participant's vote page under load, through the real app on the embedded PostgreSQL:
 * {@code --concurrency} closed-loop participants (virtual threads, loopback only) each load the
 * vote page and cast one vote the way htmx does (a form post answered by the next card), for
 * {@code --seconds} after a {@code --warmup}. Reports the page's server time (its Server-Timing
 * header: queries and rendering) and client latencies as percentiles, the size of one vote round
 * trip, and the vote page's weight (HTML + CSS + JS, raw and gzipped).
 *
 * <pre>java -cp bench/target/commonground-bench.jar org.commonground.bench.VotePageBench [--key value …]</pre>
 */
public final class VotePageBench {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");
    private static final Pattern VOTE_FORM = Pattern.compile("hx-post=\"(/c/\\d+/vote/\\d+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern SERVER_TIME = Pattern.compile("app;dur=([0-9.]+)");
    private static final Pattern RENDER_TIME = Pattern.compile("render;dur=([0-9.]+)");

    record Options(int statements, int participants, int concurrency, int seconds, int warmup) {
        static Options parse(String[] args) {
            int statements = 120, participants = 400, concurrency = 16, seconds = 20, warmup = 5;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int v = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--statements" -> statements = v;
                    case "--participants" -> participants = v;
                    case "--concurrency" -> concurrency = Math.min(v, 256);
                    case "--seconds" -> seconds = Math.min(v, 300);
                    case "--warmup" -> warmup = Math.min(v, 60);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(statements, participants, concurrency, seconds, warmup);
        }
    }

    /** A participant as a browser holds it: cookies (participant token, CSRF) and the page's token. */
    record Visitor(String cookies, String csrf) {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path dir = Files.createTempDirectory("cg-vote-page-bench");
        try (Database db = Database.embedded(dir)) {
            // A throughput benchmark: many participants from one address, each voting as fast as it can.
            Javalin app = App.create(
                    AppConfig.defaults().withPort(0).withAbuseLimits(AbuseLimits.unlimited()), db.dataSource());
            app.start("127.0.0.1", 0);
            try {
                run(db, "http://127.0.0.1:" + app.port(), o);
            } finally {
                app.stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Database db, String base, Options o) throws Exception {
        long conversation = seed(db, o.statements());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < o.participants(); i++) {
            visitors.add(join(http, base, conversation, i));
        }
        weight(http, base, conversation, visitors.getFirst());
        drive(http, base, conversation, visitors, o.concurrency(), o.warmup());
        Result r = drive(http, base, conversation, visitors, o.concurrency(), o.seconds());
        System.out.printf(
                Locale.ROOT,
                "%nVote page under load (%d statements, %d participants, concurrency %d, %d s, %d cores)%n",
                o.statements(),
                o.participants(),
                o.concurrency(),
                o.seconds(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "  vote page GET: %d pages, %.0f pages/s%n",
                r.pageServer.length,
                r.pageServer.length / r.seconds);
        System.out.printf(
                Locale.ROOT,
                "    server time (Server-Timing) ms: p50=%.2f p90=%.2f p99=%.2f%n",
                pct(r.pageServer, .5),
                pct(r.pageServer, .9),
                pct(r.pageServer, .99));
        System.out.printf(
                Locale.ROOT,
                "    template render alone ms:       p50=%.3f p90=%.3f p99=%.3f%n",
                pct(r.pageRender, .5),
                pct(r.pageRender, .9),
                pct(r.pageRender, .99));
        System.out.printf(
                Locale.ROOT,
                "    client latency ms:              p50=%.2f p90=%.2f p99=%.2f%n",
                pct(r.pageClient, .5),
                pct(r.pageClient, .9),
                pct(r.pageClient, .99));
        System.out.printf(
                Locale.ROOT,
                "  vote POST (htmx, answered with the next card): %d votes, %.0f votes/s, errors %d%n",
                r.voteClient.length,
                r.voteClient.length / r.seconds,
                r.errors);
        System.out.printf(
                Locale.ROOT,
                "    server time ms: p50=%.2f p90=%.2f p99=%.2f; client latency ms: p50=%.2f p99=%.2f%n",
                pct(r.voteServer, .5),
                pct(r.voteServer, .9),
                pct(r.voteServer, .99),
                pct(r.voteClient, .5),
                pct(r.voteClient, .99));
        System.out.printf(
                Locale.ROOT,
                "    one vote round trip: request body %d B, response body %d B (median)%n",
                r.requestBytes,
                r.responseBytes);
    }

    /** The vote page's weight: its HTML and every stylesheet and script it links, raw and gzipped. */
    private static void weight(HttpClient http, String base, long conversation, Visitor v) throws Exception {
        HttpResponse<String> page =
                http.send(get(base + "/c/" + conversation + "/vote", v), HttpResponse.BodyHandlers.ofString());
        byte[] html = page.body().getBytes(StandardCharsets.UTF_8);
        long raw = html.length;
        long gz = gzip(html);
        System.out.printf(Locale.ROOT, "Vote page weight%n  %-34s %7d B  gzip %6d B%n", "HTML", raw, gz);
        Matcher m = ASSET.matcher(page.body());
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            if (!seen.add(m.group(1))) {
                continue; // the icon is linked twice (favicon and header) but fetched once
            }
            HttpResponse<byte[]> a = http.send(
                    HttpRequest.newBuilder(URI.create(base + m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long g = gzip(a.body());
            System.out.printf(Locale.ROOT, "  %-34s %7d B  gzip %6d B%n", m.group(1), a.body().length, g);
            raw += a.body().length;
            gz += g;
        }
        System.out.printf(Locale.ROOT, "  %-34s %7d B  gzip %6d B (budget 100 KB = 102400 B)%n", "total", raw, gz);
    }

    record Result(
            double[] pageServer,
            double[] pageRender,
            double[] pageClient,
            double[] voteServer,
            double[] voteClient,
            long errors,
            double seconds,
            int requestBytes,
            int responseBytes) {}

    private static Result drive(
            HttpClient http, String base, long conversation, List<Visitor> visitors, int concurrency, int seconds)
            throws InterruptedException {
        var pageServer = new ConcurrentLinkedQueue<Double>();
        var pageClient = new ConcurrentLinkedQueue<Double>();
        var pageRender = new ConcurrentLinkedQueue<Double>();
        var voteServer = new ConcurrentLinkedQueue<Double>();
        var voteClient = new ConcurrentLinkedQueue<Double>();
        var sizes = new ConcurrentLinkedQueue<int[]>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.submit(() -> {
                    int turn = 0;
                    while (System.nanoTime() < end) {
                        Visitor v = visitors.get((worker + turn++ * concurrency) % visitors.size());
                        try {
                            long t = System.nanoTime();
                            HttpResponse<String> page = http.send(
                                    get(base + "/c/" + conversation + "/vote", v),
                                    HttpResponse.BodyHandlers.ofString());
                            pageClient.add((System.nanoTime() - t) / 1e6);
                            serverTime(page).ifPresent(pageServer::add);
                            page.headers()
                                    .firstValue("Server-Timing")
                                    .map(RENDER_TIME::matcher)
                                    .filter(Matcher::find)
                                    .ifPresent(m -> pageRender.add(Double.parseDouble(m.group(1))));
                            Matcher form = VOTE_FORM.matcher(page.body());
                            if (!form.find()) {
                                continue; // this participant has voted on everything
                            }
                            String body = "_csrf=" + v.csrf() + "&value="
                                    + (turn % 3 == 0 ? "agree" : turn % 3 == 1 ? "disagree" : "pass");
                            t = System.nanoTime();
                            HttpResponse<String> vote = http.send(
                                    HttpRequest.newBuilder(URI.create(base + form.group(1)))
                                            .header("Cookie", v.cookies())
                                            .header("HX-Request", "true")
                                            .header("Content-Type", "application/x-www-form-urlencoded")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (vote.statusCode() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            voteClient.add((System.nanoTime() - t) / 1e6);
                            serverTime(vote).ifPresent(voteServer::add);
                            sizes.add(new int[] {body.length(), vote.body().getBytes(StandardCharsets.UTF_8).length});
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int[] req = sizes.stream().mapToInt(s -> s[0]).sorted().toArray();
        int[] resp = sizes.stream().mapToInt(s -> s[1]).sorted().toArray();
        return new Result(
                sorted(pageServer),
                sorted(pageRender),
                sorted(pageClient),
                sorted(voteServer),
                sorted(voteClient),
                errors.get(),
                elapsed,
                req.length == 0 ? 0 : req[req.length / 2],
                resp.length == 0 ? 0 : resp[resp.length / 2]);
    }

    private static java.util.Optional<Double> serverTime(HttpResponse<?> r) {
        return r.headers()
                .firstValue("Server-Timing")
                .map(SERVER_TIME::matcher)
                .filter(Matcher::find)
                .map(m -> Double.parseDouble(m.group(1)));
    }

    private static HttpRequest get(String url, Visitor v) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", v.cookies())
                .header("Accept-Language", "ja")
                .build();
    }

    /** Joins through the API (as the join form does) and picks up the CSRF cookie and token from a page. */
    private static Visitor join(HttpClient http, String base, long conversation, int i) throws Exception {
        String country = new String[] {"JP", "KR", "US"}[i % 3];
        HttpResponse<String> joined = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations/" + conversation + "/participants"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"cohorts\":{\"country\":\"" + country + "\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(joined.body());
        if (!token.find()) {
            throw new IllegalStateException("join failed: " + joined.body());
        }
        String participant = "cg_participant_" + conversation + "=" + token.group(1);
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/c/" + conversation + "/vote"))
                        .header("Cookie", participant)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String csrfCookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("cg_csrf="))
                .map(c -> c.split(";")[0])
                .findFirst()
                .orElseThrow();
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the vote page");
        }
        return new Visitor(participant + "; " + csrfCookie, csrf.group(1));
    }

    /** An open conversation with country cohorts and {@code n} seed statements in three languages. */
    static long seed(Database db, int n) {
        Jdbi jdbi = Database.jdbi(db.dataSource());
        var owner = Accounts.over(jdbi).create("bench@example.org", "bench password 123", Role.ORGANIZER);
        var conversations = ConversationCatalog.over(jdbi);
        Conversation c = conversations.create(
                owner.id(),
                new ConversationCatalog.NewConversation(
                        Map.of("ja", new Conversation.Text("ベンチマーク", "投票ページの速さを測ります。", "")),
                        ModerationMode.POST,
                        true,
                        ResultsVisibility.PUBLIC,
                        List.of(new ConversationCatalog.CohortSpec(
                                "country", List.of("JP", "KR", "US", "other"), false))));
        var seeds = StatementFeature.wire(jdbi).seeding();
        String[] forms = {
            "日韓の若者交流を増やすべきだ（%d）。", "양국은 에너지 협력을 늘려야 한다 (%d).", "Both countries should share data on ageing (%d)."
        };
        for (int i = 0; i < n; i++) {
            seeds.seed(c.id(), owner.id(), String.format(Locale.ROOT, forms[i % 3], i), null);
        }
        conversations.transition(c.id(), ConversationState.OPEN);
        return c.id();
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.size();
    }

    static double[] sorted(ConcurrentLinkedQueue<Double> q) {
        double[] a = q.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
