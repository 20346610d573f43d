package io.aigcwatch.contract.badinput;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request.
 *
 * @param operation   the operationId it aims at
 * @param kind        what is wrong with it, for the report
 * @param method      the HTTP method
 * @param target      path and query, already percent-encoded as sent
 * @param headers     every header but the key
 * @param body        null for none
 * @param keyed       whether it carries the stack's admin key
 */
record Probe(String operation, String kind, String method, String target, Map<String, String> headers, byte[] body,
             boolean keyed) {
    private static final int EXCERPT = 120;

    Probe {
        headers = Map.copyOf(headers);
    }

    boolean writes() {
        return !method.equals("GET");
    }

    /** Method, target and the body's start, with control and format characters shown as escapes. */
    String describe() {
        String shown = target.length() > EXCERPT ? target.substring(0, EXCERPT) + "...(" + target.length() + ")"
                : target;
        StringBuilder text = new StringBuilder(method).append(' ').append(shown).append(" [").append(escape(kind))
                .append(']');
        if (!keyed) {
            text.append(" without key");
        }
        if (body != null) {
            String content = new String(body, StandardCharsets.UTF_8);
            text.append(" body ").append(escape(content.length() > EXCERPT
                    ? content.substring(0, EXCERPT) + "...(" + body.length + " bytes)" : content));
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(point -> {
            if (Character.isISOControl(point) || Character.getType(point) == Character.FORMAT) {
                escaped.append(String.format("\\u%04x", point));
            } else {
                escaped.appendCodePoint(point);
            }
        });
        return escaped.toString();
    }
}
