package io.aigcwatch.funding.company;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;

/**
 * A profile patch's body, read only once it is known to be shallow JSON. A patch is at most two levels deep (the
 * object, a list of aliases or segments); a body nested thousands deep made the tree binder fail with a 500, so the
 * depth is checked first by a streaming pass that stops at the first level too many.
 */
final class PatchBody {
    /** the patch object, a list in it, and one spare level so that a too-deep value is named as a bad field */
    private static final int MAX_DEPTH = 3;
    private static final JsonFactory SHALLOW = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private PatchBody() {
    }

    static @Nullable JsonNode read(@Nullable byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonParser parser = SHALLOW.createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.NOT_AVAILABLE) {
                    break;
                }
            }
            return json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request",
                    "the body is not a JSON merge patch at most " + MAX_DEPTH + " levels deep");
        }
    }
}
