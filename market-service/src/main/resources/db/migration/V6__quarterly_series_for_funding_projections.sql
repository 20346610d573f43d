-- Issue 15: funding-share projections are fitted on quarterly series of USD raised by layer, by country and by
-- content type. They are kept like every other aggregate, in funding_aggregate, as dimensions QUARTER_LAYER,
-- QUARTER_COUNTRY and QUARTER_SEGMENT with buckets '<quarter>|<category>', so that a fit reads a few hundred rows
-- whatever the number of rounds. A round counts in them only where its date precision places it in a quarter. A
-- company with several content types splits the round's USD evenly between them (rounded to the cent, as
-- io.aigcwatch.market.shares.Contribution does), so that the shares by content type sum to 100; one with none is in
-- no segment series. round_contribution keeps only each round's base buckets: the series cells are derived from them,
-- here and in Contribution alike, so a correction of a round counted here takes out exactly what this added.
with placed as (
    select usd,
           substring(buckets from E'(?:^|\n)QUARTER\x1f([^\n]*)') as quarter,
           substring(buckets from E'(?:^|\n)LAYER\x1f([^\n]*)') as layer,
           substring(buckets from E'(?:^|\n)COUNTRY\x1f([^\n]*)') as country,
           array(select found[1] from regexp_matches(buckets,
               E'(?:^|\n)SEGMENT\x1f(TEXT|IMAGE|AUDIO|VIDEO|CODE|STRATEGY|THREE_D|VIRTUAL_HUMAN|PROTEIN_STRUCTURE)(?=\n|$)',
               'g') as found) as content_types
    from round_contribution
    where buckets <> ''
), cells as (
    select 'QUARTER_LAYER' as dimension, quarter || '|' || layer as bucket, usd
    from placed where quarter <> 'UNPLACED' and layer is not null
    union all
    select 'QUARTER_COUNTRY', quarter || '|' || country, usd
    from placed where quarter <> 'UNPLACED' and country is not null
    union all
    select 'QUARTER_SEGMENT', quarter || '|' || content_type, round(usd / cardinality(content_types), 2)
    from placed, unnest(content_types) as content_type where quarter <> 'UNPLACED'
)
insert into funding_aggregate (dimension, bucket, rounds, usd)
select dimension, bucket, count(*), sum(usd) from cells group by dimension, bucket;

-- How many times each series changed: a fit remembers the revision it was made from, so any instance of the service
-- refits a series exactly when a round moved it, whichever instance applied that round.
create table series_revision (
    dimension text   primary key,
    revision  bigint not null
);
insert into series_revision (dimension, revision) values ('QUARTER_LAYER', 1), ('QUARTER_COUNTRY', 1), ('QUARTER_SEGMENT', 1);
