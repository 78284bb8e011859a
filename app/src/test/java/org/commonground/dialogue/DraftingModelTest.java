package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model's draft held to its sources, sentence by sentence; and how the operator names the model. */
class DraftingModelTest {
    @Test
    void aSentenceKeepsOnlyTheStatementsItWasGivenAndOneCitingNoneIsDropped() {
        String content = "Both countries agree on exchanges [s1]. They also value archives. [s2][s77]"
                + " Nobody disagrees about anything [s99]. Turnout was 2.5 times higher [s2].";

        DraftingModel.Draft d = DraftingModel.validate(content, Set.of(1L, 2L));

        assertThat(d.text())
                .isEqualTo("Both countries agree on exchanges [s1]. They also value archives. [s2]"
                        + " Turnout was 2.5 times higher [s2].");
        assertThat(d.cites()).containsExactly(1L, 2L);
        assertThat(d.flagged()).containsExactly(77L, 99L);
        assertThat(d.dropped()).isEqualTo(1);
    }

    @Test
    void japaneseSentencesEndAtTheirFullStop() {
        List<String> s = DraftingModel.sentences("両国は交流に賛成している[s1]。証言の保存も大切だ。[s2]根拠のない文。");

        assertThat(s).containsExactly("両国は交流に賛成している[s1]。", "証言の保存も大切だ。[s2]", "根拠のない文。");
    }

    @Test
    void theOperatorNamesAnOpenAiCompatibleServiceAndItsModel() {
        assertThat(DraftingSettings.parse(null, null).on()).isFalse();
        assertThat(DraftingSettings.parse("openai:http://localhost:8000?model=qwen2.5", "")
                        .completions()
                        .orElseThrow())
                .hasToString("http://localhost:8000/v1/chat/completions");
        assertThat(DraftingSettings.parse("openai:https://api.example.org/v1?model=m", "k")
                        .completions()
                        .orElseThrow())
                .hasToString("https://api.example.org/v1/chat/completions");
        assertThat(DraftingSettings.parse("openai:http://h:1/api/chat/completions?model=m", "")
                        .completions()
                        .orElseThrow())
                .hasToString("http://h:1/api/chat/completions");
        assertThatThrownBy(() -> DraftingSettings.parse("openai:http://localhost:8000", ""))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> DraftingSettings.parse("claude:http://x?model=m", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
