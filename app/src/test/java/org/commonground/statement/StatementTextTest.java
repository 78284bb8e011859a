package org.commonground.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.junit.jupiter.api.Test;

class StatementTextTest {

    @Test
    void normalizesToNfcAndTrims() {
        String decomposed = "  \u304b\u3099 ";  // か + combining dakuten

        assertThat(StatementText.normalize(decomposed)).isEqualTo("\u304c");
    }

    @Test
    void rejectsBlankAndOverlongText() {
        assertThatThrownBy(() -> StatementText.normalize(" \n ")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> StatementText.normalize("あ".repeat(1001))).isInstanceOf(Invalid.class);
        assertThat(StatementText.normalize("あ".repeat(1000))).hasSize(1000);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(1000);

        assertThat(StatementText.normalize(emoji)).isEqualTo(emoji);
    }

    @Test
    void detectsLanguageFromScript() {
        assertThat(StatementText.detectLanguage("역사 교육이 중요하다")).isEqualTo(Language.KO);
        assertThat(StatementText.detectLanguage("歴史教育は大切だ")).isEqualTo(Language.JA);
        assertThat(StatementText.detectLanguage("歴史教育")).isEqualTo(Language.EN);
        assertThat(StatementText.detectLanguage("History matters")).isEqualTo(Language.EN);
    }

    @Test
    void foldsCaseWidthSpacesAndPunctuationTogether() {
        assertThat(StatementText.fold("We should  meet, more often!"))
                .isEqualTo(StatementText.fold("we should meet more often"));
        assertThat(StatementText.fold("ＡＢＣ　学生交流")).isEqualTo(StatementText.fold("abc学生交流。"));
        assertThat(StatementText.fold("meet more")).isNotEqualTo(StatementText.fold("meet less"));
    }
}
