package io.aigcwatch.market.forecast;

/**
 * The USD raised in one quarter by one category of a dimension, the input of {@link FundingShareFit}. A quarter
 * and category without a cell raised nothing.
 *
 * @param rounds how many rounds were announced, undisclosed ones included
 * @param usd    their USD; 0 when every one of them was undisclosed
 */
public record QuarterCell(int year, int quarter, String category, long rounds, double usd) {
}
