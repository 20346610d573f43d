package io.aigcwatch.funding.investor;

/** What kind of investor it is; UNKNOWN until someone says (the rounds name investors, not their kinds). */
public enum InvestorType {
    VC, CVC, ANGEL, STATE_FUND, PE, ACCELERATOR, CORPORATE, OTHER, UNKNOWN
}
