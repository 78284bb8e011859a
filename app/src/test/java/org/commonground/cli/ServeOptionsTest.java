package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.commonground.web.AbuseLimits;
import org.commonground.web.TrustedProxies;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The network and limits options of serve and demo: proxies trusted only when named, the demo on this machine only. */
class ServeOptionsTest {

    @Test
    void noProxyIsTrustedUnlessNamed() {
        ServeCommand serve = parse(new ServeCommand());

        assertThat(serve.trustedProxies).isEqualTo(new TrustedProxies.None());
        assertThat(serve.metricsToken).isNull();
    }

    @Test
    void trustedProxiesAreACountOrNetworks() {
        assertThat(parse(new ServeCommand(), "--trusted-proxies", "2").trustedProxies)
                .isEqualTo(new TrustedProxies.Hops(2));
        assertThat(parse(new ServeCommand(), "--trusted-proxies", "10.0.0.0/8,::1").trustedProxies)
                .isInstanceOf(TrustedProxies.Networks.class);
    }

    @Test
    void aMalformedProxyListIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> parse(new ServeCommand(), "--trusted-proxies", "proxy.example"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--trusted-proxies")
                .hasMessageContaining("proxy.example");
    }

    @Test
    void limitsChangeTheNamedQuotasAndKeepTheOtherDefaults() {
        AbuseLimits limits = parse(new ServeCommand(), "--limits", "joins=5/30s,votes=off").limits;

        assertThat(limits.joinsPerAddress()).isEqualTo(new AbuseLimits.Quota(5, Duration.ofSeconds(30)));
        assertThat(limits.votesPerParticipant().unlimited()).isTrue();
        assertThat(limits.statementsPerParticipant())
                .isEqualTo(AbuseLimits.defaults().statementsPerParticipant());
        assertThat(parse(new ServeCommand()).limits).isEqualTo(AbuseLimits.defaults());
    }

    @Test
    void malformedLimitsAreRefusedNamingTheOptionBeforeAnythingStarts() {
        assertThatThrownBy(() -> parse(new ServeCommand(), "--limits", "votes=many"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--limits")
                .hasMessageContaining("many");
        assertThatThrownBy(() -> parse(new ServeCommand(), "--limits", "jions=5/1m"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("jions");
    }

    @Test
    void serveListensOnEveryInterfaceAndTheDemoOnThisMachineUnlessToldOtherwise() {
        assertThat(new ServeCommand().defaultHost()).isEqualTo("0.0.0.0");
        assertThat(new DemoCommand().defaultHost()).isEqualTo("127.0.0.1");
        assertThat(parse(new DemoCommand(), "--host", "0.0.0.0").host).isEqualTo("0.0.0.0");
    }

    @Test
    void mailIsOffUnlessAnSmtpServerAndASenderAreNamed() {
        assertThat(parse(new ServeCommand()).config().mail().on()).isFalse();

        var mail = parse(
                        new ServeCommand(),
                        "--smtp-url",
                        "smtp://mailer:secret@127.0.0.1:2525",
                        "--mail-from",
                        "noreply@dialogue.example",
                        "--data-dir",
                        "/tmp/cg-serve-options",
                        "--public-url",
                        "https://dialogue.example/")
                .config()
                .mail();

        assertThat(mail.on()).isTrue();
        assertThat(mail.port()).isEqualTo(2525);
        assertThat(mail.from()).isEqualTo("noreply@dialogue.example");
        assertThat(mail.publicUrl()).isEqualTo("https://dialogue.example");
        assertThat(mail.addressKeyFile())
                .as("the embedded database's data directory keeps the address key")
                .isEqualTo(java.nio.file.Path.of("/tmp/cg-serve-options", "mail.key"));
    }

    @Test
    void anSmtpUrlWithoutASenderOrOfAnotherSchemeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> parse(new ServeCommand(), "--smtp-url", "smtp://127.0.0.1:25")
                        .config())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--mail-from");
        assertThatThrownBy(() -> parse(new ServeCommand(), "--smtp-url", "imap://127.0.0.1", "--mail-from", "a@b.c")
                        .config())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--smtp-url");
    }

    private static <T extends ServeCommand> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
