package io.aigcwatch.funding.taxonomy;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The report's taxonomy, readable by every key: what a company's {@code segments} may name. */
@Controller("/taxonomy")
class TaxonomyController {
    private final Taxonomy taxonomy;

    TaxonomyController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Get
    TaxonomyView taxonomy() {
        return taxonomy.view();
    }
}
