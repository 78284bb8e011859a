package org.commonground.translation;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationFeature;
import org.commonground.conversation.MachineTranslationOptIn;
import org.commonground.problem.Conflict;
import org.commonground.web.Api;
import org.commonground.web.Language;
import org.commonground.web.Messages;
import org.commonground.web.Pages;
import org.jdbi.v3.core.Jdbi;

/**
 * Machine translation with a glossary of contested names: the adapters, the durable queue that
 * feeds them, the per-conversation opt-in, and the organizer's API and page. The one public
 * entry of this part of the translation feature.
 */
public final class MachineTranslationFeature implements MachineTranslations, MachineTranslationOptIn, AutoCloseable {
    private final MachineTranslationSettings settings;
    private final TranslationJobStore jobs;
    private final GlossaryStore glossaries;
    private final MachineTextStore machineTexts;
    private final TranslationQueue queue;

    private MachineTranslationFeature(
            MachineTranslationSettings settings,
            TranslationJobStore jobs,
            GlossaryStore glossaries,
            MachineTextStore machineTexts,
            TranslationQueue queue) {
        this.settings = settings;
        this.jobs = jobs;
        this.glossaries = glossaries;
        this.machineTexts = machineTexts;
        this.queue = queue;
    }

    /**
     * Wires the feature for the server: the cohort values it leaves alone are those the product's
     * messages name (country JP is "日本" without a machine).
     */
    public static MachineTranslationFeature wire(
            Jdbi jdbi, MachineTranslationSettings settings, Clock clock, Messages messages) {
        return wire(
                jdbi,
                settings,
                clock,
                (dimension, value) -> messages.has(Language.EN, "cohort." + dimension + "." + value));
    }

    /**
     * Wires the feature; nothing runs until {@link #start}. {@code namedCohortValue} answers
     * whether the product already names a dimension's value in every language (country JP is
     * "日本" without a machine), so that only the organizer's own values are translated.
     */
    public static MachineTranslationFeature wire(
            Jdbi jdbi, MachineTranslationSettings settings, Clock clock, BiPredicate<String, String> namedCohortValue) {
        TranslationJobStore jobs = new TranslationJobStore(jdbi);
        GlossaryStore glossaries = new GlossaryStore(jdbi);
        TranslationQueue queue = null;
        if (settings.on()) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            queue = new TranslationQueue(
                    jobs, glossaries, MachineTranslator.of(settings, http, clock), settings, clock, namedCohortValue);
        }
        return new MachineTranslationFeature(settings, jobs, glossaries, new MachineTextStore(jdbi), queue);
    }

    /** The organizer's API (opt-in, glossary) and page. */
    public void addTo(Api api, Pages pages, ConversationFeature conversation) {
        new MachineTranslationRoutes(settings, jobs, glossaries, conversation.access(), this).addTo(api);
        new MachineTranslationPages(
                        pages, conversation.readable(), settings, jobs, glossaries, conversation.access(), this)
                .addTo(api.routes());
    }

    /** Starts translating, when this deployment has a service. */
    public void start() {
        if (queue != null) {
            queue.start();
        }
    }

    private void wake() {
        if (queue != null) {
            queue.wake();
        }
    }

    @Override
    public boolean available() {
        return settings.on();
    }

    @Override
    public boolean on(long conversationId) {
        return jobs.enabled(conversationId);
    }

    @Override
    public void set(long conversationId, boolean on) {
        if (on && !settings.on()) {
            throw new Conflict("machine-translation-unavailable", "machine-translation.unavailable");
        }
        jobs.setEnabled(conversationId, on);
        wake();
    }

    /** Turns machine translation on for a conversation (the demo does, when given a service). */
    public void turnOn(long conversationId) {
        jobs.setEnabled(conversationId, true);
        wake();
    }

    /** Replaces a conversation's glossary (the demo seeds one); invalid terms are refused (422). */
    public Glossary replaceGlossary(long conversationId, Glossary glossary) {
        return glossaries.replace(conversationId, glossary.terms());
    }

    public Glossary glossary(long conversationId) {
        return glossaries.of(conversationId);
    }

    @Override
    public Optional<Service> service(long conversationId) {
        if (!settings.on() || !jobs.enabled(conversationId)) {
            return Optional.empty();
        }
        return Optional.of(new Service(settings.serviceName(), settings.where(), settings.local()));
    }

    @Override
    public Optional<Conversation.Text> text(Conversation c, Language reader) {
        if (c.texts().containsKey(reader) || c.texts().isEmpty()) {
            return Optional.empty();
        }
        Conversation.Text source = c.texts().get(c.languages().getFirst());
        Map<String, String> sources = Map.of(
                "conversation:title",
                source.title(),
                "conversation:description",
                source.description(),
                "conversation:background",
                source.background());
        Map<String, String> t = machineTexts.of(c.id(), reader.code(), sources);
        if (!t.containsKey("conversation:title")) {
            return Optional.empty();
        }
        return Optional.of(new Conversation.Text(
                t.get("conversation:title"),
                t.getOrDefault("conversation:description", source.description()),
                t.getOrDefault("conversation:background", source.background())));
    }

    @Override
    public Map<String, String> cohortValues(Conversation c, Language reader) {
        Map<String, String> sources = new java.util.HashMap<>();
        for (Conversation.CohortDimension d : c.cohorts()) {
            for (String v : d.values()) {
                sources.put("cohort:" + d.name() + ":" + v, v);
            }
        }
        Map<String, String> out = new java.util.HashMap<>();
        machineTexts
                .of(c.id(), reader.code(), sources)
                .forEach((key, text) -> out.put(key.substring("cohort:".length()), text));
        return out;
    }

    @Override
    public void requestTexts(
            long conversationId,
            Language from,
            Map<String, String> sources,
            java.util.Collection<Language> into,
            java.time.Instant now) {
        if (!available() || sources.isEmpty() || !on(conversationId)) {
            return;
        }
        jobs.enqueueTexts(conversationId, from, sources, into, now);
        wake();
    }

    @Override
    public Map<String, String> texts(long conversationId, Language reader, Map<String, String> sources) {
        return sources.isEmpty() ? Map.of() : machineTexts.of(conversationId, reader.code(), sources);
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
    }
}
