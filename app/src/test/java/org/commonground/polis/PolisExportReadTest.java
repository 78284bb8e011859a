package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolisExportReadTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "15-per-hour-seattle, 339, 54, 2872",
        "brexit-consensus, 204, 50, 5303",
        "canadian-electoral-reform, 448, 174, 11950",
        "football-concussions, 1487, 298, 14328",
        "london.youth.policing, 26, 39, 638",
        "scoop-hivemind.affordable-housing, 381, 165, 14995",
        "scoop-hivemind.biodiversity, 536, 316, 29719",
        "scoop-hivemind.freshwater, 117, 80, 3972",
        "scoop-hivemind.taxes, 334, 148, 17335",
        "vtaiwan.uberx, 1921, 197, 49443"
    })
    void readsEveryOpenDataConversationWithTheCountsPolisPublished(String name, int voters, int comments, int latest) {
        PolisExport export = PolisExport.read(SharedData.polisDataset(name));

        assertThat(export.comments()).hasSize(comments);
        assertThat(export.latestVotes()).hasSize(latest);
        assertThat(export.latestVotes().stream()
                        .map(PolisExport.VoteEvent::voterId)
                        .distinct())
                .hasSize(voters);
        assertThat(export.voteSource()).isEqualTo(VoteSource.HISTORY);
    }

    @Test
    void latestVotesFromHistoryMatchPolisOwnParticipantVotesMatrix() throws IOException {
        Path vtaiwan = SharedData.polisDataset("vtaiwan.uberx");
        Files.copy(vtaiwan.resolve("comments.csv"), dir.resolve("comments.csv"));
        Files.copy(vtaiwan.resolve("participants-votes.csv"), dir.resolve("participants-votes.csv"));

        PolisExport fromHistory = PolisExport.read(vtaiwan);
        PolisExport fromMatrix = PolisExport.read(dir);

        assertThat(fromMatrix.voteSource()).isEqualTo(VoteSource.LATEST_ONLY);
        assertThat(values(fromMatrix.latestVotes())).isEqualTo(values(fromHistory.latestVotes()));
    }

    @Test
    void readsTheVtaiwanTitleAndItsTraditionalChineseTexts() {
        PolisExport export = PolisExport.read(SharedData.polisDataset("vtaiwan.uberx"));

        assertThat(export.summary().topic()).isEqualTo("UberX 自用車載客 — vTaiwan.tw");
        assertThat(export.summary().description()).contains("線上叫車創新服務");
        assertThat(export.comments()).anySatisfy(c -> assertThat(c.text()).contains("Uber的出現"));
    }

    @Test
    void readsTheNewerCommentsLayoutByColumnName() throws IOException {
        write("comments.csv", """
                timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,group-informed-consensus,comment-body
                1500000000000,7,0,1,0,1,false,true,0.5,"Seeded, with a comma"
                1500000001000,8,3,0,1,-1,false,false,0.1,Rejected one
                """);
        write("votes.csv", """
                timestamp,comment-id,voter-id,vote
                1500000002000,7,3,1
                """);

        PolisExport export = PolisExport.read(dir);

        assertThat(export.comments())
                .extracting(PolisExport.Comment::text)
                .containsExactly("Seeded, with a comma", "Rejected one");
        assertThat(export.comments().get(0).seed()).isTrue();
        assertThat(export.comments().get(1).moderation()).isEqualTo(Moderation.REJECTED);
        assertThat(export.comments().get(1).authorId()).hasValue(3);
    }

    @Test
    void theLatestEventWinsAndEqualTimesGoToTheLaterRow() throws IOException {
        write(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                        + "1,x,0,0,0,0,1,A\n1,x,1,0,0,0,1,B\n");
        write("votes.csv", """
                timestamp,datetime,comment-id,voter-id,vote
                30,x,0,5,1
                10,x,0,5,-1
                20,x,1,5,1
                20,x,1,5,0
                """);

        PolisExport export = PolisExport.read(dir);

        assertThat(export.votes()).hasSize(4);
        assertThat(values(export.latestVotes())).containsExactly("5/0=1", "5/1=0");
    }

    @Test
    void readsCohortsFromParticipantsCsv() throws IOException {
        write("comments.csv", "timestamp,comment-id,author-id,moderated,comment-body\n1,0,0,1,A\n");
        write("votes.csv", "timestamp,comment-id,voter-id,vote\n2,0,0,1\n");
        write("participants.csv", "participant,country,role\n0,JP,student\n9,KR,\n");

        PolisExport export = PolisExport.read(dir);

        assertThat(export.cohortDimensions()).containsExactly("country", "role");
        assertThat(export.participants().get(1).cohorts()).containsExactly(java.util.Map.entry("country", "KR"));
        assertThat(export.participantIds()).containsExactly(0, 9);
    }

    @Test
    void readsVtaiwanWellUnderASecond() {
        Path vtaiwan = SharedData.polisDataset("vtaiwan.uberx");
        PolisExport.read(vtaiwan); // warm the JIT, as the second of several reads in one JVM finds it

        // best of three, so a busy shared build machine does not decide the result
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(PolisExport.read(vtaiwan).votes()).hasSize(49_997);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }

        assertThat(best).isLessThan(1_000);
    }

    @Test
    void aLargeVotesFileReadOnEveryCoreGivesTheEventsOfTheRecordByRecordReading() throws IOException {
        write("comments.csv", """
                timestamp,comment-id,author-id,moderated,comment-body
                1500000000000,3,,1,One
                1500000000000,5,,1,Two
                1500000000000,-2,,1,Three
                """);
        // 6 MB of plain records with CR, LF and CRLF line ends and empty lines: several byte ranges
        StringBuilder plain = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote\n");
        String[] ends = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int rows = 120_000;
        for (int i = 0; i < rows; i++) {
            int[] comments = {3, 5, -2};
            plain.append(1_500_000_000_000L + random.nextInt(1_000_000))
                    .append(",Mon Jul 17 02:17:32 WIB 2017,")
                    .append(comments[random.nextInt(3)])
                    .append(',')
                    .append(random.nextInt(1_000_000_000))
                    .append(',')
                    .append(random.nextInt(3) - 1)
                    .append(ends[random.nextInt(ends.length)]);
        }
        write("votes.csv", plain.toString());
        PolisExport inRanges = PolisExport.read(dir);
        // one quoted cell at the end: the whole file is then read record by record
        write("votes.csv", plain + "1500000000000,\"quoted, with a comma\",3,7,1\n");

        PolisExport recordByRecord = PolisExport.read(dir);

        assertThat(inRanges.votes()).hasSize(rows);
        assertThat(recordByRecord.votes()).hasSize(rows + 1);
        assertThat(recordByRecord.votes().subList(0, rows)).isEqualTo(inRanges.votes());
    }

    @Test
    void aBadRecordInALargeVotesFileIsReportedAtItsLine() throws IOException {
        write("comments.csv", """
                timestamp,comment-id,author-id,moderated,comment-body
                1500000000000,3,,1,One
                """);
        StringBuilder votes = new StringBuilder("timestamp,comment-id,voter-id,vote\n");
        for (int i = 0; i < 200_000; i++) {
            votes.append("1500000000000,3,").append(i).append(i == 150_000 ? ",2\n" : ",1\n");
        }
        write("votes.csv", votes.toString());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolisExport.read(dir))
                .isInstanceOf(PolisFormatException.class)
                .hasMessageContaining("votes.csv:150002")
                .hasMessageContaining("not '2'");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static java.util.List<String> values(java.util.List<PolisExport.VoteEvent> votes) {
        return votes.stream()
                .map(v -> v.voterId() + "/" + v.commentId() + "=" + v.value())
                .toList();
    }
}
