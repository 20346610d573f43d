package io.aigcwatch.funding.investor;

import io.aigcwatch.funding.company.SearchKeys;
import io.aigcwatch.funding.company.SearchMatch;
import io.aigcwatch.funding.company.SearchQuery;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /investors?q=}, as {@code GET /companies?q=} searches companies: same keys, ranks and reasons. */
@Singleton
class InvestorSearch {
    private final InvestorRepository investors;

    InvestorSearch(InvestorRepository investors) {
        this.investors = investors;
    }

    Results search(String text, int limit) {
        SearchQuery query = SearchQuery.of(text);
        if (query.q().isEmpty()) {
            throw ProblemException.invalid("q", "must have a visible character");
        }
        List<InvestorRepository.Hit> hits = investors.search(query.q(), query.exact(), query.prefix(), limit);
        Map<UUID, Investor> found = hits.isEmpty() ? Map.of() : investors.findByIdIn(
                hits.stream().map(InvestorRepository.Hit::id).toList()).stream()
                .collect(Collectors.toMap(Investor::id, Function.identity()));
        return new Results(hits.stream().filter(hit -> found.containsKey(hit.id())).map(hit -> {
            Investor investor = found.get(hit.id());
            return new Hit(investor.toData(), SearchMatch.of(query.q(),
                    SearchKeys.terms(investor.name(), investor.localName(), investor.aliases()), hit.rank(),
                    hit.score()));
        }).toList(), null);
    }

    @Serdeable
    record Results(List<Hit> items, @Nullable String next) {
    }

    @Serdeable
    record Hit(InvestorData investor, SearchMatch match) {
    }
}
