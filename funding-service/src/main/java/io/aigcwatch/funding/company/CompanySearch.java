package io.aigcwatch.funding.company;

import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /companies?q=}: companies by any of their names, in any script, by pinyin and initials, ranked exact >
 * prefix > similar, each with why it matched. One query on the GIN trigram index, then the page's companies by id.
 */
@Singleton
class CompanySearch {
    private final CompanyRepository companies;

    CompanySearch(CompanyRepository companies) {
        this.companies = companies;
    }

    Results search(String text, int limit) {
        SearchQuery query = SearchQuery.of(text);
        if (query.q().isEmpty()) {
            throw ProblemException.invalid("q", "must have a visible character");
        }
        List<CompanyRepository.SearchHit> hits = companies.search(query.q(), query.exact(), query.prefix(), limit);
        Map<java.util.UUID, Company> found = hits.isEmpty() ? Map.of() : companies.findByIdIn(
                hits.stream().map(CompanyRepository.SearchHit::id).toList()).stream()
                .collect(Collectors.toMap(Company::id, Function.identity()));
        return new Results(hits.stream().filter(hit -> found.containsKey(hit.id())).map(hit -> {
            Company company = found.get(hit.id());
            return new Hit(company.toData(), SearchMatch.of(query.q(),
                    SearchKeys.terms(company.name(), company.localName(), company.aliases()), hit.rank(), hit.score()));
        }).toList(), null);
    }

    /** The best matches, at most {@code limit}: a search is one page, {@code next} is always absent. */
    @Serdeable
    record Results(List<Hit> items, @Nullable String next) {
    }

    @Serdeable
    record Hit(CompanyData company, SearchMatch match) {
    }
}
