package io.aigcwatch.events.funding;

/** CloudEvents {@code type} values on {@link io.aigcwatch.events.Topics#FUNDING_EVENTS}. */
public final class FundingEventTypes {
    /** data: {@link FundingRoundData} */
    public static final String RECORDED = "funding.recorded";
    /** data: {@link FundingRoundData}, the whole corrected round */
    public static final String CORRECTED = "funding.corrected";
    /** data: {@link FundingRetracted} */
    public static final String RETRACTED = "funding.retracted";
    /** data: {@link CompanyUpdated}; keyed by company id like rounds, so a company's events keep their order */
    public static final String COMPANY_UPDATED = "company.updated";
    /** data: {@link CompanyStatusChanged} */
    public static final String COMPANY_STATUS_CHANGED = "company.status-changed";

    private FundingEventTypes() {
    }
}
