package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.testing.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --llm} on serve (and demo): the model that drafts document sections, off unless named, refused when malformed. */
class LlmOptionTest {

    @Test
    void serveReadsTheModelIntoItsSettings() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--llm", "openai:http://127.0.0.1:8000?model=qwen2.5");

        var drafting = serve.config().drafting();

        assertThat(drafting.on()).isTrue();
        assertThat(drafting.model()).isEqualTo("qwen2.5");
        assertThat(drafting.completions().orElseThrow()).hasToString("http://127.0.0.1:8000/v1/chat/completions");
    }

    @Test
    void withoutTheOptionDraftingIsOff() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();

        assertThat(serve.config().drafting().on()).isEqualTo(System.getenv("COMMONGROUND_LLM") != null);
    }

    @Test
    void aMalformedModelStopsTheServerBeforeItStarts() {
        Cli.Run run = Cli.run("serve", "--port", "0", "--llm", "openai:http://127.0.0.1:8000");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("model");
        assertThat(run.out()).doesNotContain("listening");
    }
}
