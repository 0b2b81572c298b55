package org.entropyworkbench.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded ways of breaking a valid input file, for the reader fuzz pass: truncation, byte flips,
 * huge lines, deep nesting, wrong value types, dropped or repeated lines, binary garbage.
 *
 * <p>Pure function of (input, kind, random); not thread-safe only through the Random passed in.
 */
public final class FuzzMutator {

    /** The kinds of damage, applied one per fuzz case in turn. */
    public enum Mutation {
        TRUNCATE, BYTE_FLIPS, HUGE_LINE, DEEP_NESTING, WRONG_TYPES, DROP_OR_REPEAT_LINE, GARBAGE
    }

    /** Size of an inserted huge line: big enough to hurt a reader that buffers naively, small enough for -Xmx1g. */
    static final int HUGE_LINE_MIN = 2 * 1024 * 1024;
    static final int HUGE_LINE_MAX = 6 * 1024 * 1024;

    private static final Pattern SCALAR = Pattern.compile("\"([A-Za-z0-9_]+)\"\\s*:\\s*(-?[0-9][0-9.eE+-]*|\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null)");
    private static final String[] WRONG_VALUES = {
        "\"abc\"", "{}", "[]", "[\"x\",1]", "123", "-1", "null", "true", "1e400", "-1e400", "\"\"", "{\"a\":{\"b\":[]}}",
        "99999999999999999999999", "0.5", "\"NaN\"",
    };

    private FuzzMutator() {
    }

    public static byte[] mutate(byte[] input, Mutation mutation, Random random) {
        switch (mutation) {
            case TRUNCATE:
                return truncate(input, random);
            case BYTE_FLIPS:
                return flipBytes(input, random);
            case HUGE_LINE:
                return insertLine(input, hugeLine(random), random);
            case DEEP_NESTING:
                return insertLine(input, deepNesting(random), random);
            case WRONG_TYPES:
                return wrongTypes(input, random);
            case DROP_OR_REPEAT_LINE:
                return dropOrRepeatLine(input, random);
            case GARBAGE:
            default:
                return garbage(input, random);
        }
    }

    private static byte[] truncate(byte[] input, Random random) {
        int cut = input.length == 0 ? 0 : random.nextInt(input.length);
        byte[] out = new byte[cut];
        System.arraycopy(input, 0, out, 0, cut);
        return out;
    }

    private static byte[] flipBytes(byte[] input, Random random) {
        byte[] out = input.clone();
        if (out.length == 0) {
            return out;
        }
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(out.length);
            out[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (out[at] ^ (1 << random.nextInt(8)));
        }
        return out;
    }

    private static byte[] hugeLine(Random random) {
        int size = HUGE_LINE_MIN + random.nextInt(HUGE_LINE_MAX - HUGE_LINE_MIN);
        StringBuilder sb = new StringBuilder(size + 64);
        switch (random.nextInt(3)) {
            case 0:
                sb.append("{\"type\":\"step\",\"q\":\"");
                while (sb.length() < size) {
                    sb.append("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
                }
                sb.append("\",\"step\":1}");
                break;
            case 1:
                sb.append("{\"type\":\"step\",\"q\":\"h\",\"step\":1,\"entropy\":{\"20\":[");
                while (sb.length() < size) {
                    sb.append("0.1234,");
                }
                sb.append("0.5]}}");
                break;
            default:
                while (sb.length() < size) {
                    sb.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,");
                }
                break;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deepNesting(Random random) {
        int depth = 2_000 + random.nextInt(200_000);
        boolean arrays = random.nextBoolean();
        StringBuilder sb = new StringBuilder(depth * 6 + 32);
        sb.append("{\"type\":\"step\",\"q\":\"deep\",\"step\":1,\"entropy\":");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append('1');
        if (random.nextBoolean()) {
            for (int i = 0; i < depth; i++) {
                sb.append(arrays ? "]" : "}");
            }
            sb.append('}');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrongTypes(byte[] input, Random random) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<int[]> values = new ArrayList<>();
        Matcher m = SCALAR.matcher(text);
        while (m.find()) {
            values.add(new int[] {m.start(2), m.end(2)});
        }
        if (values.isEmpty()) {
            return flipBytes(input, random);
        }
        StringBuilder sb = new StringBuilder(text);
        int changes = 1 + random.nextInt(3);
        List<int[]> chosen = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            chosen.add(values.get(random.nextInt(values.size())));
        }
        chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
        int lastStart = Integer.MAX_VALUE;
        for (int[] v : chosen) {
            if (v[1] > lastStart) {
                continue;
            }
            sb.replace(v[0], v[1], WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]);
            lastStart = v[0];
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dropOrRepeatLine(byte[] input, Random random) {
        List<byte[]> lines = splitLines(input);
        if (lines.isEmpty()) {
            return input;
        }
        int i = random.nextInt(lines.size());
        if (random.nextBoolean()) {
            lines.remove(i);
        } else {
            lines.add(random.nextInt(lines.size() + 1), lines.get(i));
        }
        return joinLines(lines);
    }

    private static byte[] garbage(byte[] input, Random random) {
        int size = random.nextInt(Math.max(16, Math.min(input.length, 64 * 1024)));
        byte[] out = new byte[size];
        random.nextBytes(out);
        if (random.nextBoolean() && input.length > 0) {
            int keep = Math.min(input.length, 1 + random.nextInt(input.length));
            byte[] mixed = new byte[keep + size];
            System.arraycopy(input, 0, mixed, 0, keep);
            System.arraycopy(out, 0, mixed, keep, size);
            return mixed;
        }
        return out;
    }

    private static byte[] insertLine(byte[] input, byte[] line, Random random) {
        List<byte[]> lines = splitLines(input);
        lines.add(lines.isEmpty() ? 0 : 1 + random.nextInt(lines.size()), line);
        return joinLines(lines);
    }

    private static List<byte[]> splitLines(byte[] input) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n') {
                byte[] l = new byte[i - start];
                System.arraycopy(input, start, l, 0, l.length);
                lines.add(l);
                start = i + 1;
            }
        }
        if (start < input.length) {
            byte[] l = new byte[input.length - start];
            System.arraycopy(input, start, l, 0, l.length);
            lines.add(l);
        }
        return lines;
    }

    private static byte[] joinLines(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l, 0, l.length);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
