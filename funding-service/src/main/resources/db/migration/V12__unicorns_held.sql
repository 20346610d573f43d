-- Issue 14: valuation-service is the authority on a company's current valuation and unicorn status (marks that are
-- not rounds, down rounds, exits and closures included). funding-service keeps a copy of each company's, from
-- valuation.changes.v1 (valuationintake.ValuationIntake), and from it each investor's count of unicorns held.
create table company_valuation (
    company_id     uuid primary key,
    -- null when valuation-service withdrew the company's last valuation point
    valuation_usd  numeric(30, 2),
    as_of          date,
    -- REPORTED or ESTIMATED
    basis          text,
    unicorn_status text        not null check (unicorn_status in ('NONE', 'UNICORN', 'DECACORN')),
    -- why the company last left the unicorns (DOWN_ROUND, DOWN_MARK, RETRACTED_ROUND, MOVED_ROUND, EXIT, CLOSED);
    -- null once it is back
    left_reason    text,
    updated_at     timestamptz not null default now()
);

-- The distinct companies of an investor's active rounds that valuation-service currently counts as unicorns (or
-- decacorns). Kept exact by the transaction that changes either side: a round linked, corrected or retracted
-- (investor.UnicornHoldings, one set-based statement per round write or import chunk) and a company crossing the
-- line (the valuation intake). It starts at 0 for everyone, which is exact while company_valuation is empty; the
-- consumer group reads the topic from its start and builds both up.
alter table investor add column unicorns_held bigint not null default 0;
-- sort=unicorns reads this index from the cursor's position on, as the other rankings read theirs
create index investor_by_unicorns on investor (unicorns_held desc, id desc);
