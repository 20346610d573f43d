package io.aigcwatch.funding.round;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Keeps the kept funding totals true when a company's country or layer is edited. Rounds count under their
 * company's country and layer (the filtered round list joins the company as it is now), so a company that moves
 * takes its rounds' share of the by-layer, by-country and cell totals with it; otherwise the stats and the list of
 * rounds they summarise would disagree from the edit on.
 */
@Singleton
public class CompanyMoves {
    private final FundingRoundRepository rounds;

    CompanyMoves(FundingRoundRepository rounds) {
        this.rounds = rounds;
    }

    /**
     * The company's rounds that count now (not retracted), in id order, at their versions. Call it with the
     * company's row locked: every round writer locks its company's row first (see {@code CompanyRegistry}), so
     * no round of the company is recorded or corrected between this read and the edit's commit.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<CountingRound> counting(UUID companyId) {
        return rounds.findActiveOfCompany(companyId);
    }

    /** Runs the edit between taking the company's {@link #counting} rounds out of the totals and putting them back. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public <T> T moving(List<CountingRound> counting, Supplier<T> edit) {
        if (counting.isEmpty()) {
            return edit.get();
        }
        List<UUID> active = counting.stream().map(CountingRound::id).toList();
        rounds.addToStats(active, -1);
        T edited = edit.get();
        rounds.addToStats(active, 1);
        return edited;
    }

    @Introspected
    public record CountingRound(UUID id, long version) {
    }
}
