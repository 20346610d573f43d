package io.aigcwatch.gateway.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suite's health as a client sees it. The gateway's own {@code /health} says only whether the gateway runs;
 * this one also says which services behind it answer, and is 503 as soon as one does not.
 */
@Controller("/api/health")
@Tag(name = "suite")
final class ApiHealthController {
    private final DownstreamHealth downstream;

    ApiHealthController(DownstreamHealth downstream) {
        this.downstream = downstream;
    }

    // the rest of the operation is described in public-api.yml; what the processor generates must agree with it
    @Operation(operationId = "getSuiteHealth")
    @Get(produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<SuiteHealth>> health() {
        return downstream.check().map(statuses -> {
            Map<String, String> services = new LinkedHashMap<>();
            services.put("gateway", SuiteHealth.UP);
            services.putAll(statuses);
            SuiteHealth health = SuiteHealth.of(services);
            return HttpResponse.status(health.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
        });
    }
}
