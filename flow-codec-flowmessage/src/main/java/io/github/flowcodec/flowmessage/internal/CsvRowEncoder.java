package io.github.flowcodec.flowmessage.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes a flow message as one CSV row (RFC 4180) of goflow2's record: one cell per key of
 * {@link Goflow2JsonEncoder#KEYS}, in that order, each holding the key's value as goflow2's JSON record writes it,
 * without the quotes of a JSON string ({@code 10.0.0.1}, {@code TCP}, {@code 00:00:00:00:00:00}) and a list as its
 * JSON array ({@code [65001,65002]}, {@code ["Ethernet","IPv4"]}). A cell that holds a comma, a quote or a line
 * break is quoted, its quotes doubled. The row is made from the JSON record itself, so the two never disagree.
 * Nothing is allocated per row. One instance per thread.
 */
public final class CsvRowEncoder {

    /** goflow2's keys, comma-separated, and a line break: the header row. */
    public static final byte[] HEADER = (String.join(",", Goflow2JsonEncoder.KEYS) + "\n").getBytes(StandardCharsets.US_ASCII);

    private final Goflow2JsonEncoder json = new Goflow2JsonEncoder();
    private final ByteSink object = new ByteSink(2048);

    /** Writes the message's row and its line break into {@code out}. */
    public void write(MessageSlots m, ByteSink out) {
        object.reset();
        json.open(m, object);
        byte[] j = object.buf;
        int end = object.pos;
        // a quoted cell doubles its quotes: at most twice the object's length
        out.ensure(2 * end + 2);
        byte[] b = out.buf;
        int p = out.pos;
        int i = 1; // past '{'
        boolean first = true;
        while (i < end) {
            // "key":
            i = skipString(j, i) + 1;
            if (!first) {
                b[p++] = ',';
            }
            first = false;
            int start = i;
            int stop;
            if (j[i] == '"') {
                stop = skipString(j, i);
                p = cell(j, start + 1, stop - 1, b, p); // the string's text, its quotes left out
            } else if (j[i] == '[') {
                stop = i;
                while (j[stop] != ']') {
                    stop = j[stop] == '"' ? skipString(j, stop) : stop + 1;
                }
                stop++;
                p = cell(j, start, stop, b, p);
            } else {
                stop = i;
                while (stop < end && j[stop] != ',') {
                    stop++;
                }
                p = cell(j, start, stop, b, p);
            }
            i = stop + 1; // past the comma after the value
        }
        b[p++] = '\n';
        out.pos = p;
    }

    /** The position after the JSON string that starts at {@code i} (its quotes; the record's strings have no escapes). */
    private static int skipString(byte[] j, int i) {
        int k = i + 1;
        while (j[k] != '"') {
            k++;
        }
        return k + 1;
    }

    /** Bytes {@code from} to {@code to} of {@code j} as one cell, quoted when they need it. */
    private static int cell(byte[] j, int from, int to, byte[] b, int p) {
        boolean quote = false;
        for (int k = from; k < to; k++) {
            byte c = j[k];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            System.arraycopy(j, from, b, p, to - from);
            return p + to - from;
        }
        b[p++] = '"';
        for (int k = from; k < to; k++) {
            byte c = j[k];
            b[p++] = c;
            if (c == '"') {
                b[p++] = '"';
            }
        }
        b[p++] = '"';
        return p;
    }
}
