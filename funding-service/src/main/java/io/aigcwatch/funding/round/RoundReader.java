package io.aigcwatch.funding.round;

import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.company.CompanyRegistry;
import io.aigcwatch.funding.company.CompanyRounds;
import io.aigcwatch.funding.company.RoundSummary;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads rounds with their companies, one page at a time. */
@Singleton
class RoundReader implements CompanyRounds {
    private final FundingRoundRepository rounds;
    private final CompanyRegistry companies;

    RoundReader(FundingRoundRepository rounds, CompanyRegistry companies) {
        this.rounds = rounds;
        this.companies = companies;
    }

    @ReadOnly
    RoundView get(UUID id) {
        FundingRound round = rounds.findById(id).orElseThrow(() -> ProblemException.notFound("funding event " + id));
        return RoundView.of(round, companies.require(round.companyId()));
    }

    @ReadOnly
    Page page(RoundFilter filter, @Nullable RoundCursor after, int limit) {
        List<FundingRound> found = rounds.search(filter.includeRetracted(), filter.companyId(), filter.country(),
                filter.layer() == null ? null : filter.layer().name(),
                filter.round() == null ? null : filter.round().name(), filter.from(), filter.to(),
                after == null ? null : after.announcedOn(), after == null ? null : after.id(), limit + 1);
        boolean more = found.size() > limit;
        List<FundingRound> pageRounds = more ? found.subList(0, limit) : found;
        Map<UUID, Company> byId = companies.requireAll(
                pageRounds.stream().map(FundingRound::companyId).collect(Collectors.toSet()));
        List<RoundView> views = pageRounds.stream().map(round -> RoundView.of(round, byId.get(round.companyId())))
                .toList();
        FundingRound last = more ? pageRounds.get(pageRounds.size() - 1) : null;
        return new Page(views, last == null ? null : new RoundCursor(last.announcedOn(), last.id()));
    }

    @Override
    @ReadOnly
    public List<RoundSummary> of(UUID companyId) {
        return rounds.findAllOfCompany(companyId).stream().map(FundingRound::summary).toList();
    }

    record Page(List<RoundView> items, @Nullable RoundCursor next) {
    }
}
