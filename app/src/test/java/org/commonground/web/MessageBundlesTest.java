package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every message exists in all three languages, and the core's messages are really translated. */
class MessageBundlesTest {
    private static final List<String> CORE_PREFIXES = List.of("account.", "conversation.", "invite.", "input.", "member.",
            "statement.duplicate", "problem.enum-value", "problem.invalid-text", "problem.token-", "problem.member-",
            "problem.invite-");

    static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/messages_" + lang + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void allThreeBundlesHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(bundle("en").stringPropertyNames());

        assertThat(new TreeSet<>(bundle("ja").stringPropertyNames())).isEqualTo(en);
        assertThat(new TreeSet<>(bundle("ko").stringPropertyNames())).isEqualTo(en);
    }

    @Test
    void coreMessagesAreWrittenInJapaneseAndKorean() throws IOException {
        Properties ja = bundle("ja");
        Properties ko = bundle("ko");

        for (String key : bundle("en").stringPropertyNames()) {
            if (CORE_PREFIXES.stream().anyMatch(key::startsWith)) {
                assertThat(ja.getProperty(key)).as(key).matches("(?s).*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
                assertThat(ko.getProperty(key)).as(key).matches("(?s).*\\p{IsHangul}.*");
            }
        }
    }
}
