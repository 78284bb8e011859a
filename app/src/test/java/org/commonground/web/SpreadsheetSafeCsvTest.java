package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/** Text cells a spreadsheet would run as formulas are written as text, and our reader gets them back unchanged. */
class SpreadsheetSafeCsvTest {

    @Test
    void cellsStartingWithAFormulaCharacterGetAnApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")) {
            assertThat(SpreadsheetSafeCsv.neutralised(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void plainNumbersAndOrdinaryTextStayAsTheyAre() {
        for (String cell : List.of("-1", "0", "-0.25", "12", "Hello = world", "日本語", "", " =not first")) {
            assertThat(SpreadsheetSafeCsv.neutralised(cell)).as(cell).isEqualTo(cell);
        }
    }

    @Test
    void restoringUndoesNeutralisingEvenForTextsThatBeganWithApostrophes() {
        for (String cell : List.of("=x", "'=x", "''-1", "'-1", "-1", "'plain", "plain", "@", "'", "\t")) {
            assertThat(SpreadsheetSafeCsv.restored(SpreadsheetSafeCsv.neutralised(cell)))
                    .as(cell)
                    .isEqualTo(cell);
        }
    }

    @Test
    void rowsNeutraliseTextCellsButNotNumbers() throws Exception {
        StringWriter out = new StringWriter();
        try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(
                out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            csv.row(-1, "=1+1", "text", -0.5);
        }

        assertThat(out.toString()).isEqualTo("-1,'=1+1,text,-0.5\n");
    }
}
