package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.commonground.db.Database;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.Summary;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.polis.PolisExport.Voter;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/**
 * For any small conversation — texts with commas, quotes, newlines, Hangul, kana, emoji and
 * decomposed accents, revised votes with equal times, cohort values with commas — writing it as a
 * Pol.is folder and then importing, exporting and importing again keeps every statement, every
 * vote event, every current vote and every cohort value.
 */
class PolisRoundTripProperties {
    private static final List<String> FRAGMENTS = List.of(
            "a",
            "Z",
            "7",
            " ",
            ",",
            "\"",
            "\"\"",
            "\n",
            "\r\n",
            "\t",
            "'",
            ";",
            "한국",
            "日本語",
            "カタカナ",
            "中文",
            "é",
            "e\u0301",
            "😀",
            "—",
            "　",
            "=SUM(A1)",
            "-",
            "+",
            "@");
    private static final List<String> COHORT_VALUES =
            List.of("JP", "KR", "US", "other", "civil-society", "Busan, \"KR\"", "교사", "先生", "a\nb");
    private static TestDatabase db;
    private static Jdbi jdbi;

    @BeforeContainer
    static void open() {
        db = TestDatabase.embedded();
        jdbi = Database.jdbi(db.dataSource());
    }

    @AfterContainer
    static void close() {
        db.close();
    }

    @Property(tries = 40)
    void folderAndDatabaseRoundTripsKeepEverything(@ForAll("conversations") PolisExport original) {
        Path work = tempDir();
        try {
            original.write(work.resolve("written"));
            PolisExport written = PolisExport.read(work.resolve("written"));
            PolisExport once = PolisRoundTripTest.roundTrip(jdbi, written, work.resolve("once"));
            PolisExport twice = PolisRoundTripTest.roundTrip(jdbi, once, work.resolve("twice"));

            Fingerprint expected = Fingerprint.of(original);
            assertThat(Fingerprint.of(written)).isEqualTo(expected);
            assertThat(Fingerprint.of(once)).isEqualTo(expected);
            assertThat(Fingerprint.of(twice)).isEqualTo(expected);
        } finally {
            delete(work);
        }
    }

    @Provide
    Arbitrary<PolisExport> conversations() {
        Arbitrary<List<Integer>> commentIds = Arbitraries.integers()
                .between(0, 5_000)
                .set()
                .ofMinSize(1)
                .ofMaxSize(8)
                .map(ArrayList::new);
        Arbitrary<List<Integer>> participantIds = Arbitraries.integers()
                .between(0, 5_000)
                .set()
                .ofMinSize(1)
                .ofMaxSize(10)
                .map(ArrayList::new);
        return Combinators.combine(commentIds, participantIds)
                .flatAs((cids, pids) -> Combinators.combine(
                                comment(pids).list().ofSize(cids.size()),
                                vote(cids, pids).list().ofMaxSize(40),
                                cohorts().list().ofSize(pids.size()),
                                text())
                        .as((comments, votes, cohorts, topic) -> {
                            List<Comment> numbered = new ArrayList<>();
                            for (int i = 0; i < comments.size(); i++) {
                                Comment c = comments.get(i);
                                numbered.add(new Comment(
                                        cids.get(i), c.timestamp(), c.authorId(), c.moderation(), c.seed(), c.text()));
                            }
                            List<Voter> participants = new ArrayList<>();
                            for (int i = 0; i < pids.size(); i++) {
                                participants.add(new Voter(pids.get(i), cohorts.get(i)));
                            }
                            return new PolisExport(
                                    new Summary(topic.strip(), ""),
                                    numbered,
                                    votes,
                                    VoteSource.HISTORY,
                                    List.of("country", "role"),
                                    participants);
                        }));
    }

    private static Arbitrary<Comment> comment(List<Integer> participantIds) {
        return Combinators.combine(
                        Arbitraries.longs().between(1_400_000_000_000L, 1_700_000_000_000L),
                        Arbitraries.of(participantIds).injectNull(0.2),
                        Arbitraries.of(Moderation.class),
                        text())
                .as((time, author, moderation, text) -> new Comment(
                        0,
                        time,
                        author == null ? OptionalInt.empty() : OptionalInt.of(author),
                        moderation,
                        false,
                        text));
    }

    /** Times from a narrow range, so one participant's revised votes often share a millisecond. */
    private static Arbitrary<VoteEvent> vote(List<Integer> commentIds, List<Integer> participantIds) {
        return Combinators.combine(
                        Arbitraries.longs().between(1_500_000_000_000L, 1_500_000_000_020L),
                        Arbitraries.of(commentIds),
                        Arbitraries.of(participantIds),
                        Arbitraries.integers().between(-1, 1))
                .as(VoteEvent::new);
    }

    private static Arbitrary<Map<String, String>> cohorts() {
        return Combinators.combine(
                        Arbitraries.of(COHORT_VALUES).injectNull(0.3),
                        Arbitraries.of(COHORT_VALUES).injectNull(0.3))
                .as((country, role) -> {
                    Map<String, String> cohorts = new LinkedHashMap<>();
                    if (country != null) {
                        cohorts.put("country", country);
                    }
                    if (role != null) {
                        cohorts.put("role", role);
                    }
                    return cohorts;
                });
    }

    private static Arbitrary<String> text() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("polis-roundtrip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
