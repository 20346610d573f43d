package io.aigcwatch.funding.company;

import io.aigcwatch.events.Layer;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that mints company ids. A company named again is found by its name, whatever its case and spacing,
 * or by its local-language name; the registry keeps what it first learned of its country and layer.
 */
@Singleton
public class CompanyRegistry {
    private final CompanyRepository companies;
    private final CompanyLocks locks;
    private final ObjectMapper json;

    CompanyRegistry(CompanyRepository companies, CompanyLocks locks, ObjectMapper json) {
        this.companies = companies;
        this.locks = locks;
        this.json = json;
    }

    /** The company with that id, its row locked until the transaction ends (see {@link #resolveAndLock}). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Company> lock(UUID id) {
        return companies.lockById(id);
    }

    /**
     * The company of that name, registering it first if it is new, with its row locked until the transaction
     * ends: writers of one company's rounds take turns, so checks across its rounds stay true until commit.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Company resolveAndLock(String name, @Nullable String localName, String country, Layer layer,
                                  List<String> segments) {
        String normalized = CompanyNames.normalize(name);
        return locks.lockOrRegister(name.trim(), normalized, localName, country, layer.name(), toJson(segments))
                .or(() -> companies.lockByNormalizedName(normalized))
                .orElseThrow(() -> new IllegalStateException("company " + name + " vanished right after it was registered"));
    }

    private String toJson(List<String> segments) {
        try {
            return json.writeValueAsString(segments);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Company require(UUID id) {
        return companies.findById(id).orElseThrow(() -> ProblemException.notFound("company " + id));
    }

    public Optional<Company> findByName(String name) {
        return companies.findByNormalizedName(CompanyNames.normalize(name))
                .or(() -> companies.findFirstByLocalName(name.trim()));
    }

    public List<Company> page(@Nullable String afterNormalizedName, int limit) {
        return companies.page(afterNormalizedName, limit);
    }
}
