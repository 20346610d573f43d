package io.aigcwatch.funding.investor;

import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.company.CompanyRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An investor's profile and portfolio: each company it backed, with the rounds it joined (lead or not, retracted ones
 * marked) and the company's latest post-money valuation among its active rounds. Three queries whatever the size.
 */
@Singleton
class Portfolios {
    /** A portfolio lists at most this many rounds; {@code truncated} says when there were more. */
    static final int MAX_ROUNDS = 2_000;
    static final BigDecimal UNICORN = new BigDecimal("1000000000");

    private final InvestorRepository investors;
    private final CompanyRegistry companies;

    Portfolios(InvestorRepository investors, CompanyRegistry companies) {
        this.investors = investors;
        this.companies = companies;
    }

    Profile of(Investor investor) {
        List<InvestorRepository.PortfolioRound> rounds = investors.portfolio(investor.id(), MAX_ROUNDS + 1);
        boolean truncated = rounds.size() > MAX_ROUNDS;
        if (truncated) {
            rounds = rounds.subList(0, MAX_ROUNDS);
        }
        Map<UUID, List<InvestorRepository.PortfolioRound>> byCompany = new LinkedHashMap<>();
        rounds.forEach(round -> byCompany.computeIfAbsent(round.companyId(), id -> new ArrayList<>()).add(round));
        Map<UUID, Company> found = companies.requireAll(byCompany.keySet());
        Map<UUID, InvestorRepository.LatestValuation> valuations = byCompany.isEmpty() ? Map.of()
                : investors.latestValuations(byCompany.keySet()).stream()
                .collect(Collectors.toMap(InvestorRepository.LatestValuation::companyId, Function.identity()));
        List<Holding> holdings = byCompany.entrySet().stream().map(entry -> {
            InvestorRepository.LatestValuation latest = valuations.get(entry.getKey());
            BigDecimal valuation = latest == null ? null : RoundsUsd.plain(latest.valuationUsd());
            return new Holding(found.get(entry.getKey()).toData(), valuation,
                    latest == null ? null : latest.announcedOn(),
                    valuation != null && valuation.compareTo(UNICORN) >= 0,
                    entry.getValue().stream().anyMatch(InvestorRepository.PortfolioRound::lead),
                    entry.getValue().stream().map(round -> new HeldRound(round.id(), round.roundType(), round.status(),
                            round.announcedOn(), RoundsUsd.plain(round.usdValue()), round.amountPrecision(),
                            round.lead())).toList());
        }).toList();
        long unicorns = holdings.stream().filter(Holding::unicorn).count();
        return new Profile(investor.toData(), unicorns, holdings, truncated);
    }

    /**
     * @param unicornsHeld the portfolio companies whose latest post-money valuation is USD 1B or more
     * @param truncated    true when the investor joined more than {@value #MAX_ROUNDS} rounds and only the first are listed
     */
    @Serdeable
    record Profile(InvestorData investor, long unicornsHeld, List<Holding> portfolio, boolean truncated) {
    }

    /**
     * @param latestValuationUsd the post-money valuation of the company's latest active round that reported one
     * @param unicorn            that valuation is USD 1B or more
     * @param led                the investor led at least one of these rounds
     */
    @Serdeable
    record Holding(CompanyData company, @Nullable BigDecimal latestValuationUsd, @Nullable LocalDate valuedOn,
                   boolean unicorn, boolean led, List<HeldRound> rounds) {
    }

    @Serdeable
    record HeldRound(UUID id, String round, String status, LocalDate announcedOn, @Nullable BigDecimal usd,
                     String precision, boolean lead) {
    }
}
