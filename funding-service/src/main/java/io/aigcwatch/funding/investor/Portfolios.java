package io.aigcwatch.funding.investor;

import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.valuation.UnicornStatus;
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
 * marked) and the company's current valuation and unicorn status as valuation-service last published them; for a
 * company valuation-service has not spoken of yet, the latest post-money among its active rounds, labelled so. Four
 * queries whatever the size.
 */
@Singleton
class Portfolios {
    /** A portfolio lists at most this many rounds; {@code truncated} says when there were more. */
    static final int MAX_ROUNDS = 2_000;

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
        Map<UUID, InvestorRepository.CurrentValuation> current = byCompany.isEmpty() ? Map.of()
                : investors.currentValuations(byCompany.keySet()).stream()
                .collect(Collectors.toMap(InvestorRepository.CurrentValuation::companyId, Function.identity()));
        List<UUID> unspoken = byCompany.keySet().stream().filter(id -> !current.containsKey(id)).toList();
        Map<UUID, InvestorRepository.LatestValuation> fromRounds = unspoken.isEmpty() ? Map.of()
                : investors.latestValuations(unspoken).stream()
                .collect(Collectors.toMap(InvestorRepository.LatestValuation::companyId, Function.identity()));
        List<Holding> holdings = byCompany.entrySet().stream().map(entry -> {
            UUID company = entry.getKey();
            List<InvestorRepository.PortfolioRound> held = entry.getValue();
            return Holding.of(found.get(company).toData(), current.get(company), fromRounds.get(company),
                    held.stream().anyMatch(InvestorRepository.PortfolioRound::lead),
                    held.stream().map(round -> new HeldRound(round.id(), round.roundType(), round.status(),
                            round.announcedOn(), RoundsUsd.plain(round.usdValue()), round.amountPrecision(),
                            round.lead())).toList());
        }).toList();
        return new Profile(investor.toData(), investor.unicornsHeld(), holdings, truncated);
    }

    /** Where a holding's valuation comes from. */
    enum ValuationSource {
        /** valuation-service's current valuation and status (marks, down rounds and exits included) */
        VALUATION_SERVICE,
        /** valuation-service has not spoken of the company yet: the latest post-money among its active rounds */
        ROUNDS
    }

    /**
     * @param unicornsHeld the investor's kept count: the distinct companies of its active rounds that valuation-service
     *                     currently counts as unicorns (the portfolio's ROUNDS-sourced unicorns are not in it)
     * @param truncated    true when the investor joined more than {@value #MAX_ROUNDS} rounds and only the first are listed
     */
    @Serdeable
    record Profile(InvestorData investor, long unicornsHeld, List<Holding> portfolio, boolean truncated) {
    }

    /**
     * @param valuationUsd    the company's current valuation: valuation-service's, or the latest post-money among its
     *                        active rounds when {@code valuationSource} is ROUNDS; null when neither has one
     * @param valuedOn        the as-of date of that valuation
     * @param valuationSource null when there is no valuation at all
     * @param unicornStatus   NONE, UNICORN or DECACORN: valuation-service's (NONE for an exited or closed company,
     *                        whatever its valuation), or the rounds' valuation against the lines
     * @param unicorn         {@code unicornStatus} is not NONE
     * @param leftReason      why the company last left the unicorns (DOWN_ROUND, DOWN_MARK, RETRACTED_ROUND,
     *                        MOVED_ROUND, EXIT or CLOSED), while it is not one; from valuation-service only
     * @param led             the investor led at least one of these rounds
     */
    @Serdeable
    record Holding(CompanyData company, @Nullable BigDecimal valuationUsd, @Nullable LocalDate valuedOn,
                   @Nullable ValuationSource valuationSource, UnicornStatus unicornStatus, boolean unicorn,
                   @Nullable String leftReason, boolean led, List<HeldRound> rounds) {

        static Holding of(CompanyData company, @Nullable InvestorRepository.CurrentValuation current,
                          @Nullable InvestorRepository.LatestValuation fromRounds, boolean led, List<HeldRound> rounds) {
            if (current != null) {
                UnicornStatus status = UnicornStatus.valueOf(current.unicornStatus());
                return new Holding(company, RoundsUsd.plain(current.valuationUsd()), current.asOf(),
                        ValuationSource.VALUATION_SERVICE, status, status.counted(), current.leftReason(), led, rounds);
            }
            if (fromRounds != null) {
                BigDecimal usd = RoundsUsd.plain(fromRounds.valuationUsd());
                UnicornStatus status = UnicornStatus.of(usd);
                return new Holding(company, usd, fromRounds.announcedOn(), ValuationSource.ROUNDS, status,
                        status.counted(), null, led, rounds);
            }
            return new Holding(company, null, null, null, UnicornStatus.NONE, false, null, led, rounds);
        }
    }

    @Serdeable
    record HeldRound(UUID id, String round, String status, LocalDate announcedOn, @Nullable BigDecimal usd,
                     String precision, boolean lead) {
    }
}
