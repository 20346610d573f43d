-- Which deliveries are in flight, so that the dispatcher can share its slots fairly among owners: one API key whose
-- receivers never answer holds at most its own share, not every slot (issue 11). Set when an attempt claims the
-- delivery, to when that claim lapses; cleared when the attempt's outcome is written. A claim whose instance died
-- simply lapses, and the delivery counts as in flight no longer.
alter table webhook_delivery add column claimed_until timestamptz;
