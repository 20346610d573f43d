-- How many companies are unicorns (or decacorns) now and their valuations added up, by status: what /api/stats
-- shows, kept by the ledger in the transaction that changes a company's status or valuation, so that a read costs
-- the same at 100 or 100,000 companies. Filled here from the current valuations, which the ledger keeps from now on.
create table unicorn_stat (
    status    text primary key,
    companies bigint         not null,
    usd       numeric(38, 2) not null
);
insert into unicorn_stat (status, companies, usd)
select status, count(*), coalesce(sum(usd), 0) from company_valuation where status <> 'NONE' group by status;

-- The largest unicorns first, without reading the others.
create index company_valuation_top on company_valuation (usd desc) where status <> 'NONE';
-- Points a source labelled (marks with listed_as), so that the mislabelled check reads those, not every company.
create index valuation_point_listed on valuation_point (company_id) where listed_as is not null;
