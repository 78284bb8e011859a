package org.commonground.conversation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code (ISO/IEC 18004) of a short text, drawn on the server as SVG so an organizer can print
 * or project an invite link without any script or third-party service. Byte mode (UTF-8), error
 * correction level M (about 15 % of the symbol may be damaged), the smallest version (1–40) that
 * holds the text, and the mask with the lowest penalty score, as the standard prescribes. The
 * structure follows the standard's steps: data codewords, Reed–Solomon blocks interleaved, the
 * zigzag placement, masking, format and version information.
 */
final class QrCode {
    /** Error-correction codewords per block at level M, by version (index 0 unused). */
    private static final int[] ECC_PER_BLOCK = {
        -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28
    };

    /** Reed–Solomon blocks at level M, by version (index 0 unused). */
    private static final int[] BLOCKS = {
        -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29,
        31, 33, 35, 37, 38, 40, 43, 45, 47, 49
    };

    /** Level M's two format bits (L = 01, M = 00, Q = 11, H = 10). */
    private static final int LEVEL_M_BITS = 0;

    private final int version;
    private final int size;
    private final boolean[][] dark; // [y][x]
    private final boolean[][] function; // [y][x]: finder, timing, alignment, format and version modules

    private QrCode(int version) {
        this.version = version;
        this.size = version * 4 + 17;
        this.dark = new boolean[size][size];
        this.function = new boolean[size][size];
    }

    /** The code of {@code text} (UTF-8); refused when longer than version 40-M holds (2,331 bytes). */
    static QrCode of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int v = 1; v <= 40; v++) {
            int countBits = v <= 9 ? 8 : 16;
            if (4 + countBits + bytes.length * 8 <= dataCodewords(v) * 8) {
                QrCode code = new QrCode(v);
                code.draw(code.dataBits(bytes, countBits));
                return code;
            }
        }
        throw new IllegalArgumentException("text too long for a QR code: " + bytes.length + " bytes");
    }

    /** Modules per side (21 for version 1, 4 more per version), without the quiet zone. */
    int size() {
        return size;
    }

    int version() {
        return version;
    }

    /** Whether the module at column {@code x}, row {@code y} is dark. */
    boolean dark(int x, int y) {
        return dark[y][x];
    }

    /**
     * The code as an SVG image with the standard's quiet zone of 4 modules, one path of unit
     * squares, scaled by the page; {@code label} is its accessible name.
     */
    String svg(String label) {
        int side = size + 8;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (dark[y][x]) {
                    path.append('M').append(x + 4).append(' ').append(y + 4).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + side + " " + side
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- data

    /** Raw modules left for data and error correction once the function patterns are drawn. */
    private static int rawDataModules(int v) {
        int result = (16 * v + 128) * v + 64;
        if (v >= 2) {
            int align = v / 7 + 2;
            result -= (25 * align - 10) * align - 55;
            if (v >= 7) {
                result -= 36;
            }
        }
        return result;
    }

    private static int dataCodewords(int v) {
        return rawDataModules(v) / 8 - ECC_PER_BLOCK[v] * BLOCKS[v];
    }

    /** Mode 0100 (bytes), the count, the bytes, a terminator and the pad codewords 0xEC 0x11 … */
    private byte[] dataBits(byte[] bytes, int countBits) {
        int capacity = dataCodewords(version);
        Bits bits = new Bits();
        bits.append(0b0100, 4);
        bits.append(bytes.length, countBits);
        for (byte b : bytes) {
            bits.append(b & 0xFF, 8);
        }
        bits.append(0, Math.min(4, capacity * 8 - bits.length()));
        bits.append(0, (8 - bits.length() % 8) % 8);
        for (int pad = 0xEC; bits.length() < capacity * 8; pad ^= 0xEC ^ 0x11) {
            bits.append(pad, 8);
        }
        return bits.bytes();
    }

    /** Splits the data into blocks, adds each block's Reed–Solomon codewords and interleaves them. */
    private byte[] withErrorCorrection(byte[] data) {
        int blocks = BLOCKS[version];
        int eccLen = ECC_PER_BLOCK[version];
        int raw = rawDataModules(version) / 8;
        int shortBlocks = blocks - raw % blocks;
        int shortLen = raw / blocks;
        byte[] divisor = ReedSolomon.divisor(eccLen);
        List<byte[]> all = new ArrayList<>();
        for (int i = 0, k = 0; i < blocks; i++) {
            int dataLen = shortLen - eccLen + (i < shortBlocks ? 0 : 1);
            byte[] block = new byte[shortLen + 1];
            System.arraycopy(data, k, block, 0, dataLen);
            k += dataLen;
            byte[] ecc = ReedSolomon.remainder(block, dataLen, divisor);
            // a short block keeps one unused slot before its error correction, skipped when interleaving
            System.arraycopy(ecc, 0, block, shortLen + 1 - eccLen, eccLen);
            all.add(block);
        }
        byte[] out = new byte[raw];
        int n = 0;
        for (int i = 0; i <= shortLen; i++) {
            for (int j = 0; j < blocks; j++) {
                if (i != shortLen - eccLen || j >= shortBlocks) {
                    out[n++] = all.get(j)[i];
                }
            }
        }
        return out;
    }

    // ---- drawing

    private void draw(byte[] data) {
        drawFunctionPatterns();
        placeCodewords(withErrorCorrection(data));
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            applyMask(mask);
            drawFormat(mask);
            int penalty = penalty();
            if (penalty < lowest) {
                best = mask;
                lowest = penalty;
            }
            applyMask(mask); // XOR again: undone
        }
        applyMask(best);
        drawFormat(best);
    }

    private void set(int x, int y, boolean isDark) {
        dark[y][x] = isDark;
        function[y][x] = true;
    }

    private void drawFunctionPatterns() {
        for (int i = 0; i < size; i++) {
            set(6, i, i % 2 == 0);
            set(i, 6, i % 2 == 0);
        }
        finder(3, 3);
        finder(size - 4, 3);
        finder(3, size - 4);
        int[] align = alignmentPositions();
        int last = align.length - 1;
        for (int i = 0; i < align.length; i++) {
            for (int j = 0; j < align.length; j++) {
                boolean corner = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
                if (!corner) {
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            set(align[i] + dx, align[j] + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
                        }
                    }
                }
            }
        }
        drawFormat(0); // reserves the format modules; drawn again once the mask is chosen
        drawVersion();
    }

    /** A finder (7×7 with its light separator) centred at x, y. */
    private void finder(int x, int y) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int distance = Math.max(Math.abs(dx), Math.abs(dy));
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && xx < size && yy >= 0 && yy < size) {
                    set(xx, yy, distance != 2 && distance != 4);
                }
            }
        }
    }

    /** Centres of the alignment patterns on each axis, ascending (none for version 1). */
    private int[] alignmentPositions() {
        if (version == 1) {
            return new int[0];
        }
        int count = version / 7 + 2;
        int step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
        int[] out = new int[count];
        out[0] = 6;
        for (int i = count - 1, pos = size - 7; i >= 1; i--, pos -= step) {
            out[i] = pos;
        }
        return out;
    }

    /** The 15 format bits (level and mask, BCH-protected, XORed with 101010000010010) in both copies. */
    private void drawFormat(int mask) {
        int data = LEVEL_M_BITS << 3 | mask;
        int rem = data;
        for (int i = 0; i < 10; i++) {
            rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
        }
        int bits = (data << 10 | rem) ^ 0x5412;
        for (int i = 0; i <= 5; i++) {
            set(8, i, bit(bits, i));
        }
        set(8, 7, bit(bits, 6));
        set(8, 8, bit(bits, 7));
        set(7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) {
            set(14 - i, 8, bit(bits, i));
        }
        for (int i = 0; i < 8; i++) {
            set(size - 1 - i, 8, bit(bits, i));
        }
        for (int i = 8; i < 15; i++) {
            set(8, size - 15 + i, bit(bits, i));
        }
        set(8, size - 8, true); // the dark module, always there
    }

    /** From version 7 on: 18 version bits (Golay-protected) beside the top-right and bottom-left finders. */
    private void drawVersion() {
        if (version < 7) {
            return;
        }
        int rem = version;
        for (int i = 0; i < 12; i++) {
            rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
        }
        int bits = version << 12 | rem;
        for (int i = 0; i < 18; i++) {
            boolean b = bit(bits, i);
            int a = size - 11 + i % 3;
            int c = i / 3;
            set(a, c, b);
            set(c, a, b);
        }
    }

    /** The codewords' bits in the standard's zigzag: two-module columns from the right, up then down. */
    private void placeCodewords(byte[] codewords) {
        int i = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5; // the vertical timing pattern is skipped
            }
            for (int vert = 0; vert < size; vert++) {
                for (int j = 0; j < 2; j++) {
                    int x = right - j;
                    boolean upward = ((right + 1) & 2) == 0;
                    int y = upward ? size - 1 - vert : vert;
                    if (!function[y][x] && i < codewords.length * 8) {
                        dark[y][x] = bit(codewords[i >>> 3], 7 - (i & 7));
                        i++;
                    }
                    // modules left over (remainder bits) stay light
                }
            }
        }
    }

    private void applyMask(int mask) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean invert = switch (mask) {
                    case 0 -> (x + y) % 2 == 0;
                    case 1 -> y % 2 == 0;
                    case 2 -> x % 3 == 0;
                    case 3 -> (x + y) % 3 == 0;
                    case 4 -> (x / 3 + y / 2) % 2 == 0;
                    case 5 -> x * y % 2 + x * y % 3 == 0;
                    case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
                    default -> ((x + y) % 2 + x * y % 3) % 2 == 0;
                };
                if (invert && !function[y][x]) {
                    dark[y][x] = !dark[y][x];
                }
            }
        }
    }

    /**
     * The standard's penalty (lower scans better): runs of five or more same-coloured modules in a
     * row or column, 2×2 blocks of one colour, finder-like 1:1:3:1:1 patterns with four light
     * modules on a side, and the distance of the dark share from 50 %.
     */
    int penalty() {
        int result = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < size; a++) {
                int run = 1;
                for (int b = 1; b < size; b++) {
                    if (at(pass, a, b) == at(pass, a, b - 1)) {
                        run++;
                    } else {
                        result += run >= 5 ? run - 2 : 0;
                        run = 1;
                    }
                }
                result += run >= 5 ? run - 2 : 0;
                for (int b = 0; b + 10 < size; b++) {
                    if (finderLike(pass, a, b, true) || finderLike(pass, a, b, false)) {
                        result += 40;
                    }
                }
            }
        }
        int darkCount = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                darkCount += dark[y][x] ? 1 : 0;
                if (x + 1 < size
                        && y + 1 < size
                        && dark[y][x] == dark[y][x + 1]
                        && dark[y][x] == dark[y + 1][x]
                        && dark[y][x] == dark[y + 1][x + 1]) {
                    result += 3;
                }
            }
        }
        int total = size * size;
        int k = (Math.abs(darkCount * 20 - total * 10) + total - 1) / total - 1;
        return result + Math.max(0, k) * 10;
    }

    /** Module b of row a (pass 0) or of column a (pass 1). */
    private boolean at(int pass, int a, int b) {
        return pass == 0 ? dark[a][b] : dark[b][a];
    }

    private static final boolean[] FINDER_LIKE = {true, false, true, true, true, false, true, false, false, false, false
    };

    private boolean finderLike(int pass, int a, int b, boolean lightAfter) {
        for (int i = 0; i < 11; i++) {
            boolean expected = lightAfter ? FINDER_LIKE[i] : FINDER_LIKE[10 - i];
            if (at(pass, a, b + i) != expected) {
                return false;
            }
        }
        return true;
    }

    private static boolean bit(int value, int i) {
        return ((value >>> i) & 1) != 0;
    }

    /** A growing bit string, most significant bit first. */
    private static final class Bits {
        private final List<Boolean> bits = new ArrayList<>();

        void append(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bits.add(((value >>> i) & 1) != 0);
            }
        }

        int length() {
            return bits.size();
        }

        byte[] bytes() {
            byte[] out = new byte[bits.size() / 8];
            for (int i = 0; i < bits.size(); i++) {
                if (bits.get(i)) {
                    out[i >>> 3] |= (byte) (0x80 >>> (i & 7));
                }
            }
            return out;
        }
    }

    /** Reed–Solomon over GF(2⁸) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D). */
    private static final class ReedSolomon {
        private ReedSolomon() {}

        /** The generator polynomial of {@code degree}, leading coefficient (always 1) left out. */
        static byte[] divisor(int degree) {
            byte[] result = new byte[degree];
            result[degree - 1] = 1;
            int root = 1;
            for (int i = 0; i < degree; i++) {
                for (int j = 0; j < degree; j++) {
                    result[j] = (byte) multiply(result[j] & 0xFF, root);
                    if (j + 1 < degree) {
                        result[j] ^= result[j + 1];
                    }
                }
                root = multiply(root, 0x02);
            }
            return result;
        }

        /** The error-correction codewords of the first {@code length} bytes of {@code data}. */
        static byte[] remainder(byte[] data, int length, byte[] divisor) {
            byte[] result = new byte[divisor.length];
            for (int n = 0; n < length; n++) {
                int factor = (data[n] ^ result[0]) & 0xFF;
                System.arraycopy(result, 1, result, 0, result.length - 1);
                result[result.length - 1] = 0;
                for (int i = 0; i < result.length; i++) {
                    result[i] ^= (byte) multiply(divisor[i] & 0xFF, factor);
                }
            }
            return result;
        }

        static int multiply(int x, int y) {
            int z = 0;
            for (int i = 7; i >= 0; i--) {
                z = (z << 1) ^ ((z >>> 7) * 0x11D);
                z ^= ((y >>> i) & 1) * x;
            }
            return z;
        }
    }
}
