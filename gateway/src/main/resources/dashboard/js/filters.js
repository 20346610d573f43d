// The overview's filters: country, layer and a period in quarters (from, to), kept in the URL
// (?country=CN&layer=MODEL&from=2023-Q1&to=2024-Q4) so that a view can be shared as a link and survives a reload.
// Each API names them its own way; this module says how.
import { countryName, label } from './format.js';

export const FILTER_NAMES = ['country', 'layer', 'from', 'to'];
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const $ = (id) => document.getElementById(id);

/** The quarter a YYYY-MM-DD date falls in, as 2024-Q2. */
export function quarterOf(isoDate) {
  const [year, month] = isoDate.split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The first (or last) day of a quarter such as 2024-Q2, as YYYY-MM-DD: what /api/funding-events takes. */
export function quarterDay(quarter, last) {
  const [, year, number] = QUARTER.exec(quarter).map(Number);
  const day = last ? new Date(Date.UTC(year, number * 3, 0)) : new Date(Date.UTC(year, (number - 1) * 3, 1));
  return day.toISOString().slice(0, 10);
}

/** The filters as the URL holds them; a link from before the period was in quarters held dates, read as quarters. */
export function filters() {
  const params = new URLSearchParams(location.search);
  const values = Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) || '']));
  ['from', 'to'].filter((name) => DAY.test(values[name])).forEach((name) => {
    values[name] = quarterOf(values[name]);
  });
  return values;
}

export function anyFilter(values) {
  return FILTER_NAMES.some((name) => values[name]);
}

function query(pairs) {
  const params = new URLSearchParams();
  pairs.filter(([, value]) => value).forEach(([name, value]) => params.set(name, value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** /api/stats narrows its funding part by all three and its unicorn part by country and layer. */
export function statsQuery(values) {
  return query([['country', values.country], ['layer', values.layer], ['fromQuarter', values.from],
    ['toQuarter', values.to]]);
}

/** /api/funding-events takes the period as dates: the first day of the first quarter to the last of the last. */
export function roundsQuery(values) {
  return query([['country', values.country], ['layer', values.layer],
    ['from', QUARTER.test(values.from) ? quarterDay(values.from, false) : ''],
    ['to', QUARTER.test(values.to) ? quarterDay(values.to, true) : '']]);
}

/** /api/unicorns has no period: unicorn status is a company's current valuation, not a round's date. */
export function unicornsQuery(values) {
  return query([['country', values.country], ['layer', values.layer]]);
}

/** Keeps a select's choice (else the URL's) while its options change; a value it does not offer is still kept. */
function setOptions(select, allText, keys, text) {
  const current = select.value || filters()[select.id];
  select.replaceChildren(new Option(allText, ''), ...keys.map((key) => new Option(text(key), key)));
  if (current && !keys.includes(current)) {
    select.add(new Option(text(current), current));
  }
  select.value = current;
}

/** The countries with rounds and the quarters with rounds, from an unfiltered source: what the selects offer. */
export function offerChoices(countries, quarters) {
  setOptions($('country'), 'All countries', [...countries].sort(), (code) => `${countryName(code)} (${code})`);
  const sorted = [...quarters].sort();
  setOptions($('from'), 'From the first', sorted, (key) => key);
  setOptions($('to'), 'To the latest', sorted, (key) => key);
}

/** Puts the URL's filters into the fields (on a load, a reload, or going back). */
export function restoreFilterFields() {
  const values = filters();
  FILTER_NAMES.forEach((name) => {
    const select = $(name);
    if (values[name] && ![...select.options].some((option) => option.value === values[name])) {
      select.add(new Option(name === 'country' ? countryName(values[name]) : values[name], values[name]));
    }
    select.value = values[name];
  });
}

/** The fields into the URL; false (and the browser says why, at the field) when the period ends before it starts. */
function saveFilterFields() {
  const to = $('to');
  const from = $('from').value;
  to.setCustomValidity(from && to.value && to.value < from ? `The period ends before ${from}.` : '');
  if (!to.reportValidity()) {
    return false;
  }
  const params = new URLSearchParams(location.search);
  FILTER_NAMES.forEach((name) => {
    const value = $(name).value;
    if (value) {
      params.set(name, value);
    } else {
      params.delete(name);
    }
  });
  const search = params.toString();
  history.pushState(null, '', search ? `?${search}` : location.pathname);
  return true;
}

/** Applying the form saves the filters in the URL and calls onApply; a period that ends before it starts is refused. */
export function setUpFilterForm(onApply) {
  // a refused period stays refused until either end changes, or the form would never submit again
  ['from', 'to'].forEach((id) => $(id).addEventListener('change', () => $('to').setCustomValidity('')));
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    if (saveFilterFields()) {
      onApply();
    }
  });
}

/** What the funding figures are narrowed to, in words, or '' when nothing is. */
export function describe(values) {
  const period = values.from || values.to ? `${values.from || 'the first quarter'} to ${values.to || 'the latest'}` : '';
  return [values.country && countryName(values.country), values.layer && label(values.layer), period]
    .filter(Boolean).join(', ');
}
