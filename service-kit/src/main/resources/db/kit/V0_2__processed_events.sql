-- Consumers record each CloudEvent id they applied, in the transaction that applied it: a redelivered or
-- replayed event finds its id here and changes nothing.
create table processed_event (
    event_id     uuid primary key,
    topic        text        not null,
    processed_at timestamptz not null default now()
);
