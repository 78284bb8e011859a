package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault in an export folder is refused with the file, the line the record starts on, and why. */
class PolisExportMalformedTest {
    private static final String COMMENTS_HEADER =
            "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n";
    private static final String VOTES_HEADER = "timestamp,datetime,comment-id,voter-id,vote\n";

    @TempDir
    Path dir;

    @BeforeEach
    void aValidExport() throws IOException {
        write(
                "comments.csv",
                COMMENTS_HEADER
                        + "1000,x,0,1,1,0,1,\"A text that spans\ntwo lines, with a comma\"\n"
                        + "2000,x,1,1,0,0,0,Second\n");
        write("votes.csv", VOTES_HEADER + "3000,x,0,1,1\n3001,x,1,1,-1\n");
    }

    @Test
    void refusesAMissingCommentsFile() throws IOException {
        Files.delete(dir.resolve("comments.csv"));

        assertFault("comments.csv: file is missing");
    }

    @Test
    void refusesMissingVotesWhenThereIsNoMatrixToFallBackOn() throws IOException {
        Files.delete(dir.resolve("votes.csv"));

        assertFault("votes.csv: file is missing, and there is no participants-votes.csv");
    }

    @Test
    void refusesAnUnknownColumn() throws IOException {
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote,weight\n3000,x,0,1,1,2\n");

        assertFault("votes.csv:1: unknown column 'weight'");
    }

    @Test
    void refusesAMissingColumn() throws IOException {
        write("comments.csv", "timestamp,comment-id,author-id,comment-body\n1000,0,1,A\n");

        assertFault("comments.csv:1: missing column 'moderated'");
    }

    @Test
    void refusesABadNumberOnTheLineAfterAMultiLineText() throws IOException {
        write(
                "comments.csv",
                COMMENTS_HEADER
                        + "1000,x,0,1,1,0,1,\"A text that spans\ntwo lines\"\n"
                        + "2000,x,one,1,0,0,0,Second\n");

        assertFault("comments.csv:4: comment-id is not a whole number: 'one'");
    }

    @Test
    void refusesAVoteForAnUnknownStatement() throws IOException {
        write("votes.csv", VOTES_HEADER + "3000,x,0,1,1\n3001,x,0,2,1\n3002,x,42,1,1\n");

        assertFault("votes.csv:4: comment-id 42 is not in comments.csv");
    }

    @Test
    void refusesAVoteValueOutsideAgreeDisagreePass() throws IOException {
        write("votes.csv", VOTES_HEADER + "3000,x,0,1,2\n");

        assertFault("votes.csv:2: vote must be 1 (agree), -1 (disagree) or 0 (pass), not '2'");
    }

    @Test
    void refusesABadTimestamp() throws IOException {
        write("votes.csv", VOTES_HEADER + "3000,x,0,1,1\nyesterday,x,1,1,1\n");

        assertFault("votes.csv:3: timestamp is not a whole number: 'yesterday'");
    }

    @Test
    void refusesARowWithTooFewCells() throws IOException {
        write("votes.csv", VOTES_HEADER + "3000,x,0,1\n");

        assertFault("votes.csv:2: expected 5 cells as in the header, found 4");
    }

    @Test
    void refusesATwiceUsedCommentId() throws IOException {
        write("comments.csv", COMMENTS_HEADER + "1000,x,0,1,1,0,1,A\n2000,x,0,1,0,0,0,B\n");

        assertFault("comments.csv:3: comment-id 0 appears twice");
    }

    @Test
    void refusesAnUnterminatedQuote() throws IOException {
        write("comments.csv", COMMENTS_HEADER + "1000,x,0,1,1,0,1,A\n2000,x,1,1,0,0,0,\"never closed\n");

        assertFault("comments.csv:3: unreadable CSV");
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
        Files.write(
                dir.resolve("comments.csv"),
                (COMMENTS_HEADER + "1000,x,0,1,1,0,1,caf\u00e9\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertFault("comments.csv:2: not valid UTF-8");
    }

    @Test
    void refusesAMatrixColumnThatIsNoComment() throws IOException {
        Files.delete(dir.resolve("votes.csv"));
        write(
                "participants-votes.csv",
                "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,7\n1,0,0,1,1,0,1,\n");

        assertFault("participants-votes.csv:1: column '7' is not a comment-id in comments.csv");
    }

    @Test
    void refusesABadVoteCellInTheMatrix() throws IOException {
        Files.delete(dir.resolve("votes.csv"));
        write(
                "participants-votes.csv",
                "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n"
                        + "1,0,0,1,1,0,1,\n2,0,0,1,1,0,,yes\n");

        assertFault(
                "participants-votes.csv:3: vote on comment 1 must be 1 (agree), -1 (disagree) or 0 (pass), not 'yes'");
    }

    @Test
    void refusesACohortColumnThatCannotNameADimension() throws IOException {
        write("participants.csv", "participant,Country\n1,JP\n");

        assertFault("participants.csv:1: unknown column 'Country'");
    }

    @Test
    void refusesAnOverlongCohortValue() throws IOException {
        write("participants.csv", "participant,country\n1,JP\n2," + "X".repeat(65) + "\n");

        assertFault("participants.csv:3: country value must be 1 to 64 characters");
    }

    private void assertFault(String expected) {
        assertThatThrownBy(() -> PolisExport.read(dir))
                .isInstanceOf(PolisFormatException.class)
                .hasMessageStartingWith(dir.resolve(expected.substring(0, expected.indexOf(':')))
                        .toString())
                .hasMessageContaining(expected);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
