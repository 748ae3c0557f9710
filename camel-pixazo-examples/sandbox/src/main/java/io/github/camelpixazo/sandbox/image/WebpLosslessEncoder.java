package io.github.camelpixazo.sandbox.image;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A minimal WebP lossless (VP8L) encoder, because the JDK has no WebP writer and the sandbox may not
 * pull in native or third-party image libraries.
 *
 * <p>Deliberately simple: no transforms, no color cache, one prefix-code group for the whole image.
 * Its only compression is LZ77 copies of the pixel to the left and of the row above, which is what the
 * sandbox's pictures (flat rows, blocky bitmap text) consist of. Output is valid, exact (lossless) WebP.
 */
public final class WebpLosslessEncoder {

    private static final int MAX_DIMENSION = 16384;
    private static final int SIGNATURE = 0x2F;
    private static final int MIN_CHUNK_BYTES = 16;
    private static final int MIN_COPY_LENGTH = 3;
    private static final int MAX_COPY_LENGTH = 4096;
    private static final int LENGTH_PREFIX_CODES = 24;
    private static final int DISTANCE_PREFIX_CODES = 40;
    // VP8L "plane codes": 1 is the pixel above, 2 the pixel to the left (see the spec's distance map)
    private static final int PLANE_CODE_ABOVE = 1;
    private static final int PLANE_CODE_LEFT = 2;

    private WebpLosslessEncoder() {
    }

    /**
     * @param argb     pixels row by row, 0xAARRGGBB
     * @param hasAlpha false to treat every pixel as opaque whatever its top byte holds
     * @return a complete {@code RIFF/WEBP/VP8L} file
     */
    public static byte[] encode(int[] argb, int width, int height, boolean hasAlpha) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("WebP lossless supports 1.." + MAX_DIMENSION + " pixels per side, got "
                    + width + "x" + height);
        }
        int pixelCount = width * height;
        if (argb.length < pixelCount) {
            throw new IllegalArgumentException("pixel array too short for " + width + "x" + height);
        }
        int[] pixels = new int[pixelCount];
        int opaque = hasAlpha ? 0 : 0xFF000000;
        for (int i = 0; i < pixelCount; i++) {
            pixels[i] = argb[i] | opaque;
        }
        Tokens tokens = Tokens.of(pixels, width);
        PrefixCode[] codes = tokens.prefixCodes();

        LsbBitWriter out = new LsbBitWriter(pixelCount / 4);
        out.write(SIGNATURE, 8);
        out.write(width - 1, 14);
        out.write(height - 1, 14);
        out.write(hasAlpha ? 1 : 0, 1);
        out.write(0, 3); // version
        out.write(0, 1); // no transform
        out.write(0, 1); // no color cache
        out.write(0, 1); // a single prefix-code group (no meta prefix codes)
        for (PrefixCode code : codes) {
            code.writeDescription(out);
        }
        tokens.write(out, codes);
        return riffContainer(out.toByteArray());
    }

    private static byte[] riffContainer(byte[] bitstream) {
        // Some decoders (TwelveMonkeys 3.12) read ahead 8 bytes at a time and fail on a VP8L chunk shorter
        // than that (a 1x1 image); zero bytes after the last code are never read as pixels.
        byte[] vp8l = bitstream.length >= MIN_CHUNK_BYTES ? bitstream : Arrays.copyOf(bitstream, MIN_CHUNK_BYTES);
        int padding = vp8l.length & 1;
        ByteArrayOutputStream file = new ByteArrayOutputStream(vp8l.length + 21);
        file.writeBytes(new byte[] {'R', 'I', 'F', 'F'});
        writeLe32(file, 4 + 8 + vp8l.length + padding);
        file.writeBytes(new byte[] {'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'});
        writeLe32(file, vp8l.length);
        file.writeBytes(vp8l);
        if (padding == 1) {
            file.write(0);
        }
        return file.toByteArray();
    }

    private static void writeLe32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    /** VP8L's prefix coding of lengths and distances: a symbol plus extra bits, for values from 1. */
    static int prefixSymbol(int value) {
        int d = value - 1;
        if (d < 4) {
            return d;
        }
        int highBit = 31 - Integer.numberOfLeadingZeros(d);
        return 2 * highBit + ((d >> (highBit - 1)) & 1);
    }

    static int extraBitCount(int symbol) {
        return symbol < 4 ? 0 : (symbol - 2) >> 1;
    }

    static int extraBits(int value) {
        int d = value - 1;
        return d & ((1 << extraBitCount(prefixSymbol(value))) - 1);
    }

    /** The image as a sequence of literal pixels and copies, plus the symbol histograms they produce. */
    private static final class Tokens {
        // copyLength[i] == 0: literal pixel value[i]; otherwise a copy of copyLength[i] pixels, value[i] = plane code
        private int[] copyLength;
        private int[] value;
        private int size;
        private final int[] green = new int[256 + LENGTH_PREFIX_CODES];
        private final int[] red = new int[256];
        private final int[] blue = new int[256];
        private final int[] alpha = new int[256];
        private final int[] distance = new int[DISTANCE_PREFIX_CODES];

        private Tokens(int capacity) {
            copyLength = new int[capacity];
            value = new int[capacity];
        }

        static Tokens of(int[] pixels, int width) {
            Tokens tokens = new Tokens(Math.max(16, pixels.length / 16));
            int i = 0;
            while (i < pixels.length) {
                int best = 0;
                int planeCode = 0;
                if (i >= width) {
                    int length = matchLength(pixels, i, i - width);
                    if (length > best) {
                        best = length;
                        planeCode = PLANE_CODE_ABOVE;
                    }
                }
                if (i >= 1) {
                    int length = matchLength(pixels, i, i - 1);
                    if (length > best) {
                        best = length;
                        planeCode = PLANE_CODE_LEFT;
                    }
                }
                if (best >= MIN_COPY_LENGTH) {
                    tokens.addCopy(best, planeCode);
                    i += best;
                } else {
                    tokens.addLiteral(pixels[i]);
                    i++;
                }
            }
            return tokens;
        }

        private static int matchLength(int[] pixels, int at, int from) {
            int max = Math.min(MAX_COPY_LENGTH, pixels.length - at);
            int length = 0;
            while (length < max && pixels[at + length] == pixels[from + length]) {
                length++;
            }
            return length;
        }

        private void addLiteral(int argb) {
            add(0, argb);
            green[(argb >>> 8) & 0xFF]++;
            red[(argb >>> 16) & 0xFF]++;
            blue[argb & 0xFF]++;
            alpha[argb >>> 24]++;
        }

        private void addCopy(int length, int planeCode) {
            add(length, planeCode);
            green[256 + prefixSymbol(length)]++;
            distance[prefixSymbol(planeCode)]++;
        }

        private void add(int length, int v) {
            if (size == value.length) {
                copyLength = Arrays.copyOf(copyLength, size * 2);
                value = Arrays.copyOf(value, size * 2);
            }
            copyLength[size] = length;
            value[size] = v;
            size++;
        }

        /** In bitstream order: green (+ lengths), red, blue, alpha, distance. */
        PrefixCode[] prefixCodes() {
            return new PrefixCode[] {
                PrefixCode.fromHistogram(green), PrefixCode.fromHistogram(red), PrefixCode.fromHistogram(blue),
                PrefixCode.fromHistogram(alpha), PrefixCode.fromHistogram(distance)
            };
        }

        void write(LsbBitWriter out, PrefixCode[] codes) {
            PrefixCode greenCode = codes[0];
            PrefixCode redCode = codes[1];
            PrefixCode blueCode = codes[2];
            PrefixCode alphaCode = codes[3];
            PrefixCode distanceCode = codes[4];
            for (int t = 0; t < size; t++) {
                int length = copyLength[t];
                int v = value[t];
                if (length == 0) {
                    greenCode.writeSymbol(out, (v >>> 8) & 0xFF);
                    redCode.writeSymbol(out, (v >>> 16) & 0xFF);
                    blueCode.writeSymbol(out, v & 0xFF);
                    alphaCode.writeSymbol(out, v >>> 24);
                } else {
                    int lengthSymbol = prefixSymbol(length);
                    greenCode.writeSymbol(out, 256 + lengthSymbol);
                    out.write(extraBits(length), extraBitCount(lengthSymbol));
                    int distanceSymbol = prefixSymbol(v);
                    distanceCode.writeSymbol(out, distanceSymbol);
                    out.write(extraBits(v), extraBitCount(distanceSymbol));
                }
            }
        }
    }
}
