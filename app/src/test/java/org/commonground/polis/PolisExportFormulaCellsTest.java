package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.Summary;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.polis.PolisExport.Voter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pol.is export is opened in spreadsheets: texts that start like a formula are written as
 * text (a leading apostrophe), votes and the {@code moderated} flag stay numbers, and reading the
 * folder back gives the original texts.
 */
class PolisExportFormulaCellsTest {
    private static final List<String> FORMULAS =
            List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3 is five", "@SUM(A1)", "\tindented", "'=already quoted");

    @TempDir
    Path tmp;

    @Test
    void formulaTextsAreWrittenAsTextAndReadBackUnchanged() throws Exception {
        List<Comment> comments = new java.util.ArrayList<>();
        for (int i = 0; i < FORMULAS.size(); i++) {
            comments.add(new Comment(
                    i, 1_600_000_000_000L + i, OptionalInt.of(1), Moderation.REJECTED, false, FORMULAS.get(i)));
        }
        PolisExport export = new PolisExport(
                new Summary("=topic()", "@description"),
                comments,
                List.of(new VoteEvent(1_600_000_001_000L, 0, 1, -1)),
                VoteSource.HISTORY,
                List.of("country"),
                List.of(new Voter(1, Map.of("country", "+KR"))));

        export.write(tmp);
        String commentsCsv = Files.readString(tmp.resolve(PolisFolderReader.COMMENTS));
        PolisExport read = PolisExport.read(tmp);

        assertThat(commentsCsv)
                .contains(",-1,'=cmd|", ",-1,'+1+1", ",-1,'-2+3", ",-1,'@SUM", "'\tindented", ",-1,''=already quoted");
        assertThat(Files.readString(tmp.resolve(PolisFolderReader.SUMMARY))).contains("topic,'=topic()");
        assertThat(Files.readString(tmp.resolve(PolisFolderReader.PARTICIPANTS)))
                .contains("'+KR");
        assertThat(read.comments().stream().map(Comment::text).toList()).isEqualTo(FORMULAS);
        assertThat(read.summary().topic()).isEqualTo("=topic()");
        assertThat(read.participants().getFirst().cohorts()).isEqualTo(Map.of("country", "+KR"));
    }
}
