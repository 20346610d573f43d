// The overview: headline figures first (one call to /api/stats), then charts, unicorns, projection and the live
// feed in parallel; the funding-share projection loads and follows its own stream beside them (shares.js). Filters live in the URL so that a view can be shared as a link.
import './shell.js';
import { ApiError, download, getJson } from './api.js';
import { count, date, fillName, label, money, percent } from './format.js';
import { draw, fillTable, PALETTE } from './charts.js';
import { drawFunding } from './funding.js';
import {
  anyFilter, describe, filters, offerChoices, restoreFilterFields, roundsQuery, setUpFilterForm, statsQuery,
  unicornsQuery,
} from './filters.js';
import { startFeed } from './feed.js';
import { setUpRecordForm } from './record.js';
import { setUpShares } from './shares.js';

const $ = (id) => document.getElementById(id);

/** Says what failed to load just before the part it belongs to, leaving the part itself in place for a retry. */
function showError(part, error) {
  const note = document.createElement('p');
  note.className = 'error load-error';
  note.setAttribute('role', 'alert');
  note.textContent = `Could not load: ${error instanceof ApiError ? error.message : error}`;
  part.before(note);
}

// ---- headline figures -------------------------------------------------------------------------------------------

/** One /api/stats call with the filters: the headline figures here, the funding charts from the same answer. */
async function loadFigures(values) {
  const stats = await getJson(`api/stats${statsQuery(values)}`);
  const set = (name, text) => { document.querySelector(`[data-figure="${name}"]`).textContent = text; };
  const funding = stats.funding;
  const unicorns = stats.unicorns;
  const market = stats.market;
  set('rounds', funding ? count(funding.rounds) : 'unavailable');
  set('usd-raised', funding ? money(funding.usdRaised) : 'unavailable');
  set('unicorns', unicorns ? count(unicorns.count) : 'unavailable');
  set('unicorn-valuation', unicorns ? money(unicorns.totalValuationUsd) : 'unavailable');
  set('market-2030', market ? `${money(market.size2030.cny, 'CNY')} (${money(market.size2030.usd)})` : 'unavailable');
  const notes = [];
  const narrowed = describe(values);
  if (narrowed) {
    notes.push(`Filtered: ${narrowed}.`);
  }
  if (funding && funding.undisclosedRounds) {
    notes.push(`${count(funding.undisclosedRounds)} undisclosed and ${count(funding.approximateRounds)} approximate `
      + 'rounds: the USD raised counts disclosed amounts only.');
  }
  if (market) {
    notes.push(`Market in 2030: ${label(market.scenario)} scenario.`);
  }
  if (stats.degraded && stats.degraded.length) {
    notes.push(`Missing now: ${stats.degraded.map((part) => `${part} (${stats.degradedReasons[part]})`).join(', ')}.`);
  }
  $('figures-note').textContent = notes.join(' ');
  if (document.body.dataset.figures !== 'shown') {
    document.body.dataset.figures = 'shown';
    performance.mark('figures-shown');
  }
  return stats;
}

// ---- what the filters offer -------------------------------------------------------------------------------------

let choicesLoaded = false;

/**
 * The country and quarter selects offer every country and quarter with rounds, whatever is filtered. An unfiltered
 * answer has them all, so most loads need no call of their own; a filtered one (a shared link) lacks some, and
 * then the live funding shares by country and by quarter give them, once: two aggregate reads, not a second
 * /api/stats fan-out. What a filtered answer holds is added, as a change may bring a new country.
 */
async function offerChoicesFrom(values, funding) {
  if (funding && !anyFilter(values)) {
    choicesLoaded = true;
    offerChoices(funding.byCountry.map((bucket) => bucket.key), funding.byQuarter.map((bucket) => bucket.key));
    return;
  }
  const keys = (select) => [...select.options].map((option) => option.value).filter(Boolean);
  const countries = new Set(keys($('country')));
  const quarters = new Set(keys($('from')));
  if (!choicesLoaded) {
    const [byCountry, byQuarter] = await Promise.all([getJson('api/market/shares?by=country'),
      getJson('api/market/shares?by=quarter')]);
    byCountry.shares.forEach((share) => countries.add(share.key));
    byQuarter.shares.forEach((share) => quarters.add(share.key));
    choicesLoaded = true;
  }
  (funding ? funding.byCountry : []).forEach((bucket) => countries.add(bucket.key));
  (funding ? funding.byQuarter : []).forEach((bucket) => quarters.add(bucket.key));
  offerChoices(countries, quarters);
}

// ---- unicorns ---------------------------------------------------------------------------------------------------

/** The leaderboard's length: a page stays light with thousands of unicorns; the download has every one. */
const LEADERBOARD = 100;

async function loadUnicorns(values) {
  const filtered = unicornsQuery(values);
  const data = await getJson(`api/unicorns${filtered}${filtered ? '&' : '?'}limit=${LEADERBOARD}`);
  $('unicorns-shown').textContent = data.count > data.items.length
    ? `The ${count(data.items.length)} largest of ${count(data.count)}; the download has them all.` : '';
  const body = $('unicorns').tBodies[0];
  body.replaceChildren(...data.items.map((unicorn, index) => {
    const row = document.createElement('tr');
    row.dataset.companyId = unicorn.companyId;
    const cells = ['rank', 'name', 'status', 'valuation', 'joined'].map((name) => {
      const cell = document.createElement(name === 'name' ? 'th' : 'td');
      cell.className = name;
      row.append(cell);
      return cell;
    });
    cells[0].textContent = count(index + 1);
    cells[1].scope = 'row';
    const link = document.createElement('a');
    link.href = `company.html?id=${encodeURIComponent(unicorn.companyId)}`;
    cells[1].append(fillName(link, unicorn.name, unicorn.localName));
    cells[2].textContent = label(unicorn.status);
    cells[3].textContent = money(unicorn.usd);
    cells[3].title = money(unicorn.usd, 'USD', false);
    cells[4].textContent = date(unicorn.joinedOn);
    return row;
  }));
  if (!data.items.length) {
    const row = body.insertRow();
    const cell = row.insertCell();
    cell.colSpan = 5;
    cell.textContent = 'No unicorn matches the filters.';
  }
  const excluded = data.excluded || [];
  $('unicorns-excluded').textContent = excluded.length
    ? `Not counted: ${excluded.map((item) => `${item.name} (${item.reason})`).join('; ')}.` : '';
}

// ---- projection -------------------------------------------------------------------------------------------------

const MODELS = ['MAAS', 'PAY_PER_OUTPUT', 'SUBSCRIPTION', 'MODEL_TRAINING', 'OTHER'];

async function loadScenarios() {
  const select = $('scenario');
  const wanted = new URLSearchParams(location.search).get('scenario') || 'BASE';
  let names = ['BASE'];
  try {
    const assumptions = await getJson('api/market/assumptions');
    names = Object.keys(assumptions.assumptions.scenarios || { BASE: 1 });
  } catch (error) {
    console.warn('no scenarios', error);
  }
  select.replaceChildren(...names.map((name) => new Option(label(name), name)));
  select.value = names.includes(wanted) ? wanted : names.includes('BASE') ? 'BASE' : names[0];
  return select.value;
}

async function loadProjection(scenario) {
  const projection = await getJson(`api/market/projections?from=2023&to=2030&scenario=${encodeURIComponent(scenario)}`);
  const years = projection.years;
  const warnings = projection.warnings || [];
  $('warnings').replaceChildren(...(warnings.length ? warnings : ['The projection carries no warnings.'])
    .map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  fillTable($('table-market-size'), years.map((year) => [String(year.year), money(year.sizeCny, 'CNY'),
    money(year.sizeUsd), (year.stages || []).map(label).join(', ')]));
  const models = MODELS.filter((model) => years.some((year) => year.shares && year.shares[model] !== undefined));
  const head = $('table-model-shares').tHead;
  head.replaceChildren(head.insertRow());
  ['Year', ...models.map(label)].forEach((text) => {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = text;
    head.rows[0].append(cell);
  });
  fillTable($('table-model-shares'), years.map((year) => [String(year.year),
    ...models.map((model) => percent(year.shares[model]))]));
  const labels = years.map((year) => String(year.year));
  await Promise.all([
    draw($('chart-market-size'), {
      color: PALETTE,
      tooltip: { trigger: 'axis', valueFormatter: (value) => money(value, 'CNY') },
      grid: { left: 80, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', axisLabel: { formatter: (value) => money(value, 'CNY') } },
      series: [{ type: 'line', name: 'CNY', areaStyle: { opacity: 0.15 },
        data: years.map((year) => Number(year.sizeCny)) }],
    }),
    draw($('chart-model-shares'), {
      color: PALETTE,
      tooltip: { trigger: 'axis', valueFormatter: (value) => percent(value) },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 70 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: models.map((model) => ({ type: 'bar', stack: 'shares', name: label(model),
        data: years.map((year) => Number(year.shares[model])) })),
    }),
  ]);
}

// ---- feed -------------------------------------------------------------------------------------------------------

function feedItem(event) {
  const change = event.data || {};
  const item = document.createElement('li');
  item.dataset.eventId = event.id;
  const name = document.createElement('a');
  name.href = `company.html?id=${encodeURIComponent(change.companyId)}`;
  name.textContent = change.companyName;
  const move = change.changePct === null || change.changePct === undefined ? 'first valuation'
    : `${Number(change.changePct) >= 0 ? '+' : ''}${percent(change.changePct)}`;
  const transition = change.transition === 'ENTERED' ? ', joined the unicorns'
    : change.transition === 'LEFT' ? `, left the unicorns (${label(change.leftReason)})` : '';
  item.append(name, `: ${money(change.previousUsd)} → ${money(change.currentUsd)} (${move})${transition}`);
  const when = document.createElement('time');
  when.dateTime = change.asOf || '';
  when.textContent = ` as of ${date(change.asOf)}`;
  item.append(when);
  return item;
}

let refreshTimer = null;
/** A change moves the overview: refresh what it touches, at most every 300 ms in a burst. */
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => loadEverything(false), 300);
}

// ---- wiring -----------------------------------------------------------------------------------------------------

async function loadEverything(first) {
  const values = filters();
  document.querySelectorAll('.load-error').forEach((note) => note.remove());
  let stats = null;
  try {
    stats = await loadFigures(values);
  } catch (error) {
    $('figures-note').textContent = `The figures could not be loaded: ${error.message}`;
  }
  const guarded = (promise, where) => promise.catch((error) => showError(where, error));
  const funding = stats ? stats.funding : null;
  const scenario = first ? await loadScenarios() : $('scenario').value;
  await Promise.all([
    drawFunding(funding, showError),
    guarded(offerChoicesFrom(values, funding), $('filters')),
    guarded(loadUnicorns(values), $('unicorns')),
    guarded(loadProjection(scenario), $('chart-market-size')),
  ]);
}

function setUpDownloads() {
  $('download-rounds').addEventListener('click', (event) => {
    event.preventDefault();
    download(`api/funding-events${roundsQuery(filters())}`, 'funding-events.csv').catch(alertFailure);
  });
  $('download-unicorns').addEventListener('click', (event) => {
    event.preventDefault();
    download(`api/unicorns${unicornsQuery(filters())}`, 'unicorns.csv').catch(alertFailure);
  });
}

function alertFailure(error) {
  $('figures-note').textContent = `The download failed: ${error.message}`;
}

function start() {
  restoreFilterFields();
  setUpFilterForm(() => loadEverything(false));
  window.addEventListener('popstate', () => { restoreFilterFields(); loadEverything(false); });
  $('scenario').addEventListener('change', () => {
    const params = new URLSearchParams(location.search);
    params.set('scenario', $('scenario').value);
    history.replaceState(null, '', `?${params}`);
    loadProjection($('scenario').value).catch((error) => showError($('chart-market-size'), error));
  });
  setUpDownloads();
  setUpRecordForm($('record-round'));
  setUpShares((error) => showError($('shares-reason'), error));
  loadEverything(true).finally(() => {
    startFeed({
      onStatus: (text) => { $('feed-status').textContent = text; },
      // back after a drop: what changed meanwhile is replayed, but a refresh that failed during it is not
      onResumed: refreshSoon,
      onChange: (event) => {
        $('feed').prepend(feedItem(event));
        refreshSoon();
      },
    });
  });
}

start();
