package io.aigcwatch.market.shares;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

@Controller("/market/shares")
class SharesController {
    private final ShareReader reader;

    SharesController(ShareReader reader) {
        this.reader = reader;
    }

    @Get
    ShareReader.Shares shares(@Nullable @QueryValue String by, @Nullable @QueryValue String metric) {
        return reader.read(by, metric);
    }
}
