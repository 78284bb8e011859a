package org.commonground.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.junit.jupiter.api.Test;

class StatementTextTest {

    @Test
    void normalizesToNfcAndTrims() {
        String decomposed = "  \u304b\u3099 "; // か + combining dakuten

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

    @Test
    void foldsCyrillicAndGreekLookalikesOntoTheLatinText() {
        String latin = StatementText.fold("Japan should apologize again");
        String cyrillic = StatementText.fold("J\u0430p\u0430n sh\u043euld \u0430p\u043el\u043egize \u0430g\u0430in");
        String greek = StatementText.fold("Jap\u03b1n sh\u03bfuld ap\u03bflogize ag\u03b1in");

        assertThat(cyrillic).isEqualTo(latin);
        assertThat(greek).isEqualTo(latin);
    }

    @Test
    void foldKeepsJapaneseVoicingMarksAndKoreanSyllablesApart() {
        assertThat(StatementText.fold("ぱん")).isNotEqualTo(StatementText.fold("はん"));
        assertThat(StatementText.fold("がか")).isNotEqualTo(StatementText.fold("かか"));
        assertThat(StatementText.fold("일본과 한국")).isNotEqualTo(StatementText.fold("일본과 한극"));
        assertThat(StatementText.fold("Ｉｌｌｅｇａｌ")).isEqualTo(StatementText.fold("illegal"));
    }

    @Test
    void stripsBidiControlsSoNoOverrideReachesAPage() {
        String override = "\u202EJapan and Korea should cooperate\u202C";
        String isolates = "\u2067\u200F\u061C日韓\u2069\u200E";

        assertThat(StatementText.normalize(override)).isEqualTo("Japan and Korea should cooperate");
        assertThat(StatementText.normalize(isolates)).isEqualTo("日韓");
        assertThatThrownBy(() -> StatementText.normalize("\u202E\u202D\u2066")).isInstanceOf(Invalid.class);
    }
}
