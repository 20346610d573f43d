package io.aigcwatch.kit.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;

/** Something behind the door: what a service's own API would be. */
@Controller("/door")
@Requires(property = InternalCredentialFilterTest.ENABLED)
final class DoorController {

    @Get(produces = "text/plain")
    String open() {
        return "open";
    }

    @Put(produces = "text/plain")
    String write() {
        return "written";
    }
}
