package io.aigcwatch.market.shares;

import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.CompanyUpdated;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.market.recompute.Recomputer;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the consumed events of a polled batch do to the shares' inputs, all at once: a funding round adds its
 * contribution to the funding aggregates (a correction replaces it, a retraction takes it out), a company profile
 * edit renames the company's value and moves the rounds it lists to the profile's layer, country and segments, and a
 * valuation change is its company's current value. Once a batch's transaction commits, the shares it moved are due
 * for a recompute.
 */
@Singleton
class ShareInputs {
    private final BatchHandler funding;
    private final BatchHandler valuations;

    ShareInputs(FundingAggregates aggregates, CompanyValueRepository values, Recomputer recomputer) {
        // the projections' scope finds which series moved from their revisions, whichever instance moved them
        this.funding = recomputing(recomputer, events -> {
            aggregates.apply(fundingChanges(events));
            renames(events, values);
        }, ShareScopes.SHARES, FundingSeries.PROJECTION_SCOPE);
        this.valuations = recomputing(recomputer, events -> latestValues(events, values), ShareScopes.SHARES);
    }

    BatchHandler funding() {
        return funding;
    }

    BatchHandler valuations() {
        return valuations;
    }

    private static List<FundingAggregates.Change> fundingChanges(List<ConsumedEvent> events) {
        List<FundingAggregates.Change> changes = new ArrayList<>(events.size());
        for (ConsumedEvent event : events) {
            switch (event.type()) {
                case FundingEventTypes.RECORDED, FundingEventTypes.CORRECTED ->
                        changes.add(FundingAggregates.Change.of(event.data(FundingRoundData.class)));
                case FundingEventTypes.RETRACTED ->
                        changes.add(FundingAggregates.Change.of(event.data(FundingRetracted.class)));
                case FundingEventTypes.COMPANY_UPDATED -> changes.addAll(rebuckets(event.data(CompanyUpdated.class)));
                // an exit leaves the company's country, layer and segments, so its rounds' buckets, as they are
                case FundingEventTypes.COMPANY_STATUS_CHANGED -> {
                }
                default -> throw unknown(event);
            }
        }
        return changes;
    }

    /**
     * An edit of the company's country, layer or segments lists the rounds it moves; any other edit, and one made
     * before producers listed them, lists none.
     */
    private static List<FundingAggregates.Change> rebuckets(CompanyUpdated edit) {
        List<UUID> rounds = edit.roundIds();
        if (rounds == null || rounds.isEmpty()) {
            return List.of();
        }
        List<Long> versions = edit.roundVersions();
        if (versions != null && versions.size() != rounds.size()) {
            throw new PoisonMessage("company.updated lists " + rounds.size() + " rounds but " + versions.size()
                    + " versions");
        }
        List<FundingAggregates.Change> changes = new ArrayList<>(rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            changes.add(new FundingAggregates.Rebucket(rounds.get(i), versions == null ? null : versions.get(i),
                    edit.company()));
        }
        return changes;
    }

    /**
     * A company's new name reaches the unicorn shares' rows at once; its value and status come with valuation
     * changes (an exit arrives there as the company leaving the unicorns). A company not valued yet has no row.
     */
    private static void renames(List<ConsumedEvent> events, CompanyValueRepository values) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (ConsumedEvent event : events) {
            if (FundingEventTypes.COMPANY_UPDATED.equals(event.type())) {
                CompanyProfileData company = event.data(CompanyUpdated.class).company();
                names.put(company.id(), company.name());
            }
        }
        if (!names.isEmpty()) {
            values.renameAll(names.keySet().stream().map(UUID::toString).toArray(String[]::new),
                    names.values().toArray(String[]::new));
        }
    }

    /** A valuation change replaces what was known of its company, whatever came before: a batch's last one wins. */
    private static void latestValues(List<ConsumedEvent> events, CompanyValueRepository values) {
        Map<UUID, ValuationChanged> latest = new LinkedHashMap<>();
        for (ConsumedEvent event : events) {
            if (!ValuationChanged.TYPE.equals(event.type())) {
                throw unknown(event);
            }
            ValuationChanged change = event.data(ValuationChanged.class);
            latest.remove(change.companyId());
            latest.put(change.companyId(), change);
        }
        List<ValuationChanged> rows = List.copyOf(latest.values());
        if (rows.isEmpty()) {
            return;
        }
        values.upsertAll(rows.stream().map(change -> change.companyId().toString()).toArray(String[]::new),
                rows.stream().map(ValuationChanged::companyName).toArray(String[]::new),
                rows.stream().map(ValuationChanged::currentUsd)
                        .map(usd -> usd == null ? null : usd.toPlainString()).toArray(String[]::new),
                rows.stream().map(change -> change.statusAfter().name()).toArray(String[]::new));
    }

    private static PoisonMessage unknown(ConsumedEvent event) {
        return new PoisonMessage("unknown event type '" + event.type() + "'");
    }

    private static BatchHandler recomputing(Recomputer recomputer, BatchHandler apply, String... scopes) {
        return new BatchHandler() {
            @Override
            public void apply(List<ConsumedEvent> events) {
                apply.apply(events);
            }

            @Override
            public void committed(List<ConsumedEvent> events) {
                events.forEach(event -> recomputer.inputsChanged(scopes));
            }
        };
    }
}
