-- Issue 13: /api/stats narrows funding by country, layer and a span of announcement quarters. Each filtered answer
-- is a sum of these 'cell' rows, one per quarter|layer|country that has had a round (a few thousand at most, however
-- many rounds), which the statement that keeps the other rows (FundingRoundRepository.STATS_FROM_ROUNDS) keeps in the
-- same write. A bucket is '2023-Q1|MODEL|CN': quarters sort as text, so a span is a comparison of strings.
insert into funding_stat (dimension, bucket, rounds, approximate_rounds, undisclosed_rounds, usd_raised)
select 'cell',
       extract(year from r.announced_on)::int || '-Q' || extract(quarter from r.announced_on)::int
           || '|' || c.layer::text || '|' || c.country::text,
       count(*),
       count(*) filter (where r.amount_precision = 'APPROXIMATE'),
       count(*) filter (where r.amount_precision = 'UNDISCLOSED'),
       coalesce(sum(case when r.amount_precision = 'UNDISCLOSED' then null
                         else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end), 0)
from funding_round r
join company c on c.id = r.company_id
where r.status = 'ACTIVE'
group by 2;
