package io.pciledger.agent.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How configuration JSON is read: one JSON value and nothing after it, as Python's {@code json.loads}
 * (which Nova uses) insists. Jackson alone would ignore text after the first value.
 */
final class StrictJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    static JsonNode read(final String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }
}
