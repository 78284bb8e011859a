package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.testing.Tool;
import org.junit.jupiter.api.Test;

/**
 * Our QR encoder read back by an independent decoder: jsQR (npm, the reader many web scanners
 * use), given the SVG's modules rendered as pixels, must return the exact text, for lengths that
 * need versions 1 to 10 (one to five blocks, with and without version information).
 */
class QrCodeTest {
    static final String JSQR = "jsqr@1.4.0";

    @Test
    void anIndependentDecoderReadsBackInviteLinksOfEveryLength() throws IOException {
        Path dir = Tool.npmLibrary("jsqr", JSQR, "jsqr").getParent().getParent();
        String base = "https://dialogue.example.org/c/12?invite=";
        List<String> texts = List.of(
                "A",
                "https://cg.example/c/1",
                base + "Kx3mP0aQ",
                base + "Kx3mP0aQ-7rYtL2bW9cN4dF6hJ1",
                base + "0123456789abcdefghijABCDEFGHIJ0123456789abcdefghij",
                "招待リンク 초대 링크 " + base + "0123456789abcdefghijABCDEFGHIJ0123456789abcdefghijABCDEFGHIJ0123456789");
        for (String text : texts) {
            QrCode code = QrCode.of(text);
            boolean[][] modules = modulesOf(code.svg("QR"));
            assertThat(modules.length).isEqualTo(code.size() + 8);

            Path image = dir.resolve("code-" + code.version() + ".rgba");
            int scale = 4;
            Files.write(image, rgba(modules, scale));
            Tool.Run run =
                    Tool.run(dir, List.of("node", "-e", """
                            const jsQR = require('jsqr');
                            const fs = require('fs');
                            const side = %d;
                            const code = jsQR(new Uint8ClampedArray(fs.readFileSync(process.argv[1])), side, side);
                            process.stdout.write(code ? code.data : '<no code found>');""".formatted(modules.length * scale), image.toString()));

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).as("version " + code.version()).isEqualTo(text);
        }
        assertThat(QrCode.of(texts.getLast()).version()).isGreaterThanOrEqualTo(7); // version information drawn
    }

    @Test
    void theSmallestVersionThatHoldsTheTextIsChosen() {
        assertThat(QrCode.of("A").version()).isEqualTo(1);
        assertThat(QrCode.of("x".repeat(14)).version()).isEqualTo(1); // 1-M: 14 bytes
        assertThat(QrCode.of("x".repeat(15)).version()).isEqualTo(2);
        assertThat(QrCode.of("x".repeat(2331)).version()).isEqualTo(40);
        assertThatThrownBy(() -> QrCode.of("x".repeat(2332))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSvgNamesItselfAndEscapesTheName() {
        String svg = QrCode.of("https://cg.example/c/1?invite=abc").svg("QR \"Busan\" <schools>");

        assertThat(svg)
                .startsWith("<svg ")
                .contains("role=\"img\"", "aria-label=\"QR &quot;Busan&quot; &lt;schools&gt;\"");
    }

    /** The dark squares of the SVG's path, with the quiet zone, as rows of modules. */
    static boolean[][] modulesOf(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int side = Integer.parseInt(box.group(1));
        boolean[][] out = new boolean[side][side];
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            out[Integer.parseInt(square.group(2))][Integer.parseInt(square.group(1))] = true;
        }
        return out;
    }

    private static byte[] rgba(boolean[][] modules, int scale) {
        int side = modules.length * scale;
        byte[] out = new byte[side * side * 4];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                byte v = modules[y / scale][x / scale] ? 0 : (byte) 255;
                int i = (y * side + x) * 4;
                out[i] = v;
                out[i + 1] = v;
                out[i + 2] = v;
                out[i + 3] = (byte) 255;
            }
        }
        return out;
    }
}
