package org.entropyworkbench.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** Reads a JSON array of scalars written as text (an options column in a CSV file). Stateless; any thread. */
final class JsonListText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonListText() {
    }

    /** The items as text, or null when the text is not a JSON array of scalars. */
    static List<String> parse(String text) {
        String t = text.strip();
        if (!t.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(t);
            if (node == null || !node.isArray()) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    return null;
                }
                items.add(item.asText());
            }
            return items;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
