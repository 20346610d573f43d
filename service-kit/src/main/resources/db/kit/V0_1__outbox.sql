-- The transactional outbox: a service writes its state and the event that announces it in one transaction,
-- and the relay publishes committed rows to Kafka. Versions 0.x belong to service-kit; services start at 1.
create table outbox (
    seq         bigserial primary key,
    id          uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    event_type  text        not null,
    -- text, not jsonb: the relay must publish exactly the bytes that were written
    payload     text        not null,
    created_at  timestamptz not null default clock_timestamp(),
    sent_at     timestamptz
);

create index outbox_pending on outbox (seq) where sent_at is null;
create index outbox_sent on outbox (sent_at) where sent_at is not null;
