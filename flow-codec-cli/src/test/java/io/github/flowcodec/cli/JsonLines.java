package io.github.flowcodec.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON lines of flat objects (nested objects skipped) into maps of text values, for comparing. */
final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {
    }

    static List<Map<String, String>> parse(String text) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser p = FACTORY.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not an object: " + line);
                }
                out.add(object(p));
            }
        }
        return out;
    }

    /**
     * The members of the object the parser has just entered, up to its end: an array of numbers or strings as its text
     * without spaces ("[1,2]", "[\"Ethernet\",\"IPv4\"]"), other nested values as "<nested>".
     */
    static Map<String, String> object(JsonParser p) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                StringBuilder numbers = new StringBuilder("[");
                boolean flat = true;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (e == JsonToken.START_OBJECT || e == JsonToken.START_ARRAY) {
                        p.skipChildren();
                        flat = false;
                    } else {
                        boolean text = e == JsonToken.VALUE_STRING;
                        numbers.append(numbers.length() > 1 ? "," : "").append(text ? "\"" : "").append(p.getText())
                                .append(text ? "\"" : "");
                        flat &= e == JsonToken.VALUE_NUMBER_INT || text;
                    }
                }
                m.put(key, flat ? numbers.append(']').toString() : "<nested>");
            } else if (t == JsonToken.START_OBJECT) {
                p.skipChildren();
                m.put(key, "<nested>");
            } else {
                m.put(key, p.getText());
            }
        }
        return m;
    }
}
