-- The version of each round that its contribution is from. Producers key a round's events by its company, so once
-- a round moves to another company its versions travel on different partitions and can arrive out of order: an
-- event whose version is not newer than this one is acknowledged and ignored. A retracted round keeps its row,
-- counting in no bucket, so that an older version arriving late cannot bring it back. Rows from before this column
-- are version 0: their round's next event applies, whatever its version, as every event did before.
alter table round_contribution add column version bigint not null default 0;
