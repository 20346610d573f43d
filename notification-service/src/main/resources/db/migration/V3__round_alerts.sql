-- Round alerts (issue 14, point 7): a webhook subscribes either to valuation changes, as every webhook did before,
-- or to new rounds recorded on funding.events.v1, with filters of their own. Deliveries, their log, retries and
-- retention are the same tables for both: a delivery is an event and a webhook, whatever the event's topic.
alter table webhook add column events text not null default 'VALUATION_CHANGES';
-- {"companies": [...], "investors": [...], "countries": [...], "layers": [...], "segments": [...],
--  "roundTypes": [...], "minUsd": 100000000}; null unless events = 'NEW_ROUNDS'
alter table webhook add column round_filters jsonb;

-- each intake reads the active webhooks of its own kind
drop index webhook_active;
create index webhook_active on webhook (events) where status = 'ACTIVE';
