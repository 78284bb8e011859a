package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.web.KoreanParticles.Particle;
import org.junit.jupiter.api.Test;

/** Particles follow the final sound of the word before them, read as Koreans read it. */
class KoreanParticlesTest {
    @Test
    void hangulWordsTakeTheFormOfTheirFinalConsonant() {
        assertThat(KoreanParticles.after("일본", Particle.AND)).isEqualTo("과");
        assertThat(KoreanParticles.after("캐나다", Particle.AND)).isEqualTo("와");
        assertThat(KoreanParticles.after("미국", Particle.SUBJECT)).isEqualTo("이");
        assertThat(KoreanParticles.after("한국어", Particle.SUBJECT)).isEqualTo("가");
        assertThat(KoreanParticles.after("정부", Particle.OBJECT)).isEqualTo("를");
        assertThat(KoreanParticles.after("의견", Particle.OBJECT)).isEqualTo("을");
        assertThat(KoreanParticles.after("산업계", Particle.TOPIC)).isEqualTo("는");
        assertThat(KoreanParticles.after("시민", Particle.TOPIC)).isEqualTo("은");
    }

    @Test
    void rieulTakesRoNotEuro() {
        assertThat(KoreanParticles.after("서울", Particle.TOWARD)).isEqualTo("로");
        assertThat(KoreanParticles.after("서울", Particle.SUBJECT)).isEqualTo("이");
        assertThat(KoreanParticles.after("일본", Particle.TOWARD)).isEqualTo("으로");
        assertThat(KoreanParticles.after("한국어", Particle.TOWARD)).isEqualTo("로");
    }

    @Test
    void numbersArereadInSinoKorean() {
        assertThat(KoreanParticles.after("3", Particle.SUBJECT)).as("삼").isEqualTo("이");
        assertThat(KoreanParticles.after("2", Particle.SUBJECT)).as("이").isEqualTo("가");
        assertThat(KoreanParticles.after("7", Particle.TOWARD)).as("칠").isEqualTo("로");
        assertThat(KoreanParticles.after("6", Particle.TOWARD)).as("육").isEqualTo("으로");
        assertThat(KoreanParticles.after("10", Particle.SUBJECT)).as("십").isEqualTo("이");
        assertThat(KoreanParticles.after("1,000", Particle.AND)).as("천").isEqualTo("과");
        assertThat(KoreanParticles.after("0", Particle.SUBJECT)).as("영").isEqualTo("이");
        assertThat(KoreanParticles.after("62%", Particle.SUBJECT)).as("퍼센트").isEqualTo("가");
        assertThat(KoreanParticles.after("12%p", Particle.SUBJECT)).as("퍼센트포인트").isEqualTo("가");
    }

    @Test
    void acronymsAreReadByTheirLettersAndOtherWordsKeepTheSafePair() {
        assertThat(KoreanParticles.after("EU", Particle.SUBJECT)).as("이유").isEqualTo("가");
        assertThat(KoreanParticles.after("UN", Particle.SUBJECT)).as("유엔").isEqualTo("이");
        assertThat(KoreanParticles.after("URL", Particle.TOWARD)).as("유알엘").isEqualTo("로");
        assertThat(KoreanParticles.after("industry", Particle.SUBJECT)).isEqualTo("이(가)");
        assertThat(KoreanParticles.after("日本", Particle.AND)).isEqualTo("과(와)");
        assertThat(KoreanParticles.after("", Particle.TOWARD)).isEqualTo("(으)로");
    }

    @Test
    void closingQuotesAndBracketsAreLookedPast() {
        assertThat(KoreanParticles.after("“독도”", Particle.OBJECT)).isEqualTo("를");
        assertThat(KoreanParticles.after("한국”", Particle.TOPIC)).isEqualTo("은");
    }

    @Test
    void messagesPickTheFormForTheArgumentShown() {
        Messages messages = new Messages();

        String japanKorea = messages.get(Language.KO, "report.divide.note", "12%p", "일본", "한국", "5%", "19%");
        String usJapan = messages.get(Language.KO, "report.divide.note", "12%p", "미국", "일본", "5%", "19%");
        String canada = messages.get(Language.KO, "report.divide.note", "12%p", "캐나다", "일본", "5%", "19%");

        assertThat(japanKorea).startsWith("일본과 한국의 동의율 차이는 12%p입니다");
        assertThat(usJapan).startsWith("미국과 일본의");
        assertThat(canada).startsWith("캐나다와 일본의");
        assertThat(messages.get(Language.KO, "my-votes.change-to", "동의")).isEqualTo("동의로 바꾸기");
        assertThat(messages.get(Language.KO, "my-votes.change-to", "반대")).isEqualTo("반대로 바꾸기");
        assertThat(messages.get(Language.KO, "conversation.transition.illegal", "공개", "종료"))
                .isEqualTo("대화 상태를 공개에서 종료로 바꿀 수 없습니다.");
    }

    @Test
    void otherLanguagesAreLeftAlone() {
        assertThat(new Messages().get(Language.JA, "report.divide.note", "12ポイント", "日本", "韓国", "5%", "19%"))
                .startsWith("日本と韓国の賛成率の差は12ポイントです");
    }
}
