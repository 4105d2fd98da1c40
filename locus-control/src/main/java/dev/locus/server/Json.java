package dev.locus.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the control plane: snake_case names, ISO-8601 times, bytes as base64. */
public final class Json {
    private Json() {}

    /**
     * Parses JSON that the control plane stored itself (evidence, verdicts).
     *
     * @param what the stored value, for the message, e.g. {@code alert evidence}
     * @throws LocusServerException when it is not JSON (the database was altered by hand)
     */
    public static JsonNode readStored(ObjectMapper json, String text, String what) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LocusServerException("stored " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        SimpleModule bytes = new SimpleModule("locus-bytes");
        bytes.addSerializer(Bytes.class, ToStringSerializer.instance);
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(bytes)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
