package org.commonground.translation;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.commonground.web.Language;

/**
 * A machine translation service as the queue uses it: a batch of texts in one language into
 * another, with the conversation's glossary applied the way that service can apply it. Each
 * adapter speaks its service's own HTTP API.
 */
sealed interface MachineTranslator permits LibreTranslate, ChatCompletions, DeepL {

    /** The service's name as shown to readers beside its translations. */
    String service();

    /** The most texts one call should carry. */
    int batchSize();

    /** The translations of {@code texts}, in their order. */
    List<String> translate(List<String> texts, Language from, Language into, Glossary glossary) throws ServiceRefused;

    static MachineTranslator of(MachineTranslationSettings settings, HttpClient http, Clock clock) {
        ServiceCall call = new ServiceCall(http, settings.timeout(), clock);
        return switch (settings.service()) {
            case LIBRETRANSLATE -> new LibreTranslate(call, settings.base(), settings.key());
            case OPENAI -> new ChatCompletions(call, settings.base(), settings.model(), settings.key());
            case DEEPL -> new DeepL(call, settings.base(), settings.key());
        };
    }
}
