package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.commonground.db.Database;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.Summary;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.polis.PolisExport.Voter;
import org.commonground.testing.Cli;
import org.commonground.testing.SharedData;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** import-polis and export through the real command line, on the embedded and the external PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class PolisImportTest {
    static TestDatabase db;
    static Jdbi jdbi;

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase.Kind kind) {
        System.setProperty("commonground.db.pool", "4");
        db = TestDatabase.fresh(kind);
        jdbi = Database.jdbi(db.dataSource());
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    @Test
    void vtaiwanImportsAndExportsWith197StatementsAnd49443CurrentVotes() {
        Path vtaiwan = SharedData.polisDataset("vtaiwan.uberx");

        Cli.Run imported = Cli.run("import-polis", vtaiwan.toString(), "--database-url", db.jdbcUrl());
        long id = Long.parseLong(imported.lastLine());
        Cli.Run exported = Cli.run("export", Long.toString(id), dir.toString(), "--database-url", db.jdbcUrl());
        PolisExport back = PolisExport.read(dir);

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        System.out.println(kind + ": " + imported.outLines().getFirst() + " / "
                + exported.out().strip());
        assertThat(back.comments()).hasSize(197);
        assertThat(back.latestVotes()).hasSize(49_443);
        assertThat(back.votes()).hasSize(49_997);
        assertThat(count("SELECT count(*) FROM current_vote WHERE conversation_id = " + id))
                .isEqualTo(49_443);
        assertThat(count("SELECT count(*) FROM vote_event WHERE conversation_id = " + id))
                .isEqualTo(49_997);
    }

    @Test
    void keepsPolisIdsTitleAndModerationAndTheLatestVoteOfARevisedOne() throws IOException {
        write("summary.csv", "topic,Night buses\nconversation-description,\"Late, and \"\"safe\"\"?\"\n");
        write("comments.csv", """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1000,x,40,7,1,0,1,More night buses
                2000,x,41,8,0,1,-1,Rejected
                3000,x,42,7,0,0,0,Unmoderated
                """);
        write("votes.csv", """
                timestamp,datetime,comment-id,voter-id,vote
                1500,x,40,8,-1
                1600,x,40,8,1
                2500,x,41,7,0
                """);

        long id = Long.parseLong(Cli.run("import-polis", dir.toString(), "--database-url", db.jdbcUrl())
                .lastLine());

        assertThat(strings("""
                        SELECT s.external_id || ':' || s.moderation_state || ':' || (s.moderated_at IS NOT NULL)
                               || ':' || coalesce(p.external_id, '-')
                        FROM statement s LEFT JOIN participant p ON p.id = s.author_participant_id
                        WHERE s.conversation_id = :c ORDER BY s.external_id""", id))
                // unmoderated comments were shown by Pol.is: accepted, but with no moderator decision
                .containsExactly("40:accepted:true:7", "41:rejected:true:8", "42:accepted:false:7");
        assertThat(strings("""
                        SELECT p.external_id || '/' || s.external_id || '=' || v.value FROM current_vote v
                        JOIN participant p ON p.id = v.participant_id JOIN statement s ON s.id = v.statement_id
                        WHERE v.conversation_id = :c ORDER BY 1""", id)).containsExactly("7/41=0", "8/40=1");
        assertThat(count("SELECT count(*) FROM vote_event WHERE conversation_id = " + id))
                .isEqualTo(3);
        assertThat(strings("SELECT title || '|' || description FROM conversation_text WHERE conversation_id = :c", id))
                .containsExactly("Night buses|Late, and \"safe\"?");
    }

    @Test
    void titleOptionWinsAndCohortDimensionsComeFromParticipantsCsv() throws IOException {
        write("comments.csv", "timestamp,comment-id,author-id,moderated,comment-body\n1000,0,1,1,日韓の学生交流を増やすべきだ\n");
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n1100,0,1,1\n1200,0,2,-1\n");
        write("participants.csv", "participant,country,role\n1,JP,student\n2,KR,\n3,US,journalist\n");

        long id =
                Long.parseLong(Cli.run("import-polis", dir.toString(), "--title", "交流", "--database-url", db.jdbcUrl())
                        .lastLine());

        assertThat(strings("""
                        SELECT p.external_id || ':' || d.name || '=' || pc.value FROM participant_cohort pc
                        JOIN participant p ON p.id = pc.participant_id JOIN cohort_dimension d ON d.id = pc.dimension_id
                        WHERE p.conversation_id = :c ORDER BY 1""", id))
                .containsExactly("1:country=JP", "1:role=student", "2:country=KR", "3:country=US", "3:role=journalist");
        assertThat(strings("SELECT lang || ':' || title FROM conversation_text WHERE conversation_id = :c", id)
                        .getFirst())
                .isEqualTo("en:交流");
        assertThat(strings("SELECT lang FROM statement WHERE conversation_id = :c", id)
                        .getFirst())
                .isEqualTo("ja");
    }

    @Test
    void keepsHistoricalNearDuplicatesAndAnEmptyComment() throws IOException {
        write("comments.csv", """
                timestamp,comment-id,author-id,moderated,comment-body
                1000,0,1,1,Build more housing.
                2000,1,2,1,"build MORE housing!!"
                3000,2,2,-1,""
                """);
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n3100,2,1,0\n");

        long id = Long.parseLong(Cli.run("import-polis", dir.toString(), "--database-url", db.jdbcUrl())
                .lastLine());

        assertThat(strings("SELECT text FROM statement WHERE conversation_id = :c ORDER BY external_id", id))
                .containsExactly("Build more housing.", "build MORE housing!!", "");
    }

    @Test
    void takesVotesFromTheParticipantsVotesMatrixWhenVotesCsvIsAbsent() throws IOException {
        write("comments.csv", "timestamp,comment-id,author-id,moderated,comment-body\n1000,0,1,1,A\n2000,1,1,1,B\n");
        write("participants-votes.csv", """
                participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0,1
                1,abc,0,2,2,1,0,1,0
                2,,1,0,1,0,1,,-1
                """);

        long id = Long.parseLong(Cli.run("import-polis", dir.toString(), "--database-url", db.jdbcUrl())
                .lastLine());

        assertThat(count("SELECT count(*) FROM current_vote WHERE conversation_id = " + id))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM vote_event WHERE conversation_id = " + id))
                .isEqualTo(3);
    }

    @Test
    void refusesAMalformedFolderWithFileAndLineAndImportsNothing() throws IOException {
        write("comments.csv", "timestamp,comment-id,author-id,moderated,comment-body\n1000,0,1,1,A\n");
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n1100,0,1,1\n1200,9,1,1\n");
        long before = totalRows();

        Cli.Run run = Cli.run("import-polis", dir.toString(), "--database-url", db.jdbcUrl());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains(dir.resolve("votes.csv") + ":3: comment-id 9 is not in comments.csv")
                .contains("nothing was imported");
        assertThat(run.out()).isEmpty();
        assertThat(totalRows()).isEqualTo(before);
    }

    @Test
    void leavesNothingBehindWhenTheImportFailsHalfway() {
        // Built in code, so it passes the reader's checks; the bad vote is only met after the
        // conversation, participants and statements are written.
        PolisExport export = new PolisExport(
                Summary.EMPTY,
                List.of(new Comment(0, 1000, OptionalInt.of(1), Moderation.ACCEPTED, false, "A")),
                List.of(new VoteEvent(1100, 0, 1, 1), new VoteEvent(1200, 99, 1, 1)),
                VoteSource.HISTORY,
                List.of("country"),
                List.of(new Voter(1, Map.of("country", "JP"))));
        long before = totalRows();

        assertThatThrownBy(() -> new PolisImport(jdbi)
                        .run(export, ImportedConversation.imported(export, "halfway", "x"), ImportProgress.NONE))
                .hasMessageContaining("comment-id 99");
        assertThat(totalRows()).isEqualTo(before);
    }

    @Test
    void exportOfAnUnknownConversationSaysSo() {
        Cli.Run run = Cli.run("export", "987654321", dir.toString(), "--database-url", db.jdbcUrl());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("there is no conversation 987654321");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static List<String> strings(String sql, long conversation) {
        return jdbi.withHandle(h ->
                h.createQuery(sql).bind("c", conversation).mapTo(String.class).list());
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static long totalRows() {
        return count("""
                SELECT (SELECT count(*) FROM conversation) + (SELECT count(*) FROM conversation_text)
                     + (SELECT count(*) FROM cohort_dimension) + (SELECT count(*) FROM cohort_value)
                     + (SELECT count(*) FROM participant) + (SELECT count(*) FROM participant_cohort)
                     + (SELECT count(*) FROM statement) + (SELECT count(*) FROM vote_event)
                     + (SELECT count(*) FROM current_vote)""");
    }
}
