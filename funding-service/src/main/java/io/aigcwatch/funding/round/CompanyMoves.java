package io.aigcwatch.funding.round;

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

    /** Runs the edit between taking the company's active rounds out of the totals and putting them back. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public <T> T moving(UUID companyId, Supplier<T> edit) {
        List<UUID> active = rounds.findActiveIdsOfCompany(companyId);
        if (active.isEmpty()) {
            return edit.get();
        }
        rounds.addToStats(active, -1);
        T edited = edit.get();
        rounds.addToStats(active, 1);
        return edited;
    }
}
