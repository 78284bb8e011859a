package org.commonground.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.statement.Statements;
import org.commonground.statement.Statements.StoredStatement;
import org.commonground.translation.Translations;
import org.commonground.web.Language;

/**
 * Reads what the index holds: statements with their moderation state and, per other language,
 * the translation readers see (approved human first, else approved machine). It runs no SQL of its
 * own: the statement and translation features own these rows and answer through their stores.
 */
final class TextStore {
    private final Statements statements;
    private final Translations translations;

    TextStore(Statements statements, Translations translations) {
        this.statements = statements;
        this.translations = translations;
    }

    /** A statement with its text in each language it can be read in (the original included). */
    record StatementTexts(long id, long conversationId, Language original, String state, Map<Language, String> texts) {}

    /** The newest statement and translation ids: what has been written up to now. */
    record Watermark(long statement, long translation) {}

    Watermark watermark() {
        return new Watermark(statements.newestId(), translations.newestId());
    }

    /** Statements with ids in (after, upTo], oldest first, at most {@code limit}. */
    List<StatementTexts> statementsAfter(long after, long upTo, int limit) {
        return withTranslations(statements.between(after, upTo, limit));
    }

    /** Statements that got a translation with an id in (after, upTo]. */
    Set<Long> translatedBetween(long after, long upTo) {
        return translations.translatedBetween(after, upTo);
    }

    /** The statements with these ids that still exist. */
    List<StatementTexts> statements(Collection<Long> ids) {
        return withTranslations(statements.withIds(ids));
    }

    /**
     * Of these statements, the ones accepted right now. The index is told of every decision, but
     * what a participant may read is answered by the database, so a missed event cannot show a
     * rejected statement.
     */
    Set<Long> acceptedAmong(Collection<Long> ids) {
        return statements.acceptedAmong(ids);
    }

    private List<StatementTexts> withTranslations(List<StoredStatement> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Language, String>> translated = translations.shownTranslations(
                stored.stream().map(StoredStatement::id).toList());
        List<StatementTexts> out = new ArrayList<>(stored.size());
        for (StoredStatement s : stored) {
            Map<Language, String> texts = new EnumMap<>(Language.class);
            translated.getOrDefault(s.id(), Map.of()).forEach(texts::put);
            texts.put(s.lang(), s.text()); // the original, never a translation into its own language
            out.add(new StatementTexts(s.id(), s.conversationId(), s.lang(), s.moderationState(), texts));
        }
        return out;
    }
}
