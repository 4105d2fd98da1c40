package dev.locus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bulk files of JSON records: a JSON array, or one JSON object per line. */
final class JsonRecords {
    private JsonRecords() {}

    /**
     * Every record of the file, in order.
     *
     * @throws IllegalArgumentException naming the line that is not JSON
     */
    static ArrayNode read(Path file, ObjectMapper json) throws IOException {
        ArrayNode all = json.createArrayNode();
        String text = Files.readString(file).strip();
        if (text.startsWith("[")) {
            json.readTree(text).forEach(all::add);
            return all;
        }
        int line = 0;
        for (String l : text.split("\n")) {
            line++;
            if (!l.isBlank()) {
                try {
                    all.add(json.readTree(l));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(
                            file + " line " + line + " is not JSON: " + e.getOriginalMessage(), e);
                }
            }
        }
        return all;
    }
}
