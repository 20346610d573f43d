-- Which deliveries are in flight, so that the dispatcher can share its slots fairly among owners: one API key whose
-- receivers never answer holds at most its own share, not every slot (issue 11). Set when an attempt claims the
-- delivery, to when that claim lapses; cleared when the attempt's outcome is written. A claim whose instance died
-- simply lapses, and the delivery counts as in flight no longer.
alter table webhook_delivery add column claimed_until timestamptz;

-- what each owner has in flight: only claimed rows, a handful, however long the backlog
create index webhook_delivery_claimed on webhook_delivery (claimed_until) where claimed_until is not null;
-- each webhook's oldest due deliveries, so that a claim reads a few rows per webhook, never a whole backlog
create index webhook_delivery_due_by_webhook on webhook_delivery (webhook_id, next_attempt_at)
    where status = 'PENDING';
