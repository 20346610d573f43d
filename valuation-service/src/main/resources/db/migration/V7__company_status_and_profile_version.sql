-- Issue 14: funding-service's company.updated and company.status-changed reach this copy. A company that exited
-- (ACQUIRED, PUBLIC, CLOSED) is off the unicorn list while its valuation history stays; profile_version is the
-- funding profile's version last applied, so an older edit arriving late changes nothing.
alter table company
    add column status          text   not null default 'ACTIVE',
    add column status_since    date,
    add column profile_version bigint not null default 0;
