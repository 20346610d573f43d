-- What InboxTest's handler writes, to see whether a poison rolled it back.
create table applied (
    event_id uuid primary key,
    note     text not null
);
