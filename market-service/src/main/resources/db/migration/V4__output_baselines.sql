-- What market-service last published of each output scope, one row per scope. A recompute locks its scope's row,
-- compares the outputs with it, and writes the new values in the same transaction as the market.recomputed event
-- (through the outbox): an event is in the outbox exactly when its values are here, and a recompute that failed or
-- never ran before a restart is caught up by the next, measured against what consumers were really told.
create table output_baseline (
    scope        text primary key,
    published    jsonb       not null,
    published_at timestamptz not null default now()
);

-- Nothing of the shares has been published yet, so every share is news, those applied before the service's
-- first recompute included. A scope without a row here (the projections) starts instead from what it reads at its
-- first start: the shipped report, which no one needs told. A database that already held shares when this ran
-- publishes each of them once, from null, since the baseline the previous version kept in memory is gone.
insert into output_baseline (scope, published) values ('shares', '{}');
