package io.aigcwatch.contract.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Bad requests for one operation, from what the document says it takes: every parameter and every field of the
 * body replaced by hostile values (a seeded sample of them, per field), malformed bodies, wrong content types, bad
 * paths and missing keys. The same seed gives the same requests, in the same order.
 */
final class ProbeGenerator {
    /** Hostile values tried per body field, on top of leaving it out and adding one it does not know. */
    private static final int PER_FIELD = 6;
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;

    ProbeGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<Probe> probes(Endpoint endpoint) {
        List<Probe> probes = new ArrayList<>();
        Request valid = Request.valid(endpoint, json);
        keys(valid, probes::add);
        paths(endpoint, valid, probes::add);
        queries(endpoint, valid, probes::add);
        headers(endpoint, valid, probes::add);
        endpoint.jsonBody().ifPresent(content -> bodies(content, valid, probes::add));
        endpoint.csvExample().ifPresent(example -> files(valid, probes::add));
        return probes;
    }

    private static void keys(Request valid, Consumer<Probe> out) {
        out.accept(valid.withoutKey("no key"));
        out.accept(valid.withHeader("unknown key", "X-API-Key", "aw_not-a-key-of-this-stack").withoutKey(
                "unknown key"));
        out.accept(valid.withHeader("overlong bearer", "Authorization", "Bearer " + "k".repeat(10_000))
                .withoutKey("overlong bearer"));
    }

    private static void paths(Endpoint endpoint, Request valid, Consumer<Probe> out) {
        List<Parameter> pathParameters = endpoint.parameters("path");
        for (Parameter parameter : pathParameters) {
            for (String segment : BadValues.PATH_SEGMENTS) {
                out.accept(valid.withPathValue("path " + parameter.getName(), parameter.getName(), segment).probe());
            }
        }
        String path = valid.path();
        int last = path.lastIndexOf('/');
        out.accept(valid.withPath("dot segment", path.substring(0, last) + "/." + path.substring(last)).probe());
        out.accept(valid.withPath("dot-dot segment", path.substring(0, last) + "/x/.." + path.substring(last))
                .probe());
        out.accept(valid.withPath("encoded dot-dot", path.substring(0, last) + "/x/%2e%2e" + path.substring(last))
                .probe());
        out.accept(valid.withPath("double slash", path.replace("/api/", "/api//")).probe());
        out.accept(valid.withPath("encoded slash", path.substring(0, last) + "%2F" + path.substring(last + 1))
                .probe());
        out.accept(valid.withPath("trailing garbage", path + "/" + "z".repeat(3_000)).probe());
    }

    private static void queries(Endpoint endpoint, Request valid, Consumer<Probe> out) {
        for (Parameter parameter : endpoint.parameters("query")) {
            String type = parameter.getSchema() == null ? "string" : String.valueOf(parameter.getSchema().getType());
            List<String> values = type.equals("integer") || type.equals("number") ? BadValues.NUMBER_TEXTS
                    : BadValues.STRING_TEXTS;
            for (String value : values) {
                out.accept(valid.withQuery("query " + parameter.getName() + " = " + shown(value), parameter.getName(),
                        value).probe());
            }
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                out.accept(valid.withoutQuery("missing query " + parameter.getName(), parameter.getName()).probe());
            }
            out.accept(valid.withExtraQuery("repeated query " + parameter.getName(), parameter.getName(),
                    BadValues.NUMBER_TEXTS.get(0)).probe());
        }
        out.accept(valid.withExtraQuery("unknown query", "unexpected", "1").probe());
        out.accept(valid.withExtraQuery("overlong query name", "q".repeat(3_000), "1").probe());
    }

    private static void headers(Endpoint endpoint, Request valid, Consumer<Probe> out) {
        for (Parameter parameter : endpoint.parameters("header")) {
            for (String value : List.of("x".repeat(10_000), "-1", "1e2000000", "W/\"x\"", "*", ",,,", " ")) {
                out.accept(valid.withHeader("header " + parameter.getName(), parameter.getName(), value).probe());
            }
        }
        out.accept(valid.withHeader("accept xml", "Accept", "application/xml").probe());
    }

    /** A file upload: bodies that are no file of rounds at all. */
    private static void files(Request valid, Consumer<Probe> out) {
        out.accept(valid.withoutBody("no file").probe());
        out.accept(valid.withBody("unknown columns", "a,b,c\n1,2,3\n").probe());
        out.accept(valid.withBody("unclosed quote", "company,\"round\n").probe());
        out.accept(valid.withRawBody("invalid UTF-8 file", new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n'}).probe());
        out.accept(valid.withBody("JSON for a file", "{\"company\": 1}").withHeader("JSON for a file", "Content-Type",
                "application/json").probe());
    }

    private void bodies(MediaType content, Request valid, Consumer<Probe> out) {
        JsonNode body = json.valueToTree(ValidValues.body(content));
        for (String malformed : BadValues.MALFORMED_JSON) {
            out.accept(valid.withBody("malformed JSON", malformed).probe());
        }
        out.accept(valid.withoutBody("no body").probe());
        String text = write(body);
        for (String type : BadValues.CONTENT_TYPES) {
            out.accept(valid.withBody("content type " + type, text).withHeader("content type " + type,
                    "Content-Type", type).probe());
        }
        out.accept(valid.withBody("no content type", text).withoutHeader("no content type", "Content-Type")
                .probe());
        out.accept(valid.withRawBody("invalid UTF-8", new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, (byte) 0xFF, '"', '}'}).probe());
        fields(body, "", (where, mutate) -> {
            JsonNode copy = body.deepCopy();
            mutate.accept(copy);
            out.accept(valid.withBody(where, write(copy)).probe());
        });
    }

    /** For every field under {@code node}: left out, an unknown one beside it, and a sample of hostile values. */
    private void fields(JsonNode node, String path, FieldMutation out) {
        if (node instanceof ObjectNode object) {
            out.mutate("extra field in " + (path.isEmpty() ? "/" : path),
                    copy -> ((ObjectNode) copy.at(path.isEmpty() ? "" : path)).put("unexpected", "x"));
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "/" + name;
                out.mutate("missing " + child, copy -> ((ObjectNode) copy.at(path)).remove(name));
                for (Object value : sample(hostile(object.get(name)))) {
                    out.mutate("field " + child + " = " + shown(value),
                            copy -> ((ObjectNode) copy.at(path)).set(name, node(value)));
                }
                fields(object.get(name), child, out);
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            String child = path + "/0";
            out.mutate("many items in " + path, copy -> {
                ArrayNode target = (ArrayNode) copy.at(path);
                JsonNode item = target.get(0);
                for (int i = 0; i < 10_000; i++) {
                    target.add(item.deepCopy());
                }
            });
            out.mutate("null item in " + path, copy -> ((ArrayNode) copy.at(path)).addNull());
            for (Object value : sample(hostile(array.get(0)))) {
                out.mutate("item " + child + " = " + shown(value),
                        copy -> ((ArrayNode) copy.at(path)).set(0, node(value)));
            }
            fields(array.get(0), child, out);
        }
    }

    private static List<Object> hostile(JsonNode original) {
        List<Object> values = new ArrayList<>();
        if (original != null && (original.isNumber()
                || original.isTextual() && DECIMAL.matcher(original.textValue()).matches())) {
            values.addAll(BadValues.FOR_NUMBER);
        } else if (original == null || original.isNull() || original.isTextual()) {
            values.addAll(BadValues.FOR_TEXT);
            values.addAll(BadValues.STRING_TEXTS);
        } else if (original.isBoolean()) {
            values.addAll(BadValues.FOR_BOOLEAN);
        } else if (original instanceof ContainerNode<?>) {
            values.addAll(BadValues.FOR_OBJECT);
        }
        return values;
    }

    /** The value as the report shows it: raw tokens bare, long ones cut. */
    private static String shown(Object value) {
        String text = BadValues.unmark("\"" + value + "\"");
        return text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + ")" : text;
    }

    private List<Object> sample(List<Object> values) {
        List<Object> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(PER_FIELD, shuffled.size()));
    }

    private JsonNode node(Object value) {
        return json.valueToTree(value);
    }

    private String write(JsonNode body) {
        try {
            return BadValues.unmark(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface FieldMutation {
        void mutate(String where, Consumer<JsonNode> change);
    }

    /** The valid request a probe changes one thing of. */
    record Request(Endpoint endpoint, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                   byte[] body, String kind, boolean keyed) {

        static Request valid(Endpoint endpoint, ObjectMapper json) {
            String path = endpoint.template();
            for (Parameter parameter : endpoint.parameters("path")) {
                path = path.replace("{" + parameter.getName() + "}", encode(ValidValues.parameter(parameter)));
            }
            List<Map.Entry<String, String>> query = new ArrayList<>();
            for (Parameter parameter : endpoint.parameters("query")) {
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    query.add(Map.entry(parameter.getName(), ValidValues.parameter(parameter)));
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            byte[] body = null;
            if (endpoint.jsonBody().isPresent()) {
                headers.put("Content-Type", "application/json");
                try {
                    body = json.writeValueAsBytes(ValidValues.body(endpoint.jsonBody().get()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else if (endpoint.csvExample().isPresent()) {
                headers.put("Content-Type", "text/csv");
                body = endpoint.csvExample().get().getBytes(StandardCharsets.UTF_8);
            }
            for (Parameter parameter : endpoint.parameters("header")) {
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    headers.put(parameter.getName(), ValidValues.parameter(parameter));
                }
            }
            return new Request(endpoint, path, query, headers, body, "valid", true);
        }

        Probe probe() {
            StringBuilder target = new StringBuilder(path);
            String separator = "?";
            for (Map.Entry<String, String> parameter : query) {
                target.append(separator).append(encode(parameter.getKey())).append('=')
                        .append(encode(parameter.getValue()));
                separator = "&";
            }
            return new Probe(endpoint.id(), kind, endpoint.method(), target.toString(), headers, body, keyed);
        }

        Probe withoutKey(String what) {
            return new Request(endpoint, path, query, headers, body, what, false).probe();
        }

        Request withPath(String what, String newPath) {
            return new Request(endpoint, newPath, query, headers, body, what, keyed);
        }

        Request withPathValue(String what, String name, String encodedValue) {
            String newPath = endpoint.template();
            for (Parameter parameter : endpoint.parameters("path")) {
                newPath = newPath.replace("{" + parameter.getName() + "}", parameter.getName().equals(name)
                        ? encodedValue : encode(ValidValues.parameter(parameter)));
            }
            return withPath(what, newPath);
        }

        Request withQuery(String what, String name, String value) {
            return withoutQuery(what, name).withExtraQuery(what, name, value);
        }

        Request withoutQuery(String what, String name) {
            List<Map.Entry<String, String>> changed = new ArrayList<>(query);
            changed.removeIf(parameter -> parameter.getKey().equals(name));
            return new Request(endpoint, path, changed, headers, body, what, keyed);
        }

        /** The parameter once more, after any it already has. */
        Request withExtraQuery(String what, String name, String value) {
            List<Map.Entry<String, String>> changed = new ArrayList<>(query);
            changed.add(Map.entry(name, value));
            return new Request(endpoint, path, changed, headers, body, what, keyed);
        }

        Request withHeader(String what, String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(name, value);
            return new Request(endpoint, path, query, changed, body, what, keyed);
        }

        Request withoutHeader(String what, String name) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.remove(name);
            return new Request(endpoint, path, query, changed, body, what, keyed);
        }

        Request withBody(String what, String text) {
            return withRawBody(what, text.getBytes(StandardCharsets.UTF_8));
        }

        Request withRawBody(String what, byte[] bytes) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.putIfAbsent("Content-Type", "application/json");
            return new Request(endpoint, path, query, changed, bytes, what, keyed);
        }

        Request withoutBody(String what) {
            return new Request(endpoint, path, query, headers, null, what, keyed);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
