package org.commonground.web;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one place CSV rows are written (the results download and the Pol.is export): every text cell
 * is neutralised against formula injection, as OWASP's "CSV Injection" advice says. A cell starting
 * with {@code = + - @}, a tab or a carriage return would be run as a formula by Excel, LibreOffice
 * or Sheets, so it gets a leading apostrophe, which spreadsheets show as text and do not display.
 *
 * <p>A cell that is a plain decimal number ({@code -1}, {@code -0.25}) is left as is: spreadsheets
 * read it as a number, never a formula, and Pol.is's own columns (votes, {@code moderated}) must
 * stay numbers. A cell that already starts with apostrophes before such a character gets one more,
 * so {@link #restored} (our own reader's inverse) gives back exactly what was written, for texts
 * that really began with an apostrophe too.
 */
public final class SpreadsheetSafeCsv implements Closeable {
    /** Apostrophes, then a character a spreadsheet starts a formula (or a field jump) with. */
    private static final Pattern FORMULA_START = Pattern.compile("^'*[=+\\-@\\t\\r]");

    private static final Pattern ESCAPED = Pattern.compile("^'+[=+\\-@\\t\\r]");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final CSVPrinter printer;

    public SpreadsheetSafeCsv(Appendable out, CSVFormat format) throws IOException {
        this.printer = new CSVPrinter(out, format);
    }

    /** One record; text cells neutralised, numbers and booleans written as they are. */
    public void row(Iterable<?> cells) throws IOException {
        List<Object> safe = new ArrayList<>();
        for (Object cell : cells) {
            safe.add(cell instanceof String text ? neutralised(text) : cell);
        }
        printer.printRecord(safe);
    }

    public void row(Object... cells) throws IOException {
        row(Arrays.asList(cells));
    }

    /** The text as a spreadsheet may open it: an apostrophe before a formula's first character. */
    public static String neutralised(String cell) {
        if (cell == null
                || cell.isEmpty()
                || !FORMULA_START.matcher(cell).lookingAt()
                || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /**
     * The text as it was before {@link #neutralised}: our own reader's inverse, so an export
     * imports back unchanged. (A Pol.is file of elsewhere with a cell that really begins with an
     * apostrophe and then {@code = + - @} loses that one apostrophe.)
     */
    public static String restored(String cell) {
        return cell != null && ESCAPED.matcher(cell).lookingAt() ? cell.substring(1) : cell;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
