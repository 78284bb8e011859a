package org.commonground.polis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;

/**
 * What a bulk load says about the conversation it creates, beyond the statements and votes: its
 * texts per language, its state and its cohort dimensions with their allowed values.
 *
 * @param state      draft, open, closed or archived
 * @param texts      title, description and background per language (at least one)
 * @param dimensions cohort dimensions in order; values the data uses are added to them
 */
public record ImportedConversation(String state, Map<Language, Texts> texts, List<ImportedDimension> dimensions) {

    public ImportedConversation {
        Objects.requireNonNull(state);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs a title in at least one language");
        }
        texts = Map.copyOf(texts);
        dimensions = List.copyOf(dimensions);
    }

    public record Texts(String title, String description, String background) {}

    public record ImportedDimension(String name, List<String> values) {
        public ImportedDimension {
            values = List.copyOf(values);
        }
    }

    /**
     * An imported Pol.is conversation: closed, since its participants took part elsewhere and cannot
     * come back to vote; titled by {@code --title}, else summary.csv's topic, else the folder name.
     * The language of the texts is guessed from their script.
     */
    public static ImportedConversation imported(PolisExport export, String title, String folderName) {
        String chosen = firstNonBlank(title, export.summary().topic(), folderName);
        Language language =
                StatementText.detectLanguage(chosen + " " + export.summary().description());
        List<ImportedDimension> dimensions = new ArrayList<>();
        export.cohortDimensions().forEach(d -> dimensions.add(new ImportedDimension(d, List.of())));
        return new ImportedConversation(
                "closed", Map.of(language, new Texts(chosen, export.summary().description(), "")), dimensions);
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.strip();
            }
        }
        return "Pol.is conversation";
    }
}
