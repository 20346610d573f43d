-- Issue 13: /api/stats narrowed by country or layer counted the unicorns by joining every company (40-50 ms at
-- 100,000 companies and 5,763 unicorns). The kept totals now have a row per status, country and layer, so a
-- narrowed read sums a few rows, as the unnarrowed one does. '' stands for a company without a country or layer.
drop table unicorn_stat;
create table unicorn_stat (
    status    text           not null,
    country   text           not null,
    layer     text           not null,
    companies bigint         not null,
    usd       numeric(38, 2) not null,
    primary key (status, country, layer)
);
insert into unicorn_stat (status, country, layer, companies, usd)
select v.status, coalesce(trim(c.country), ''), coalesce(c.layer, ''), count(*), coalesce(sum(v.usd), 0)
from company_valuation v left join company c on c.id = v.company_id
where v.status <> 'NONE'
group by 1, 2, 3;
