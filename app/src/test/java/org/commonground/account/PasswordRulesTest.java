package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.problem.CommonGroundException.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** New passwords: long enough in characters, not common, not a pattern guessers try first. */
class PasswordRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "aaaaaaaaaa            | account.password.weak",
                "aaaaaaaaaaaa          | account.password.predictable",
                "ababababababab        | account.password.predictable",
                "123123123123          | account.password.predictable",
                "abcdefghijklmn        | account.password.predictable",
                "123456789012          | account.password.predictable",
                "9876543210987         | account.password.predictable",
                "qwertyuiopasdf        | account.password.predictable",
                "1qaz2wsx3edc          | account.password.predictable",
                "LKJHGFDSAPOIUY        | account.password.predictable",
                "password1234          | account.password.common",
                "Password2024!         | account.password.common",
                "iloveyou!!!!          | account.password.common",
                "2024sunshine          | account.password.common",
                "monkeymonkey1         | account.password.common",
                "dragondragon          | account.password.predictable",
            })
    void refuses(String password, String reason) {
        assertThat(PasswordRules.check(password)).map(FieldError::messageKey).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery",
                "plum orchard lantern 7",
                "Tr0ub4dor&3-sea-glass",
                "한국과 일본의 대화를 잇는 다리",
                "日本と韓国の対話をつなぐ橋です",
                "a8#Kq2!mZ0pX"
            })
    void accepts(String password) {
        assertThat(PasswordRules.check(password)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void countsCharactersNotBytesOrCodeUnits() {
        assertThat(PasswordRules.check("한국어비밀번호입니다예")).as("11 Hangul").isPresent();
        assertThat(PasswordRules.check("한국어비밀번호입니다예요")).as("12 Hangul").isEmpty();
        assertThat(PasswordRules.check("😀🎉🌸🍣🗻🎌🏯🎎🍵🐟🌊⛩"))
                .as("12 emoji, 24 UTF-16 units")
                .isEmpty();
        assertThat(PasswordRules.check("x".repeat(100) + "ab".repeat(78) + "Q"))
                .map(FieldError::messageKey)
                .contains("account.password.too-long");
    }
}
