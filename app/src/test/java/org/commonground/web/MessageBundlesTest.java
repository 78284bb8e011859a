package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Everything a reader sees comes from the three message bundles, which stay in step. */
class MessageBundlesTest {
    private static final Path TEMPLATES = Path.of("src/main/jte");

    @Test
    void theThreeBundlesHaveTheSameKeys() {
        Set<String> en = load("en").stringPropertyNames();
        Set<String> ja = load("ja").stringPropertyNames();
        Set<String> ko = load("ko").stringPropertyNames();

        assertThat(difference(en, ja)).as("in en, missing in ja").isEmpty();
        assertThat(difference(ja, en)).as("in ja, missing in en").isEmpty();
        assertThat(difference(en, ko)).as("in en, missing in ko").isEmpty();
        assertThat(difference(ko, en)).as("in ko, missing in en").isEmpty();
    }

    @Test
    void noKeyIsDefinedTwice() {
        for (String lang : List.of("en", "ja", "ko")) {
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    Object before = super.put(key, value);
                    assertThat(before)
                            .as("messages_%s.properties defines %s twice", lang, key)
                            .isNull();
                    return before;
                }
            };
            read(lang, counting);
        }
    }

    @Test
    void noMessageIsEmpty() {
        for (String lang : List.of("en", "ja", "ko")) {
            Properties p = load(lang);
            assertThat(p.stringPropertyNames().stream()
                            .filter(k -> p.getProperty(k).isBlank())
                            .toList())
                    .as("empty messages in " + lang)
                    .isEmpty();
        }
    }

    @Test
    void japaneseAndKoreanBundlesAreActuallyTranslated() {
        Properties en = load("en");
        for (String lang : List.of("ja", "ko")) {
            Properties p = load(lang);
            List<String> untranslated = p.stringPropertyNames().stream()
                    .filter(k -> en.getProperty(k) != null && p.getProperty(k).equals(en.getProperty(k)))
                    .filter(k -> en.getProperty(k).matches(".*\\p{IsLatin}{4,}\\s+\\p{IsLatin}{3,}.*"))
                    .filter(k -> !k.equals("app.name") && !k.startsWith("lang.name."))
                    .toList();
            assertThat(untranslated)
                    .as("messages in " + lang + " identical to English")
                    .isEmpty();
        }
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("en").stringPropertyNames();
        Pattern lookup = Pattern.compile("\\bt\\(\"([\\w.-]+)\"");
        Map<String, String> missing = new TreeMap<>();
        for (Path template : templates()) {
            Matcher m = lookup.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1);
                boolean known = key.endsWith(".")
                        ? keys.stream().anyMatch(k -> k.startsWith(key)) // a prefix completed at run time
                        : keys.contains(key);
                if (!known) {
                    missing.put(m.group(1), template.toString());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesContainNoLiteralUserFacingText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            for (String text : TemplateText.literals(Files.readString(template))) {
                literals.add(template + ": " + text);
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void literalTextScannerFindsTextNodesAndLabelsButNotExpressionsOrCode() {
        String template = """
                @import org.commonground.web.Page
                @param Page page
                @template.layout.page(page = page, title = page.t("x"), content = @`
                <%-- a comment is fine --%>
                <h1>${page.t("x")}</h1>
                @if(page.signedIn() != null)<p>Welcome back</p>@endif
                <img src="${page.asset("a")}" alt="A picture">
                <button aria-label="${page.t("y")}" data-key="a">!{var n = 1;}${n} · 12</button>
                <input placeholder="Type here">
                `)
                """;

        assertThat(TemplateText.literals(template))
                .containsExactlyInAnyOrder("Welcome back", "alt=A picture", "placeholder=Type here");
    }

    @Test
    void koreanParticlesAfterAPlaceholderAreWrittenAsPairs() {
        Properties ko = load("ko");
        List<String> bare = ko.stringPropertyNames().stream()
                .sorted()
                .filter(k -> BARE_AFTER_PLACEHOLDER.matcher(ko.getProperty(k)).find())
                .map(k -> k + "=" + ko.getProperty(k))
                .toList();
        assertThat(bare)
                .as("write 이(가), 을(를), 은(는), 과(와), (으)로 after {n}, so KoreanParticles picks the form")
                .isEmpty();
    }

    @Test
    void koreanParticlesAfterKnownNounsFitTheirFinalConsonant() {
        Properties ko = load("ko");
        List<String> wrong = ko.stringPropertyNames().stream()
                .sorted()
                .flatMap(k -> wrongParticles(ko.getProperty(k)).stream().map(w -> k + ": " + w))
                .toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void theParticleCheckCatchesAWrongParticleAfterAKnownNoun() {
        assertThat(wrongParticles("일본와 한국의 차이")).containsExactly("일본와");
        assertThat(wrongParticles("미국와 한국을 비교")).containsExactly("미국와");
        assertThat(wrongParticles("의견를 쓰고 국가으로 나눕니다")).containsExactlyInAnyOrder("의견를", "국가으로");
        assertThat(wrongParticles("일본과 한국의 의견을 국가로 나눕니다")).isEmpty();
        assertThat(BARE_AFTER_PLACEHOLDER.matcher("{1}와 {2}의 차이").find()).isTrue();
        assertThat(BARE_AFTER_PLACEHOLDER.matcher("{1}과(와) {2}의 차이, {0}(으)로").find())
                .isFalse();
    }

    /** A particle that changes with the final consonant, directly after a placeholder, not as a pair. */
    private static final Pattern BARE_AFTER_PLACEHOLDER = Pattern.compile("\\{\\d+}[”’\"'」』]?(으로|[이가을를은는과와로])(?!\\()");

    /** Nouns the messages use before particles; each is checked against its final consonant. */
    private static final List<String> KNOWN_NOUNS = List.of(
            "일본", "한국", "미국", "중국", "국가", "나라", "그룹", "의견", "대화", "투표", "번역", "결과", "지도", "집단", "역할", "시민", "사람", "참여자",
            "이메일", "계정", "링크", "초대", "언어", "모더레이터", "번역자", "주최자", "속성", "차원", "값");

    private static final List<KoreanParticles.Particle> BY_LENGTH = List.of(
            KoreanParticles.Particle.NAMED,
            KoreanParticles.Particle.TOWARD,
            KoreanParticles.Particle.SUBJECT,
            KoreanParticles.Particle.OBJECT,
            KoreanParticles.Particle.TOPIC,
            KoreanParticles.Particle.AND);

    /** Each known noun followed by a particle that does not fit it, as written ("일본와"). */
    static List<String> wrongParticles(String text) {
        List<String> wrong = new ArrayList<>();
        for (String noun : KNOWN_NOUNS) {
            for (int at = text.indexOf(noun); at >= 0; at = text.indexOf(noun, at + 1)) {
                String rest = text.substring(at + noun.length());
                for (KoreanParticles.Particle p : BY_LENGTH) {
                    String written = formAtStart(rest, p);
                    if (written != null) {
                        if (!written.equals(KoreanParticles.after(noun, p)) && !written.equals(p.pair())) {
                            wrong.add(noun + written);
                        }
                        break;
                    }
                }
            }
        }
        return wrong;
    }

    /** The form of {@code p} that {@code rest} starts with as a whole particle (followed by a space, mark or end). */
    private static String formAtStart(String rest, KoreanParticles.Particle p) {
        String vowel = KoreanParticles.after("가", p);
        String consonant = KoreanParticles.after("각", p);
        for (String form : List.of(p.pair(), consonant, vowel)) {
            if (rest.startsWith(form)
                    && (rest.length() == form.length() || !Character.isLetter(rest.charAt(form.length())))) {
                return form;
            }
        }
        return null;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Properties load(String lang) {
        return read(lang, new Properties());
    }

    private static Properties read(String lang, Properties p) {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
