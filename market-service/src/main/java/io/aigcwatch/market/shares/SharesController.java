package io.aigcwatch.market.shares;

import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

@Controller("/market/shares")
class SharesController {
    private final ShareReader reader;
    private final InputLimits limits;

    SharesController(ShareReader reader, InputLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    @Get
    ShareReader.Shares shares(@Nullable @QueryValue String by, @Nullable @QueryValue String metric) {
        FieldChecks checks = new FieldChecks();
        String dimension = checks.optionalText("by", by, limits.maxWordLength());
        String measure = checks.optionalText("metric", metric, limits.maxWordLength());
        checks.throwIfAny();
        return reader.read(dimension, measure);
    }
}
