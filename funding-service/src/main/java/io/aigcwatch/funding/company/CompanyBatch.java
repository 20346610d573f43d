package io.aigcwatch.funding.company;

import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link CompanyRegistry#lock} for many rounds at once, with a few statements instead of one per round: the same
 * rules (by id; else by name, whatever its case, width and invisible characters; else by local-language name; else
 * registered with what the first round of it says), and every company's row locked until the transaction ends.
 */
@Singleton
public class CompanyBatch {
    private final CompanyRepository companies;
    private final CompanyRegistry registry;
    private final CompanySearchKeys searchKeys;

    CompanyBatch(CompanyRepository companies, CompanyRegistry registry, CompanySearchKeys searchKeys) {
        this.companies = companies;
        this.registry = registry;
        this.searchKeys = searchKeys;
    }

    /** The company of each ref, in order, or what is wrong with the ref, as {@code POST /funding-events} says it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Resolved> lockOrRegisterAll(List<CompanyRef> refs) {
        List<Named> named = new ArrayList<>(refs.size());
        Set<UUID> ids = new HashSet<>();
        for (CompanyRef ref : refs) {
            named.add(Named.of(ref, registry));
            if (ref.id() != null) {
                ids.add(ref.id());
            }
        }
        Map<String, Company> byKey = new HashMap<>();
        Set<String> keys = named.stream().map(Named::key).filter(k -> k != null).collect(Collectors.toSet());
        if (!keys.isEmpty()) {
            companies.findByNormalizedNames(keys).forEach(c -> byKey.put(c.normalizedName(), c));
        }
        findByLocalNames(named, byKey);
        register(named, byKey);
        byKey.values().forEach(c -> ids.add(c.id()));
        Map<UUID, Company> locked = ids.isEmpty() ? Map.of() : companies.lockByIds(ids).stream()
                .collect(Collectors.toMap(Company::id, Function.identity()));
        List<Resolved> resolved = new ArrayList<>(named.size());
        for (Named one : named) {
            resolved.add(one.resolve(byKey, locked));
        }
        return resolved;
    }

    /** A name not registered yet may be another company's local-language name, as {@link CompanyRegistry} allows. */
    private void findByLocalNames(List<Named> named, Map<String, Company> byKey) {
        Map<String, List<Named>> missing = new HashMap<>();
        for (Named one : named) {
            if (one.key() != null && !byKey.containsKey(one.key()) && one.localName() != null) {
                missing.computeIfAbsent(one.localName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(one);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Company> first = new HashMap<>();
        for (Company company : companies.findByLowerLocalNames(missing.keySet())) {
            first.putIfAbsent(company.localName().toLowerCase(Locale.ROOT), company);
        }
        first.forEach((local, company) -> missing.get(local).forEach(one -> byKey.putIfAbsent(one.key(), company)));
    }

    private void register(List<Named> named, Map<String, Company> byKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Company> fresh = new LinkedHashMap<>();
        for (Named one : named) {
            if (one.key() != null && !byKey.containsKey(one.key()) && !fresh.containsKey(one.key())) {
                CompanyRef ref = one.ref();
                fresh.put(one.key(), Company.registered(UUID.randomUUID(), one.name(), one.key(), one.localName(),
                        ref.country(), ref.layer(), ref.segments(), now));
            }
        }
        if (!fresh.isEmpty()) {
            companies.saveAll(fresh.values());
            searchKeys.write(fresh.values());
            byKey.putAll(fresh);
        }
    }

    /** @param company null when the ref is refused, and then {@code error} says why */
    public record Resolved(@Nullable Company company, @Nullable Problem.FieldError error) {
    }

    private record Named(CompanyRef ref, @Nullable String name, @Nullable String key, @Nullable String localName,
                         @Nullable Problem.FieldError error) {

        static Named of(CompanyRef ref, CompanyRegistry registry) {
            if (ref.id() != null) {
                return new Named(ref, null, null, null, null);
            }
            try {
                String name = registry.cleanName("company.name", ref.name());
                if (name == null) {
                    return refused(ref, new Problem.FieldError("company.name", "must have a visible character"));
                }
                String localName = registry.cleanName("company.localName", ref.localName());
                return new Named(ref, name, CompanyNames.key(name), localName, null);
            } catch (ProblemException e) {
                return refused(ref, e.toProblem(null).errors().get(0));
            }
        }

        private static Named refused(CompanyRef ref, Problem.FieldError error) {
            return new Named(ref, null, null, null, error);
        }

        Resolved resolve(Map<String, Company> byKey, Map<UUID, Company> locked) {
            if (error != null) {
                return new Resolved(null, error);
            }
            if (ref.id() != null) {
                Company company = locked.get(ref.id());
                return company != null ? new Resolved(company, null)
                        : new Resolved(null, new Problem.FieldError("company.id", "no company has the id " + ref.id()));
            }
            return new Resolved(locked.getOrDefault(byKey.get(key).id(), byKey.get(key)), null);
        }
    }
}
