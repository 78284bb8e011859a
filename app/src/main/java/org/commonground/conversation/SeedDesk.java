package org.commonground.conversation;

import java.util.List;
import java.util.Map;
import org.commonground.web.Language;

/**
 * The organizer's seed statements as the management page and the API show and change them: each
 * seed with the translations readers see, and whether votes have arrived (which freezes it). A
 * reworded seed's translations are outdated in the same step, so no reader sees a translation of
 * words that are gone.
 */
final class SeedDesk {
    private final Seeding seeds;
    private final SeedTranslations translations;
    private final ConversationActivity activity;

    SeedDesk(Seeding seeds, SeedTranslations translations, ConversationActivity activity) {
        this.seeds = seeds;
        this.translations = translations;
        this.activity = activity;
    }

    List<StandingSeed> standing(long conversationId) {
        List<Seeding.Seed> standing = seeds.standing(conversationId);
        Map<Long, Map<Language, String>> shown =
                translations.shown(standing.stream().map(Seeding.Seed::id).toList());
        return standing.stream()
                .map(s -> new StandingSeed(
                        s, translationsOf(s, shown.getOrDefault(s.id(), Map.of())), activity.anyVoteOn(s.id())))
                .toList();
    }

    private static Map<Language, String> translationsOf(Seeding.Seed s, Map<Language, String> shown) {
        Map<Language, String> out = new java.util.EnumMap<>(Language.class);
        shown.forEach((lang, text) -> {
            if (lang != s.lang()) {
                out.put(lang, text);
            }
        });
        return out;
    }

    Seeding.Seed seed(long conversationId, long organizerId, String text, Language declared) {
        return seeds.seed(conversationId, organizerId, text, declared);
    }

    Seeding.Seed edit(long conversationId, long statementId, String text, Language declared) {
        Seeding.Seed edited = seeds.edit(conversationId, statementId, text, declared, activity::anyVoteOn);
        translations.outdated(conversationId, statementId);
        return edited;
    }

    void withdraw(long conversationId, long statementId, long organizerId) {
        seeds.withdraw(conversationId, statementId, organizerId, activity::anyVoteOn);
    }
}
