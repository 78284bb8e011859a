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
                    assertThat(before).as("messages_%s.properties defines %s twice", lang, key).isNull();
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
            assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()).toList())
                    .as("empty messages in " + lang).isEmpty();
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
            assertThat(untranslated).as("messages in " + lang + " identical to English").isEmpty();
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

        assertThat(TemplateText.literals(template)).containsExactlyInAnyOrder("Welcome back", "alt=A picture",
                "placeholder=Type here");
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
