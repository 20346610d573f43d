-- Webhook subscriptions and their deliveries. This service's own versions start at 1, after service-kit's 0.x (the
-- inbox that makes consuming valuation.changes.v1 idempotent).

create table webhook (
    id            uuid primary key,
    -- Caller.id() of the API key that registered it: a stable, non-secret key id
    owner_id      text        not null,
    url           text        not null,
    -- kept as given, since signing needs it; it never leaves this service again after the 201 that created it
    secret        text        not null,
    description   text,
    -- {"companies": [...], "countries": [...], "layers": [...], "unicornOnly": false, "minChangePct": 5}
    filters       jsonb       not null,
    -- ACTIVE, or FAILING once a delivery exhausted its retries: a failing webhook gets no new deliveries
    status        text        not null,
    created_at    timestamptz not null,
    failing_since timestamptz
);

create index webhook_by_owner on webhook (owner_id, created_at);
create index webhook_active on webhook (status) where status = 'ACTIVE';

-- What each delivery sends: the event exactly as it was consumed, stored once however many webhooks it goes to.
create table webhook_event (
    event_id    uuid primary key,
    payload     text        not null,
    received_at timestamptz not null default now()
);

create table webhook_delivery (
    -- the order deliveries were created in: the log pages newest first on it
    seq             bigserial primary key,
    -- sent as webhook-id; the same on every retry, so that a receiver can dedup
    id              uuid        not null unique,
    webhook_id      uuid        not null references webhook (id) on delete cascade,
    event_id        uuid        not null references webhook_event (event_id),
    -- PENDING (waiting for its next attempt, or being sent), DELIVERED, or FAILED after its last retry
    status          text        not null,
    attempts        int         not null default 0,
    -- when a PENDING delivery is due; while an attempt is in flight, when its claim lapses
    next_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    unique (webhook_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (webhook_id, seq);
