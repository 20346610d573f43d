-- Every version of the projection inputs, kept: a projection names the version it was computed from.
create table assumption_set (
    version    bigserial primary key,
    body       text        not null,
    created_at timestamptz not null default now()
);
