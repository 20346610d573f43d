-- Issue 12: bulk import (POST /imports). A job is acknowledged (202) only once its rows are here and committed, so
-- an acknowledged import survives a crash: the worker picks up a QUEUED or RUNNING job where next_line says.
create table import_job (
    id                    uuid primary key,
    state                 text        not null,
    format                text        not null,
    -- the CSV header as sent, so that a row staged as CSV is read with the columns of its file
    header                jsonb,
    rows_total            bigint,
    -- every staged row at or below it has been applied, in the transaction that moved it
    next_line             bigint      not null default 0,
    rows_done             bigint      not null default 0,
    rows_imported         bigint      not null default 0,
    rows_already_recorded bigint      not null default 0,
    rows_refused          bigint      not null default 0,
    failure               text,
    received_at           timestamptz not null,
    started_at            timestamptz,
    finished_at           timestamptz,
    updated_at            timestamptz not null
);
create index import_job_pending on import_job (received_at) where state in ('QUEUED', 'RUNNING');

-- The staged rows, as sent (COPY FROM STDIN); a chunk deletes the rows it applied.
create table import_row (
    job_id  uuid   not null references import_job (id) on delete cascade,
    line    bigint not null,
    payload text   not null,
    primary key (job_id, line)
);

create table import_refusal (
    job_id uuid   not null references import_job (id) on delete cascade,
    line   bigint not null,
    seq    int    not null,
    field  text   not null,
    reason text   not null,
    primary key (job_id, line, seq)
);

-- Exact-content fingerprints of imported rounds (docs/api.md): importing the same row again finds its fingerprint
-- and adds nothing.
create table import_fingerprint (
    fingerprint bytea primary key,
    round_id    uuid not null
);
