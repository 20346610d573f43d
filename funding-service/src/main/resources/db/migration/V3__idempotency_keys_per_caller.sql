-- Idempotency keys belong to the API key that sent them: the same Idempotency-Key from two API keys is two requests,
-- and one never sees the other's response. The caller is the gateway's X-Aigcwatch-Caller-Key; '' for a request
-- that carries none. Rows stored before this have no known caller and keep ''; they are forgotten within 24 hours.
--
-- A key is now held by the transaction that does the work (an advisory lock) and its row is written by that
-- transaction on commit, so a row is always a completed response: IN_FLIGHT claims, which a retry could take over
-- while their request still ran, no longer exist, and those left from before belong to requests that are gone.
-- claimed_at is now when the response was stored; a row is forgotten 24 hours after it.
delete from idempotency_key where state <> 'COMPLETED';
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add column caller_key text not null default '';
alter table idempotency_key add primary key (caller_key, key);
alter table idempotency_key drop column state;
alter table idempotency_key drop column completed_at;
alter table idempotency_key alter column response_status set not null;
