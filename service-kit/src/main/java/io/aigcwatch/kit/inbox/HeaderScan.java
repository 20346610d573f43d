package io.aigcwatch.kit.inbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CloudEvent's envelope with Jackson's streaming parser, without the data. Every record is read twice, for
 * the inbox's header and for the handler's data; with the data decoded both times, the first read took a seventh of
 * a catching-up consumer's CPU. The suite's producers write the data last, so the scan stops where it starts once
 * every envelope attribute has been read; data before an attribute is skipped without decoding it.
 *
 * <p>What the scan leaves unread is checked when the handler reads the data ({@link CloudEventReader#data}), which
 * reads the whole record as the CloudEvent it must be. A value this scan cannot take (an attribute that is not a
 * string) is left to the reader's full reading, which either reads it or says why it is poison.
 */
final class HeaderScan {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** The attributes the suite's producers write before the data; each one is a bit of what the scan has read. */
    private static final List<String> ATTRIBUTES =
            List.of("specversion", "id", "source", "type", "time", "subject", "datacontenttype");
    private static final int ALL_ATTRIBUTES = (1 << ATTRIBUTES.size()) - 1;

    private HeaderScan() {
    }

    static Optional<EventHeader> scan(String value) {
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String specversion = null, id = null, source = null, type = null, subject = null, contentType = null;
            int attributesRead = 0;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                if (field.equals("data")) {
                    // a bit is set only for a string, so id, source and type are there
                    if (attributesRead == ALL_ATTRIBUTES) {
                        return Optional.of(new EventHeader(specversion, id, source, type, subject, contentType));
                    }
                    parser.skipChildren();
                    continue;
                }
                if (token == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (token != JsonToken.VALUE_STRING) {
                    return Optional.empty();
                }
                switch (field) {
                    case "specversion" -> specversion = parser.getText();
                    case "id" -> id = parser.getText();
                    case "source" -> source = parser.getText();
                    case "type" -> type = parser.getText();
                    case "subject" -> subject = parser.getText();
                    case "datacontenttype" -> contentType = parser.getText();
                    default -> {
                        // the time is read as an Instant with the data; an extension is of no use to the inbox
                    }
                }
                int attribute = ATTRIBUTES.indexOf(field);
                if (attribute >= 0) {
                    attributesRead |= 1 << attribute;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null
                    || id == null || source == null || type == null) {
                return Optional.empty();
            }
            return Optional.of(new EventHeader(specversion, id, source, type, subject, contentType));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
