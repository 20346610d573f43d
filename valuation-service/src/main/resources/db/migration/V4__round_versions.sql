-- The newest version of each round this service applied. Producers key a round's events by its company, so once
-- a round moves to another company its versions travel on different partitions and can arrive out of order: an
-- event whose version is not newer than this one is acknowledged and ignored. A retracted round keeps its row, so
-- that an older version arriving late cannot bring it back. Rounds applied before this table existed have no row;
-- their next event applies, whatever its version, as every event did before.
create table round_version (
    round_id uuid   primary key,
    version  bigint not null
);
