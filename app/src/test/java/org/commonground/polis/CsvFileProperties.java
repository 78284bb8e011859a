package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CsvFile parses the bytes itself; Apache Commons CSV (which wrote our exports and read them
 * before) is the reference: for any text of commas, quotes, line ends, spaces, digits and
 * non-ASCII letters, both give the same records, or both refuse the text.
 */
class CsvFileProperties {
    private static final CSVFormat REFERENCE =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.strings()
                .withChars(',', '"', '\n', '\r', ' ', 'a', '1', '-', '\u00e9', '\uD55C')
                .ofMaxLength(60);
    }

    @Property(tries = 2000)
    void givesTheRecordsCommonsCsvGives(@ForAll("csvText") String text) throws IOException {
        List<List<String>> expected;
        try {
            expected = reference(text);
        } catch (UncheckedIOException | IOException e) {
            assertThatThrownBy(() -> records(text))
                    .as("commons-csv refused it: %s", e.getMessage())
                    .isInstanceOf(PolisFormatException.class)
                    .hasMessageContaining("unreadable CSV");
            return;
        }

        assertThat(records(text)).isEqualTo(expected);
    }

    @Property(tries = 500)
    void readsWholeNumbersAndVotesAsTheirTextReads(@ForAll("numberCell") String cell) throws IOException {
        Path file = write("n,v\n" + cell + "," + cell + "\n");
        try (CsvFile csv = CsvFile.withHeader(file)) {
            csv.next();
            assertThat(outcome(() -> csv.integer("n"))).isEqualTo(outcome(() -> csv.integer("n", csv.text("n"))));
            assertThat(outcome(() -> csv.number("n")))
                    .isEqualTo(outcome(() -> Long.parseLong(csv.text("n").strip())));
            assertThat(outcome(() -> csv.vote("v"))).isEqualTo(outcome(() -> csv.vote("v", csv.text("v"))));
        }
    }

    @Provide
    Arbitrary<String> numberCell() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars('0', '1', '9', '-', '+', ' ')
                        .ofMinLength(0)
                        .ofMaxLength(12),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("1", "-1", "0", "\"1\"", "\" -1 \"", "2", "--1", "01", "-0"));
    }

    @Example
    void countsLinesInsideQuotedCellsAndAcrossCrLf() throws IOException {
        Path file = write("a,b\r\n1,\"two\nlines\"\r\n\r\n3,x\n");
        try (CsvFile csv = CsvFile.withHeader(file)) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.line()).isEqualTo(2);
            assertThat(csv.cell(1)).isEqualTo("two\nlines");
            assertThat(csv.next()).isTrue();
            assertThat(csv.line())
                    .as("after the two-line cell and an empty line")
                    .isEqualTo(5);
            assertThat(csv.text("b")).isEqualTo("x");
            assertThat(csv.next()).isFalse();
        }
    }

    /** The number read, or "refused": the two ways of reading a cell must agree on both. */
    private static Object outcome(java.util.function.LongSupplier read) {
        try {
            return read.getAsLong();
        } catch (PolisFormatException | NumberFormatException e) {
            return "refused";
        }
    }

    private static List<List<String>> reference(String text) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(REFERENCE)
                .get()) {
            for (CSVRecord record : parser) {
                out.add(record.toList());
            }
        }
        return out;
    }

    private static List<List<String>> records(String text) throws IOException {
        List<List<String>> out = new ArrayList<>();
        Path file = write(text);
        try (CsvFile csv = CsvFile.withoutHeader(file)) {
            while (csv.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < csv.size(); i++) {
                    cells.add(csv.cell(i));
                }
                out.add(cells);
            }
        } finally {
            Files.delete(file);
        }
        return out;
    }

    private static Path write(String text) throws IOException {
        Path file = Files.createTempFile("csv-file-properties", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
