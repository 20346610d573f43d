-- Issue 14, investors: the names on rounds become records, one per normalised name (as companies are), linked to
-- the rounds they joined. funding_round.investors stays the round's own copy of what it was recorded with; the link
-- table is what filters, profiles and rankings read. The Java migration V11_1 fills both from the rounds already
-- there, with the code that reads new names (CompanyNames.key), and writes the search keys.
-- pg_trgm: trigram similarity and LIKE on a GIN index, for search in any script. Trusted since PostgreSQL 13, so the
-- service's own user, which owns its schema and runs its migrations, may create it; it lands in that schema.
create extension if not exists pg_trgm;

create table investor (
    id              uuid primary key,
    name            text           not null,
    normalized_name text           not null unique,
    local_name      text,
    aliases         jsonb          not null default '[]',
    type            text           not null default 'UNKNOWN'
        check (type in ('VC', 'CVC', 'ANGEL', 'STATE_FUND', 'PE', 'ACCELERATOR', 'CORPORATE', 'OTHER', 'UNKNOWN')),
    -- SearchKeys: '|'-separated lower-case name, local name, aliases, pinyin and initials
    search_key      text           not null default '',
    -- kept by the transaction that records, corrects or retracts a round (InvestorLinks.addToStats), so that a
    -- ranking reads an index, never the rounds; active rounds only
    rounds          bigint         not null default 0,
    leads           bigint         not null default 0,
    -- the USD of the rounds it joined (its own share of a round is not reported)
    rounds_usd      numeric(30, 2) not null default 0,
    created_at      timestamptz    not null default now()
);
create index investor_by_rounds on investor (rounds desc, id desc);
create index investor_by_leads on investor (leads desc, id desc);
create index investor_by_usd on investor (rounds_usd desc, id desc);
create index investor_search on investor using gin (search_key gin_trgm_ops);

-- No foreign keys: only the round's own write transaction and the bulk import's COPY write these rows, and a check
-- per row would slow the import's set-based insert.
create table round_investor (
    round_id    uuid    not null,
    investor_id uuid    not null,
    lead        boolean not null,
    primary key (round_id, investor_id)
);
-- investor= and leadInvestor= on /funding-events, and an investor's portfolio
create index round_investor_by_investor on round_investor (investor_id, lead, round_id);

alter table company add column search_key text not null default '';
create index company_search on company using gin (search_key gin_trgm_ops);
