package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.funding.company.CompanyRegistry;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code POST /companies}: the company of that name, registered first if it is new. Other services call it for
 * a company they learn of by name, such as a valuation mark's, so that every company has one id suite-wide.
 * It checks a company as a round's company is checked, hence its place beside the rounds.
 */
@Controller("/companies")
class CompanyRegistrationController {
    private final CompanyRegistry registry;
    private final Clock clock;

    CompanyRegistrationController(CompanyRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Post
    @Transactional
    CompanyData register(@Body RoundRequest.CompanyInput company) {
        ValidRound.CompanyRef valid = RoundValidator.validateCompany(company, LocalDate.now(clock));
        return registry.resolveAndLock(valid.name(), valid.localName(), valid.country(), valid.layer(), valid.segments())
                .toData();
    }
}
