package io.github.camelpixazo.sandbox.image;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One canonical, length-limited Huffman ("prefix") code of the WebP lossless format: built from a symbol
 * histogram, it writes its own description into the bitstream and then the codes of the symbols.
 *
 * <p>Codes with at most two symbols below 256 use the format's "simple" form; everything else uses the
 * "normal" form with all code lengths spelled out literally (no run-length repeat codes, which only
 * save a few bytes of header). A normal code is always given at least two symbols, because decoders
 * disagree on how a single-symbol normal code is read.
 */
final class PrefixCode {

    static final int MAX_CODE_LENGTH = 15;
    private static final int MAX_CODE_LENGTH_CODE_LENGTH = 7;
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private final int[] lengths;
    private final int[] reversedCodes;
    private final int[] simpleSymbols; // null for a normal code

    private PrefixCode(int[] lengths, int[] reversedCodes, int[] simpleSymbols) {
        this.lengths = lengths;
        this.reversedCodes = reversedCodes;
        this.simpleSymbols = simpleSymbols;
    }

    static PrefixCode fromHistogram(int[] histogram) {
        int alphabetSize = histogram.length;
        List<Integer> used = new ArrayList<>();
        for (int symbol = 0; symbol < alphabetSize; symbol++) {
            if (histogram[symbol] > 0) {
                used.add(symbol);
            }
        }
        if (used.isEmpty()) {
            used.add(0);
        }
        if (used.size() <= 2 && used.get(used.size() - 1) < 256) {
            return simple(used, alphabetSize);
        }
        int[] lengths = huffmanLengths(histogram, MAX_CODE_LENGTH);
        return new PrefixCode(lengths, canonicalReversedCodes(lengths), null);
    }

    /** Writes the code description as the decoder expects it before the data that uses the code. */
    void writeDescription(LsbBitWriter out) {
        if (simpleSymbols != null) {
            out.write(1, 1); // simple code
            out.write(simpleSymbols.length - 1, 1);
            int first = simpleSymbols[0];
            if (first < 2) {
                out.write(0, 1);
                out.write(first, 1);
            } else {
                out.write(1, 1);
                out.write(first, 8);
            }
            if (simpleSymbols.length == 2) {
                out.write(simpleSymbols[1], 8);
            }
            return;
        }
        out.write(0, 1); // normal code
        int[] lengthHistogram = new int[CODE_LENGTH_ORDER.length];
        for (int length : lengths) {
            lengthHistogram[length]++;
        }
        int[] lengthCodeLengths = huffmanLengths(lengthHistogram, MAX_CODE_LENGTH_CODE_LENGTH);
        int[] lengthCodes = canonicalReversedCodes(lengthCodeLengths);
        out.write(CODE_LENGTH_ORDER.length - 4, 4);
        for (int symbol : CODE_LENGTH_ORDER) {
            out.write(lengthCodeLengths[symbol], 3);
        }
        out.write(0, 1); // all symbols of the alphabet follow (no max_symbol)
        for (int length : lengths) {
            out.write(lengthCodes[length], lengthCodeLengths[length]);
        }
    }

    void writeSymbol(LsbBitWriter out, int symbol) {
        out.write(reversedCodes[symbol], lengths[symbol]);
    }

    private static PrefixCode simple(List<Integer> symbols, int alphabetSize) {
        int[] lengths = new int[alphabetSize];
        int[] codes = new int[alphabetSize];
        if (symbols.size() == 2) {
            // both get length 1; canonically the smaller symbol is 0, the larger 1
            lengths[symbols.get(0)] = 1;
            lengths[symbols.get(1)] = 1;
            codes[symbols.get(1)] = 1;
        } // a single symbol costs zero bits
        return new PrefixCode(lengths, codes, symbols.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Huffman code lengths limited to {@code maxLength}: when the tree is too deep the counts are halved
     * (keeping used symbols used) and the tree rebuilt, which flattens it. Always yields at least two
     * symbols so the code is complete.
     */
    static int[] huffmanLengths(int[] histogram, int maxLength) {
        long[] weights = new long[histogram.length];
        int usedCount = 0;
        for (int i = 0; i < histogram.length; i++) {
            weights[i] = histogram[i];
            if (weights[i] > 0) {
                usedCount++;
            }
        }
        for (int i = 0; usedCount < 2 && i < weights.length; i++) {
            if (weights[i] == 0) {
                weights[i] = 1;
                usedCount++;
            }
        }
        while (true) {
            int[] lengths = unlimitedHuffmanLengths(weights);
            int deepest = 0;
            for (int length : lengths) {
                deepest = Math.max(deepest, length);
            }
            if (deepest <= maxLength) {
                return lengths;
            }
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    weights[i] = Math.max(1, weights[i] >> 1);
                }
            }
        }
    }

    private static int[] unlimitedHuffmanLengths(long[] weights) {
        int symbols = weights.length;
        long[] nodeWeight = new long[2 * symbols];
        int[] parent = new int[2 * symbols];
        // ties broken by node index so the result is deterministic
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> nodeWeight[a] != nodeWeight[b]
                ? Long.compare(nodeWeight[a], nodeWeight[b]) : Integer.compare(a, b));
        for (int i = 0; i < symbols; i++) {
            if (weights[i] > 0) {
                nodeWeight[i] = weights[i];
                queue.add(i);
            }
        }
        int next = symbols;
        while (queue.size() > 1) {
            int a = queue.poll();
            int b = queue.poll();
            nodeWeight[next] = nodeWeight[a] + nodeWeight[b];
            parent[a] = next;
            parent[b] = next;
            queue.add(next++);
        }
        int root = next - 1;
        int[] lengths = new int[symbols];
        for (int i = 0; i < symbols; i++) {
            if (weights[i] > 0) {
                int depth = 0;
                for (int node = i; node != root; node = parent[node]) {
                    depth++;
                }
                lengths[i] = depth;
            }
        }
        return lengths;
    }

    /** Canonical codes as in DEFLATE, bit-reversed because the bitstream is read LSB first. */
    private static int[] canonicalReversedCodes(int[] lengths) {
        int maxLength = 0;
        for (int length : lengths) {
            maxLength = Math.max(maxLength, length);
        }
        int[] countPerLength = new int[maxLength + 1];
        for (int length : lengths) {
            if (length > 0) {
                countPerLength[length]++;
            }
        }
        int[] nextCode = new int[maxLength + 1];
        int code = 0;
        for (int bits = 1; bits <= maxLength; bits++) {
            code = (code + countPerLength[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int symbol = 0; symbol < lengths.length; symbol++) {
            int length = lengths[symbol];
            if (length > 0) {
                codes[symbol] = Integer.reverse(nextCode[length]++) >>> (32 - length);
            }
        }
        return codes;
    }
}
