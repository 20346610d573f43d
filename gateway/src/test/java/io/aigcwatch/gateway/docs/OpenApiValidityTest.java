package io.aigcwatch.gateway.docs;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document a client generates code from, as compiled into the gateway (the very file it serves at
 * {@code /api/openapi.yml}): valid for the OpenAPI tooling's own parser without a single message, and held to the
 * rules that make it usable: a server, a declared tag, an operationId and a problem document for the 4xx answers on
 * every operation, a bound on every input and examples where a client starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiValidityTest {
    private static final String COMPILED_DOCUMENT = "META-INF/swagger/openapi.yml";
    private static final String PROBLEM = "application/problem+json";
    /** Where a new client starts: each shows a realistic request and answer. */
    private static final Set<String> EXAMPLED_OPERATIONS = Set.of("recordRound", "getRound", "listRounds",
            "listUnicorns", "getStats", "recordValuationMark", "convertToUsd");

    private String text;
    private OpenAPI document;
    private List<String> parserMessages;

    @BeforeAll
    void parse() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(COMPILED_DOCUMENT)) {
            assertNotNull(in, COMPILED_DOCUMENT + " is not on the classpath: micronaut-openapi did not run");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
        parserMessages = Objects.requireNonNullElse(result.getMessages(), List.of());
        document = result.getOpenAPI();
        assertNotNull(document, "swagger-parser could not read the document");
    }

    @Test
    void swaggerParserFindsNothingToSay() {
        assertEquals(List.of(), parserMessages, "swagger-parser's messages: errors and warnings alike");
    }

    @Test
    void theDocumentNamesAServer() {
        assertNotNull(document.getServers(), "servers");
        assertFalse(document.getServers().isEmpty(), "servers");
    }

    @Test
    void nullableAlwaysComesWithAType() {
        List<String> untyped = new ArrayList<>();
        eachSchema((where, schema) -> {
            if (Boolean.TRUE.equals(schema.getNullable()) && schema.getType() == null) {
                untyped.add(where);
            }
        });
        assertEquals(List.of(), untyped, "nullable without type (Redocly: struct)");
    }

    @Test
    void everyComponentSchemaIsUsed() {
        List<String> unused = document.getComponents().getSchemas().keySet().stream()
                .filter(name -> !text.contains("#/components/schemas/" + name + "\"")
                        && !text.contains("#/components/schemas/" + name + "'")
                        && !text.contains("#/components/schemas/" + name + "\n"))
                .toList();
        assertEquals(List.of(), unused, "schemas nothing refers to (Redocly: no-unused-components)");
    }

    @Test
    void everyOperationHasADeclaredTagAnIdAndAProblemFor4xx() {
        Set<String> declaredTags = new HashSet<>();
        document.getTags().forEach(tag -> declaredTags.add(tag.getName()));
        Set<String> ids = new HashSet<>();
        List<String> faults = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (operation.getTags() == null || operation.getTags().isEmpty()
                    || !declaredTags.containsAll(operation.getTags())) {
                faults.add(name + ": tags " + operation.getTags() + " not among " + declaredTags);
            }
            if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
                faults.add(name + ": missing or repeated operationId " + operation.getOperationId());
            }
            if (operation.getSummary() == null) {
                faults.add(name + ": no summary");
            }
            boolean problemFor4xx = operation.getResponses().entrySet().stream()
                    .anyMatch(response -> response.getKey().startsWith("4")
                            && response(response.getValue()).getContent() != null
                            && response(response.getValue()).getContent().containsKey(PROBLEM));
            if (!problemFor4xx) {
                faults.add(name + ": no 4xx response with " + PROBLEM);
            }
        });
        assertEquals(List.of(), faults);
    }

    @Test
    void everyInputIsBounded() {
        List<String> unbounded = new ArrayList<>();
        eachOperation((name, operation) -> {
            for (Parameter parameter : parameters(operation)) {
                unboundedIn(name + " parameter " + parameter.getName(), parameter.getSchema(), unbounded,
                        new HashSet<>());
            }
            if (operation.getRequestBody() != null) {
                MediaType json = requestBody(operation).getContent().get("application/json");
                if (json != null) {
                    unboundedIn(name + " body", json.getSchema(), unbounded, new HashSet<>());
                }
            }
        });
        assertEquals(List.of(), unbounded, "inputs without maxLength, maximum or maxItems");
    }

    @Test
    void theOperationsWhereAClientStartsShowExamples() {
        List<String> missing = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (!EXAMPLED_OPERATIONS.contains(operation.getOperationId())) {
                return;
            }
            if (operation.getRequestBody() != null && !hasExample(requestBody(operation).getContent().values())) {
                missing.add(name + " request");
            }
            ApiResponse success = operation.getResponses().entrySet().stream()
                    .filter(response -> response.getKey().startsWith("2"))
                    .map(response -> response(response.getValue())).findFirst().orElseThrow();
            if (success.getContent() == null || !hasExample(success.getContent().values())) {
                missing.add(name + " response");
            }
        });
        assertEquals(List.of(), missing, "operations without examples");
        assertTrue(text.contains("Zhipu AI"), "the examples come from the seed data");
    }

    private static boolean hasExample(Iterable<MediaType> contents) {
        for (MediaType content : contents) {
            if (content.getExample() != null || (content.getExamples() != null && !content.getExamples().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** A string, number or list that is not bounded, wherever it sits in {@code schema}, objects followed down. */
    private void unboundedIn(String where, Schema<?> schema, List<String> unbounded, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (seen.add(name)) {
                unboundedIn(where, document.getComponents().getSchemas().get(name), unbounded, seen);
            }
            return;
        }
        // a decimal is a string or a number: each way in needs its bound
        composedOf(schema).forEach(part -> unboundedIn(where, part, unbounded, new HashSet<>(seen)));
        String type = schema.getType();
        if ("string".equals(type) && schema.getMaxLength() == null && schema.getEnum() == null
                && !Set.of("date", "date-time", "uuid").contains(String.valueOf(schema.getFormat()))) {
            unbounded.add(where + " (string)");
        } else if (("number".equals(type) || "integer".equals(type)) && schema.getMaximum() == null) {
            unbounded.add(where + " (" + type + ")");
        } else if ("array".equals(type)) {
            if (schema.getMaxItems() == null) {
                unbounded.add(where + " (array)");
            }
            unboundedIn(where + "[]", schema.getItems(), unbounded, seen);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, value) ->
                    unboundedIn(where + "." + property, value, unbounded, seen));
        }
    }

    private void eachOperation(BiConsumer<String, Operation> check) {
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                check.accept(method + " " + path, operation)));
    }

    private void eachSchema(BiConsumer<String, Schema<?>> check) {
        List<Map.Entry<String, Schema<?>>> queue = new ArrayList<>();
        document.getComponents().getSchemas().forEach((name, schema) -> queue.add(Map.entry(name, schema)));
        eachOperation((name, operation) -> {
            parameters(operation).forEach(parameter ->
                    queue.add(Map.entry(name + " " + parameter.getName(), parameter.getSchema())));
            if (operation.getRequestBody() != null && requestBody(operation).getContent() != null) {
                requestBody(operation).getContent().forEach((type, content) ->
                        queue.add(Map.entry(name + " body", content.getSchema())));
            }
            operation.getResponses().forEach((status, response) -> {
                if (response(response).getContent() != null) {
                    response(response).getContent().forEach((type, content) ->
                            queue.add(Map.entry(name + " " + status, content.getSchema())));
                }
            });
        });
        while (!queue.isEmpty()) {
            Map.Entry<String, Schema<?>> next = queue.remove(queue.size() - 1);
            Schema<?> schema = next.getValue();
            if (schema == null) {
                continue;
            }
            check.accept(next.getKey(), schema);
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((property, value) ->
                        queue.add(Map.entry(next.getKey() + "." + property, value)));
            }
            if (schema.getItems() != null) {
                queue.add(Map.entry(next.getKey() + "[]", schema.getItems()));
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                queue.add(Map.entry(next.getKey() + "{}", values));
            }
            composedOf(schema).forEach(part -> queue.add(Map.entry(next.getKey() + "|", part)));
        }
    }

    /** The parts of an allOf, oneOf or anyOf. */
    @SuppressWarnings("rawtypes")
    private static List<Schema> composedOf(Schema<?> schema) {
        List<Schema> parts = new ArrayList<>();
        Stream.of(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()).filter(Objects::nonNull)
                .forEach(parts::addAll);
        return parts;
    }

    private List<Parameter> parameters(Operation operation) {
        List<Parameter> resolved = new ArrayList<>();
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                resolved.add(parameter.get$ref() == null ? parameter : document.getComponents().getParameters()
                        .get(parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1)));
            }
        }
        return resolved;
    }

    private io.swagger.v3.oas.models.parameters.RequestBody requestBody(Operation operation) {
        String ref = operation.getRequestBody().get$ref();
        return ref == null ? operation.getRequestBody()
                : document.getComponents().getRequestBodies().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private ApiResponse response(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response
                : document.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
