package io.aigcwatch.contract.badinput;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the served document, its references resolved.
 *
 * @param template the path as the document writes it, such as {@code /api/funding-events/{id}}
 */
record Endpoint(String method, String template, Operation operation) {

    static List<Endpoint> all(Map<String, PathItem> paths) {
        List<Endpoint> endpoints = new ArrayList<>();
        paths.forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                endpoints.add(new Endpoint(method.name().toUpperCase(Locale.ROOT), template, operation))));
        return endpoints;
    }

    String id() {
        return operation.getOperationId() != null ? operation.getOperationId() : method + " " + template;
    }

    List<Parameter> parameters(String in) {
        return operation.getParameters() == null ? List.of()
                : operation.getParameters().stream().filter(parameter -> in.equals(parameter.getIn())).toList();
    }

    /** The JSON request body, when the operation takes one. */
    Optional<MediaType> jsonBody() {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(operation.getRequestBody().getContent().get("application/json"));
    }

    /** The example of a CSV file body (an upload such as POST /api/imports), when the operation takes one. */
    Optional<String> csvExample() {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Optional.empty();
        }
        MediaType csv = operation.getRequestBody().getContent().get("text/csv");
        return csv == null || csv.getExample() == null ? Optional.empty() : Optional.of(csv.getExample().toString());
    }
}
