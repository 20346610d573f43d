package io.aigcwatch.funding.company;

import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that mints company ids. A company named again is found by its name, whatever its case, spacing,
 * widths and invisible characters, or by its local-language name; the registry keeps what it first learned of its
 * country and layer. Names are stored as {@link CompanyNames#clean} reads them, so what is shown is what is compared.
 */
@Singleton
public class CompanyRegistry {
    private final CompanyRepository companies;
    private final InputLimits limits;

    CompanyRegistry(CompanyRepository companies, InputLimits limits) {
        this.companies = companies;
        this.limits = limits;
    }

    /**
     * The company a request refers to, its row locked until the transaction ends: writers of one company's rounds
     * take turns, so checks across its rounds stay true until commit. A company named by id must exist; one named
     * by name is registered first if it is new.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Company lock(CompanyRef ref) {
        if (ref.id() != null) {
            return companies.lockById(ref.id()).orElseThrow(() -> ProblemException.invalid("company.id",
                    "no company has the id " + ref.id()));
        }
        String name = cleanName("company.name", ref.name());
        if (name == null) {
            throw ProblemException.invalid("company.name", "must have a visible character");
        }
        String normalized = CompanyNames.key(name);
        String localName = cleanName("company.localName", ref.localName());
        return companies.lockOrRegister(UUID.randomUUID(), name, normalized, localName, ref.country(),
                        ref.layer().name(), ref.segments(), SearchKeys.of(name, localName, List.of())).stream().findFirst()
                .or(() -> companies.lockByNormalizedName(normalized))
                .orElseThrow(() -> new IllegalStateException("company " + name + " vanished right after it was registered"));
    }

    /**
     * Locks {@code company} and the existing company {@code other} names (if it is another) in id order, as an import
     * chunk and the unicorn bookkeeping lock companies. A correction that moves a round to another company needs
     * both; locking the target first and the round's own company later would deadlock with a chunk holding both.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lockInIdOrder(UUID company, CompanyRef other) {
        java.util.Set<UUID> ids = new java.util.TreeSet<>(List.of(company));
        if (other.id() != null) {
            ids.add(other.id());
        } else {
            String name = cleanName("company.name", other.name());
            if (name != null) {
                companies.findByNormalizedName(CompanyNames.key(name)).ifPresent(found -> ids.add(found.id()));
            }
        }
        companies.lockByIds(ids);
    }

    public Company require(UUID id) {
        return companies.findById(id).orElseThrow(() -> ProblemException.notFound("company " + id));
    }

    /** The companies of a page of rounds in one query, so a page costs the same whatever the number of companies. */
    public Map<UUID, Company> requireAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Company> found = companies.findByIdIn(ids).stream()
                .collect(Collectors.toMap(Company::id, Function.identity()));
        ids.stream().filter(id -> !found.containsKey(id)).findFirst().ifPresent(missing -> {
            throw ProblemException.notFound("company " + missing);
        });
        return found;
    }

    public Optional<Company> findByName(String name) {
        return companies.findByNormalizedName(CompanyNames.key(name))
                .or(() -> companies.findFirstByLocalName(CompanyNames.clean(name)));
    }

    /**
     * The name as it is stored; null when nothing visible is left. NFKC can lengthen a name, so the bound is checked
     * on what is stored.
     */
    @Nullable String cleanName(String field, @Nullable String text) {
        String clean = text == null ? "" : CompanyNames.clean(text);
        if (clean.codePointCount(0, clean.length()) > limits.maxNameLength()) {
            throw ProblemException.invalid(field, "must be at most " + limits.maxNameLength()
                    + " characters once normalised (NFKC)");
        }
        return clean.isEmpty() ? null : clean;
    }

    List<Company> page(@Nullable String afterNormalizedName, int limit) {
        return companies.page(afterNormalizedName, limit);
    }
}
