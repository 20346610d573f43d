-- Issue 14: how much of a round's announcement date is known (events' DatePrecision). Every round stored before
-- was given to the day, as the API then required, so DAY is the truth for them and the default. The kept stats
-- (V5, V7) need no rebuild: a DAY round is placed in its quarter, as it was.
alter table funding_round add column announced_precision text not null default 'DAY';
