-- Issue 12: /funding-stats read every active round (2.5-3.1 s at 1,000,000). It now reads these rows, which the
-- transaction that records, corrects or retracts a round keeps up to date by adding its round's share with a sign
-- (FundingRoundRepository.addToStats). One row per bucket of each dimension, and the one 'total' row (bucket '').
-- Rows whose rounds fell to 0 stay; the read leaves them out, as the scan had no such bucket.
create table funding_stat (
    dimension          text           not null,
    bucket             text           not null,
    rounds             bigint         not null,
    approximate_rounds bigint         not null,
    undisclosed_rounds bigint         not null,
    usd_raised         numeric(30, 2) not null,
    primary key (dimension, bucket)
);

-- from the rounds already there, as the scan counted them
insert into funding_stat (dimension, bucket, rounds, approximate_rounds, undisclosed_rounds, usd_raised)
select d.dimension, d.bucket, count(*),
       count(*) filter (where r.amount_precision = 'APPROXIMATE'),
       count(*) filter (where r.amount_precision = 'UNDISCLOSED'),
       coalesce(sum(case when r.amount_precision = 'UNDISCLOSED' then null
                         else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end), 0)
from funding_round r
join company c on c.id = r.company_id
cross join lateral (values ('total', ''),
                           ('quarter', extract(year from r.announced_on)::int || '-Q'
                                       || extract(quarter from r.announced_on)::int),
                           ('layer', c.layer::text),
                           ('country', c.country::text)) as d (dimension, bucket)
where r.status = 'ACTIVE'
group by d.dimension, d.bucket;

-- the total row is there even before the first round, as the scan's total was
insert into funding_stat values ('total', '', 0, 0, 0, 0) on conflict do nothing;
