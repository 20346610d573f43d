-- Market alerts (issue 15): a webhook of MARKET_RECOMPUTED is sent market-service's market.recomputed events, of
-- the scopes it names. Deliveries and their log are the tables every kind shares.
-- ["projections.funding", ...]: a JSON array of scope names, empty for every scope; null unless
-- events = 'MARKET_RECOMPUTED'
alter table webhook add column market_scopes jsonb;
