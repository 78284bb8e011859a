package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.testing.Cli;
import org.commonground.web.TrustedProxies;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --machine-translation} on serve and demo: read into the one settings record, refused when malformed. */
class MachineTranslationOptionTest {

    @Test
    void serveAndDemoReadTheServiceIntoTheirSettings() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--machine-translation", "deepl:https://api-free.deepl.com");
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo)
                .parseArgs("--machine-translation", "openai:http://127.0.0.1:8000/v1?model=qwen2.5&rate=2");

        assertThat(serve.config().machineTranslation().serviceName()).isEqualTo("DeepL");
        assertThat(demo.config().machineTranslation().model()).isEqualTo("qwen2.5");
        assertThat(demo.config().machineTranslation().requestsPerSecond()).isEqualTo(2);
    }

    @Test
    void theServiceTravelsWithTheNetworkSettings() {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo)
                .parseArgs(
                        "--machine-translation",
                        "libretranslate:http://127.0.0.1:5000",
                        "--trusted-proxies",
                        "1",
                        "--host",
                        "127.0.0.2");

        var config = demo.config();

        assertThat(config.machineTranslation().serviceName()).isEqualTo("LibreTranslate");
        assertThat(config.network().host()).isEqualTo("127.0.0.2");
        assertThat(config.trustedProxies()).isEqualTo(new TrustedProxies.Hops(1));
    }

    @Test
    void withoutTheOptionMachineTranslationIsOff() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();

        assertThat(serve.config().machineTranslation().on())
                .isEqualTo(System.getenv("COMMONGROUND_MACHINE_TRANSLATION") != null);
    }

    @Test
    void aMalformedServiceStopsTheServerBeforeItStarts() {
        Cli.Run run = Cli.run("serve", "--port", "0", "--machine-translation", "google:https://translate.example");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("libretranslate, openai or deepl");
        assertThat(run.out()).doesNotContain("listening");
    }
}
