package org.commonground.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.commonground.web.Language;
import org.junit.jupiter.api.Test;

/** Each adapter against a fake of its service's HTTP API: request shapes, answers, errors, the glossary. */
class MachineTranslatorTest {
    private static final Glossary GLOSSARY = new Glossary(List.of(
            new Glossary.Term("竹島", "독도", "Dokdo/Takeshima", "both names in English"),
            new Glossary.Term("慰安婦", "위안부", "comfort women", null),
            new Glossary.Term("徴用工", "강제징용", "wartime forced labor", null)));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static MachineTranslator adapter(String spec, String key) {
        return MachineTranslator.of(MachineTranslationSettings.parse(spec, key), HTTP, Clock.systemUTC());
    }

    @Test
    void libreTranslateSendsQSourceTargetFormatAndKeyAndReadsTheArrayAnswer() throws Exception {
        try (var fake = new FakeLibreTranslate("secret")) {
            var mt = adapter("libretranslate:" + fake.url(), "secret");

            List<String> out = mt.translate(List.of("평화 교류", "교류"), Language.KO, Language.JA, Glossary.EMPTY);

            assertThat(out).containsExactly("〔ko→ja〕平和 交流", "〔ko→ja〕交流");
            var sent = fake.received("/translate").getFirst().json();
            assertThat(sent.get("q").size()).isEqualTo(2);
            assertThat(sent.get("source").asText()).isEqualTo("ko");
            assertThat(sent.get("target").asText()).isEqualTo("ja");
            assertThat(sent.get("format").asText()).isEqualTo("text");
            assertThat(sent.get("api_key").asText()).isEqualTo("secret");
            assertThat(mt.service()).isEqualTo("LibreTranslate");
        }
    }

    @Test
    void libreTranslateKeepsAgreedTermsOutOfTheMachinesHands() throws Exception {
        try (var fake = new FakeLibreTranslate()) {
            var mt = adapter("libretranslate:" + fake.url(), null);

            List<String> out = mt.translate(List.of("독도 & 위안부 <문제>", "평화"), Language.KO, Language.EN, GLOSSARY);

            assertThat(out.get(0)).isEqualTo("〔ko→en〕Dokdo/Takeshima & comfort women <문제>");
            assertThat(out.get(1)).isEqualTo("〔ko→en〕peace");
            var sent = fake.received("/translate").getFirst().json();
            assertThat(sent.get("format").asText()).isEqualTo("html");
            assertThat(sent.get("q").get(0).asText())
                    .contains("<span translate=\"no\">Dokdo/Takeshima</span>", "&amp;", "&lt;");
        }
    }

    @Test
    void libreTranslateWrongKeyIsARejectionNotARetry() {
        try (var fake = new FakeLibreTranslate("secret")) {
            var mt = adapter("libretranslate:" + fake.url(), "wrong");

            assertThatThrownBy(() -> mt.translate(List.of("평화"), Language.KO, Language.JA, Glossary.EMPTY))
                    .isInstanceOfSatisfying(ServiceRefused.class, e -> {
                        assertThat(e.kind).isEqualTo(ServiceRefused.Kind.REJECTED);
                        assertThat(e.getMessage()).contains("403", "Invalid API key");
                    });
        }
    }

    @Test
    void tooManyRequestsCarriesRetryAfterAndServerErrorsAreRetryable() {
        try (var fake = new FakeLibreTranslate()) {
            var mt = adapter("libretranslate:" + fake.url(), null);
            fake.answerNext(
                    new FakeService.Scripted(429, "{\"error\":\"Slowdown: 20 per 1 minute\"}", "Retry-After", "7"),
                    new FakeService.Scripted(502, "<html>Bad Gateway</html>", "Content-Type", "text/html"));

            assertThatThrownBy(() -> mt.translate(List.of("평화"), Language.KO, Language.JA, Glossary.EMPTY))
                    .isInstanceOfSatisfying(ServiceRefused.class, e -> {
                        assertThat(e.kind).isEqualTo(ServiceRefused.Kind.RATE_LIMITED);
                        assertThat(e.retryAfter).isEqualTo(Duration.ofSeconds(7));
                    });
            assertThatThrownBy(() -> mt.translate(List.of("평화"), Language.KO, Language.JA, Glossary.EMPTY))
                    .isInstanceOfSatisfying(
                            ServiceRefused.class, e -> assertThat(e.kind).isEqualTo(ServiceRefused.Kind.UNAVAILABLE));
            assertThat(fake.received("/translate")).hasSize(2);
        }
    }

    @Test
    void chatCompletionsDemandsOnlyTheTranslationAndCarriesTheGlossary() throws Exception {
        try (var fake = new FakeChatCompletions()) {
            var mt = adapter("openai:" + fake.url() + "/v1?model=qwen2.5-7b-instruct", "sk-local");

            List<String> out = mt.translate(List.of("竹島と徴用工の問題", "平和"), Language.JA, Language.EN, GLOSSARY);

            assertThat(out).containsExactly("〔en〕Dokdo/Takeshimaとwartime forced laborの問題", "〔en〕peace");
            var requests = fake.received("/v1/chat/completions");
            assertThat(requests).hasSize(2);
            var first = requests.getFirst();
            assertThat(first.header("Authorization")).isEqualTo("Bearer sk-local");
            var sent = first.json();
            assertThat(sent.get("model").asText()).isEqualTo("qwen2.5-7b-instruct");
            assertThat(sent.get("messages").get(0).get("role").asText()).isEqualTo("system");
            String system = sent.get("messages").get(0).get("content").asText();
            assertThat(system)
                    .contains(
                            "from Japanese into English",
                            "translation only",
                            "- 竹島 => Dokdo/Takeshima",
                            "- 徴用工 => wartime forced labor")
                    .doesNotContain("慰安婦");
            assertThat(sent.get("messages").get(1).get("content").asText()).isEqualTo("竹島と徴用工の問題");
            assertThat(sent.get("temperature").asInt()).isZero();
            assertThat(mt.service()).isEqualTo("qwen2.5-7b-instruct");
        }
    }

    @Test
    void chatCompletionsErrorsMapLikeEveryOtherService() {
        try (var fake = new FakeChatCompletions()) {
            var mt = adapter("openai:" + fake.url() + "/v1?model=m", null);
            fake.answerNext(new FakeService.Scripted(
                    429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}", "Retry-After", "2"));

            assertThatThrownBy(() -> mt.translate(List.of("平和"), Language.JA, Language.KO, Glossary.EMPTY))
                    .isInstanceOfSatisfying(
                            ServiceRefused.class, e -> assertThat(e.retryAfter).isEqualTo(Duration.ofSeconds(2)));
            assertThat(fake.received().getFirst().header("Authorization")).isNull();
        }
    }

    @Test
    void deepLAuthenticatesCreatesOneGlossaryPerPairAndUsesIt() throws Exception {
        try (var fake = new FakeDeepL("key:fx")) {
            var mt = adapter("deepl:" + fake.url(), "key:fx");

            List<String> first = mt.translate(List.of("독도 평화", "강제징용"), Language.KO, Language.EN, GLOSSARY);
            List<String> again = mt.translate(List.of("위안부"), Language.KO, Language.EN, GLOSSARY);

            assertThat(first).containsExactly("〔ko→en〕Dokdo/Takeshima peace", "〔ko→en〕wartime forced labor");
            assertThat(again).containsExactly("〔ko→en〕comfort women");
            assertThat(fake.received("/v2/glossaries").stream()
                            .filter(r -> r.method().equals("POST")))
                    .hasSize(1);
            var created = fake.received("/v2/glossaries").stream()
                    .filter(r -> r.method().equals("POST"))
                    .findFirst()
                    .orElseThrow()
                    .json();
            assertThat(created.get("entries_format").asText()).isEqualTo("tsv");
            assertThat(created.get("entries").asText()).contains("독도\tDokdo/Takeshima", "위안부\tcomfort women");
            var translate = fake.received("/v2/translate").getFirst();
            assertThat(translate.header("Authorization")).isEqualTo("DeepL-Auth-Key key:fx");
            assertThat(translate.json().get("target_lang").asText()).isEqualTo("EN-US");
            assertThat(translate.json().get("source_lang").asText()).isEqualTo("KO");
            assertThat(translate.json().get("glossary_id").asText())
                    .isEqualTo(fake.glossaries.keySet().iterator().next());
        }
    }

    @Test
    void deepLFindsItsGlossaryAgainAfterARestartInsteadOfCreatingAnother() throws Exception {
        try (var fake = new FakeDeepL("k")) {
            adapter("deepl:" + fake.url(), "k").translate(List.of("독도"), Language.KO, Language.JA, GLOSSARY);
            List<String> out =
                    adapter("deepl:" + fake.url(), "k").translate(List.of("독도"), Language.KO, Language.JA, GLOSSARY);

            assertThat(out).containsExactly("〔ko→ja〕竹島");
            assertThat(fake.glossaries).hasSize(1);
        }
    }

    @Test
    void deepLQuotaExceededIs456() {
        try (var fake = new FakeDeepL("k")) {
            var mt = adapter("deepl:" + fake.url(), "k");
            fake.answerNext(new FakeService.Scripted(456, "{\"message\":\"Quota exceeded\"}"));

            assertThatThrownBy(() -> mt.translate(List.of("평화"), Language.KO, Language.JA, Glossary.EMPTY))
                    .isInstanceOfSatisfying(
                            ServiceRefused.class,
                            e -> assertThat(e.kind).isEqualTo(ServiceRefused.Kind.QUOTA_EXCEEDED));
            assertThatThrownBy(() -> adapter("deepl:" + fake.url(), "wrong")
                            .translate(List.of("평화"), Language.KO, Language.JA, Glossary.EMPTY))
                    .isInstanceOfSatisfying(
                            ServiceRefused.class, e -> assertThat(e.kind).isEqualTo(ServiceRefused.Kind.REJECTED));
        }
    }

    @Test
    void settingsParseEveryKindAndRefuseNonsense() {
        var openai =
                MachineTranslationSettings.parse("openai:http://127.0.0.1:8000/v1?model=llama3&rate=2&budget=1000", "");
        assertThat(openai.base().toString()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(openai.model()).isEqualTo("llama3");
        assertThat(openai.requestsPerSecond()).isEqualTo(2);
        assertThat(openai.monthlyCharacters()).isEqualTo(1000);
        assertThat(openai.local()).isTrue();
        var deepl = MachineTranslationSettings.parse("deepl:https://api-free.deepl.com", "k");
        assertThat(deepl.where()).isEqualTo("api-free.deepl.com");
        assertThat(deepl.local()).isFalse();
        assertThat(MachineTranslationSettings.parse(null, null).on()).isFalse();
        assertThatThrownBy(() -> MachineTranslationSettings.parse("google:https://x", null))
                .hasMessageContaining("libretranslate, openai or deepl");
        assertThatThrownBy(() -> MachineTranslationSettings.parse("openai:http://127.0.0.1:8000/v1", null))
                .hasMessageContaining("model");
    }
}
