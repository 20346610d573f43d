package io.aigcwatch.funding.round;

import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.company.CompanyRegistry;
import io.aigcwatch.funding.company.CompanyRounds;
import io.aigcwatch.funding.company.RoundSummary;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads rounds with their companies, one page at a time. */
@Singleton
class RoundReader implements CompanyRounds {
    private final FundingRoundRepository rounds;
    private final CompanyRegistry companies;
    private final JdbcOperations jdbc;

    RoundReader(FundingRoundRepository rounds, CompanyRegistry companies, JdbcOperations jdbc) {
        this.rounds = rounds;
        this.companies = companies;
        this.jdbc = jdbc;
    }

    @ReadOnly
    RoundView get(UUID id) {
        FundingRound round = rounds.findById(id).orElseThrow(() -> ProblemException.notFound("funding event " + id));
        return RoundView.of(round, companies.require(round.companyId()));
    }

    @ReadOnly
    Page page(RoundFilter filter, @Nullable RoundCursor after, int limit) {
        List<FundingRound> found = search(RoundQuery.of(filter, after, limit + 1));
        boolean more = found.size() > limit;
        List<FundingRound> pageRounds = more ? found.subList(0, limit) : found;
        Map<UUID, Company> byId = companies.requireAll(
                pageRounds.stream().map(FundingRound::companyId).collect(Collectors.toSet()));
        List<RoundView> views = pageRounds.stream().map(round -> RoundView.of(round, byId.get(round.companyId())))
                .toList();
        FundingRound last = more ? pageRounds.get(pageRounds.size() - 1) : null;
        return new Page(views, last == null ? null : new RoundCursor(last.announcedOn(), last.id()));
    }

    private List<FundingRound> search(RoundQuery query) {
        return jdbc.prepareStatement(query.sql(), statement -> {
            query.bind(statement);
            try (ResultSet found = statement.executeQuery()) {
                return jdbc.entityStream(found, FundingRound.class).toList();
            }
        });
    }

    @Override
    @ReadOnly
    public List<RoundSummary> of(UUID companyId) {
        return rounds.findAllOfCompany(companyId).stream().map(FundingRound::summary).toList();
    }

    record Page(List<RoundView> items, @Nullable RoundCursor next) {
    }
}
