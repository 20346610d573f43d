-- Issue 12: the list query now names only the filters given (RoundQuery), so each filter can use its own index.
-- Every index ends in the page order (announced_on desc, id desc): a filtered page is read in order and stops after
-- its rows, instead of sorting every match. Status is in the round-type index because retracted rounds are left out
-- by default; the unfiltered page and date ranges use funding_round_page (V1).
create index funding_round_company_page on funding_round (company_id, announced_on desc, id desc);
create index funding_round_type_page on funding_round (round_type, status, announced_on desc, id desc);
-- country and layer filter through the company (country is char(2), so the query binds it as bpchar to reach
-- company_country); company lookup by name already has the unique normalized_name and company_local_name
create index company_country on company (country);
create index company_layer on company (layer);
