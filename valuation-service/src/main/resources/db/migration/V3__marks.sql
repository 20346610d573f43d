-- What the source called the company (e.g. UNICORN), kept beside the figure: where the two disagree, the API
-- shows both rather than trusting either.
alter table valuation_point add column listed_as text;
-- One mark per company, date and source: the same report loaded twice is one mark.
create unique index valuation_point_mark_once on valuation_point (company_id, as_of, coalesce(source, ''))
    where cause_type = 'MARK';
