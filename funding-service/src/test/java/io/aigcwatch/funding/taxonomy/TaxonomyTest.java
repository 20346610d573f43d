package io.aigcwatch.funding.taxonomy;

import io.aigcwatch.funding.FundingApiTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's taxonomy is served from the database, and a round's segments must be its codes. */
class TaxonomyTest extends FundingApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theReportsLayersAndContentTypesAreServedWithBothLabelsAndTheirLines() {
        HttpResponse<String> response = http.get("/taxonomy");
        assertEquals(200, response.statusCode(), response.body());
        List<Map<String, Object>> layers = (List<Map<String, Object>>) http.map(response.body()).get("layers");
        assertEquals(List.of("INFRASTRUCTURE", "MODEL", "APPLICATION"), layers.stream().map(l -> l.get("code")).toList());
        assertEquals("基础设施层", layers.get(0).get("labelZh"));
        List<Map<String, Object>> all = new ArrayList<>();
        layers.forEach(layer -> all.addAll((List<Map<String, Object>>) layer.get("segments")));
        List<Object> codes = all.stream().map(s -> s.get("code")).toList();
        assertTrue(codes.containsAll(List.of("DATA", "COMPUTE", "TRAINING_PLATFORM", "SUPPORTING_SERVICES",
                "BASE_MODEL", "MIDDLE_LAYER", "OPEN_SOURCE_MODEL", "CLOSED_MODEL", "TEXT", "IMAGE", "AUDIO", "VIDEO",
                "CODE", "STRATEGY", "THREE_D", "VIRTUAL_HUMAN", "PROTEIN_STRUCTURE")), codes.toString());
        assertEquals(io.aigcwatch.events.funding.SegmentCodes.ALL, Set.copyOf(codes),
                "the wire vocabulary the alerts and the round stream check segments against is the taxonomy's");
        assertEquals(io.aigcwatch.events.funding.SegmentCodes.CONTENT_TYPES,
                codes.subList(codes.indexOf("TEXT"), codes.indexOf("PROTEIN_STRUCTURE") + 1),
                "market-service projects funding shares over the taxonomy's content types, in its order");
        Map<String, Object> image = all.stream().filter(s -> s.get("code").equals("IMAGE")).findFirst().orElseThrow();
        assertEquals("图像", image.get("labelZh"));
        assertEquals(19, image.get("sourceLine"));
        Map<String, Object> hub = all.stream().filter(s -> s.get("code").equals("MODEL_HUB")).findFirst().orElseThrow();
        assertEquals("BASE_MODEL", hub.get("parent"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSegmentOutsideTheTaxonomyIsRefusedNamingTheFieldAndTheCodes() {
        HttpResponse<String> refused = http.post("/funding-events", round("Segment Refused Co", "[\"IMAGE\", \"crypto\"]"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) http.map(refused.body()).get("errors");
        assertEquals(1, errors.size(), refused.body());
        assertEquals("company.segments[1]", errors.get(0).get("field"));
        String message = (String) errors.get(0).get("message");
        assertTrue(message.contains("'crypto'") && message.contains("VIRTUAL_HUMAN"), message);
    }

    @Test
    void aCodeInAnyCaseIsStoredAsTheCode() {
        HttpResponse<String> created = http.post("/funding-events", round("Segment Cased Co", "[\"image\", \"Video\", \"IMAGE\"]"));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"segments\":[\"IMAGE\",\"VIDEO\"]"), created.body());
    }

    private static String round(String company, String segments) {
        return """
                {"company": {"name": "%s", "country": "CN", "layer": "APPLICATION", "segments": %s},
                 "round": "SEED", "amount": {"value": "1000000", "currency": "USD"},
                 "announcedOn": "2024-02-02", "source": "test"}
                """.formatted(company, segments);
    }
}
