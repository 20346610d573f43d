// A company's page: its rounds (native amount and USD, investors with leads), its valuation history against the
// USD 1B unicorn line, and its unicorn status as valuation-service states it.
import './shell.js';
import { ApiError, getJson } from './api.js';
import { count, date, fillName, label, money } from './format.js';
import { draw, fillTable, PALETTE } from './charts.js';

const $ = (id) => document.getElementById(id);
const UNICORN_LINE_USD = 1_000_000_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function amountText(amount) {
  if (!amount || amount.precision === 'UNDISCLOSED') {
    return 'undisclosed';
  }
  const text = amount.value !== null && amount.value !== undefined
    ? money(amount.value, amount.currency, false)
    : `${money(amount.low, amount.currency, false)}–${money(amount.high, amount.currency, false)}`;
  return amount.precision === 'APPROXIMATE' ? `about ${text}` : text;
}

function usdText(amount) {
  if (!amount || amount.precision === 'UNDISCLOSED') {
    return '–';
  }
  return amount.usd !== null && amount.usd !== undefined ? money(amount.usd, 'USD', false)
    : `${money(amount.usdLow, 'USD', false)}–${money(amount.usdHigh, 'USD', false)}`;
}

function investorsCell(investors) {
  const list = document.createElement('span');
  (investors || []).forEach((investor, index) => {
    if (index) {
      list.append(', ');
    }
    const name = document.createElement(investor.lead ? 'strong' : 'span');
    name.textContent = investor.name;
    list.append(name);
    if (investor.lead) {
      list.append(' (lead)');
    }
  });
  if (!list.childNodes.length) {
    list.textContent = '–';
  }
  return list;
}

/** "$0" would claim the company raised nothing; say instead that no round, or no amount, is known. */
function raisedText(detail) {
  const active = detail.rounds.filter((round) => round.active);
  const undisclosed = active.filter((round) => round.usd === null || round.usd === undefined).length;
  if (!active.length) {
    return 'No round recorded';
  }
  if (undisclosed === active.length) {
    return `Undisclosed (${count(active.length)} ${active.length === 1 ? 'round' : 'rounds'})`;
  }
  return money(detail.raisedUsd) + (undisclosed ? ` (+${count(undisclosed)} undisclosed)` : '');
}

async function loadCompany(id) {
  const detail = await getJson(`api/companies/${id}`);
  const company = detail.company;
  fillName($('company-name'), company.name, company.localName);
  document.title = `aigcwatch · ${company.name}`;
  $('company-raised').textContent = raisedText(detail);
  $('company-country').textContent = company.country || '–';
  $('company-layer').textContent = label(company.layer);
  $('company-segments').textContent = (company.segments || []).map(label).join(', ') || '–';
  $('company-lifecycle').textContent = label(company.status || 'ACTIVE')
    + (company.statusSince ? ` since ${date(company.statusSince)}` : '');
  $('company-founded').textContent = date(company.foundedOn);
  $('company-headquarters').textContent = company.headquarters || '–';
  $('company-aliases').textContent = (company.aliases || []).join(', ') || '–';
  const website = $('company-website');
  website.replaceChildren();
  // only a link the API checked as http(s) is made clickable; anything else would be a script URL in waiting
  if (company.website && /^https?:\/\//i.test(company.website)) {
    const link = document.createElement('a');
    link.href = company.website;
    link.rel = 'noopener noreferrer';
    link.textContent = company.website;
    website.append(link);
  } else {
    website.textContent = '–';
  }
}

/** A round's date as precisely as it is known: the report's "since 2022" is not a day. */
function roundDate(round) {
  const day = round.announcedOn;
  switch (round.announcedPrecision) {
    case 'YEAR': return day.slice(0, 4);
    case 'QUARTER': return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'MONTH': return day.slice(0, 7);
    case 'BEFORE': return `on or before ${date(day)}`;
    default: return date(day);
  }
}

async function loadRounds(id) {
  // the company's list of rounds lacks investors; the rounds list filtered by company has them
  const page = await getJson(`api/funding-events?company=${id}&limit=500`);
  const rounds = [...page.items].sort((a, b) => b.announcedOn.localeCompare(a.announcedOn));
  fillTable($('rounds'), rounds.map((round) => [roundDate(round),
    label(round.round) + (round.status === 'ACTIVE' ? '' : ` (${label(round.status)})`),
    amountText(round.amount), usdText(round.amount), investorsCell(round.investors)]));
  if (!rounds.length) {
    fillTable($('rounds'), [['No round recorded', '', '', '', '']]);
  }
}

async function loadStatus(id) {
  const unicorns = await getJson('api/unicorns');
  const mine = unicorns.items.find((item) => item.companyId === id);
  const excluded = (unicorns.excluded || []).find((item) => item.companyId === id);
  $('company-status').textContent = mine
    ? `${label(mine.status)} since ${date(mine.joinedOn)}`
    : `Not a unicorn${excluded ? ` (${excluded.reason})` : ''}`;
}

async function loadValuations(id) {
  // a company with no valuation yet has no history: 404, shown as an empty one
  const history = await getJson(`api/companies/${id}/valuations`).catch((error) => {
    if (error instanceof ApiError && error.status === 404) {
      return { points: [] };
    }
    throw error;
  });
  const points = history.points;
  const active = points.filter((point) => point.active);
  const current = active.length ? active.reduce((latest, point) => (point.asOf >= latest.asOf ? point : latest)) : null;
  $('company-valuation').textContent = current ? `${money(current.usd)} (as of ${date(current.asOf)})` : 'none known';
  const rows = points.map((point) => [date(point.asOf), money(point.usd, 'USD', false),
    label(point.direction), label(point.basis), [label(point.causeType), point.source].filter(Boolean).join(': ')]);
  fillTable($('table-valuations'), rows.length ? rows : [['No valuation known', '', '', '', '']]);
  // a short history would get an axis of hours: show at least a year around it, in months
  const times = active.map((point) => Date.parse(`${point.asOf}T00:00:00Z`));
  const halfYear = 183 * 24 * 3600 * 1000;
  const span = times.length ? { min: Math.min(...times) - halfYear, max: Math.max(...times) + halfYear } : {};
  await draw($('chart-valuations'), {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (value) => money(value) },
    grid: { left: 80, right: 40, top: 30, bottom: 40 },
    xAxis: { type: 'time', ...span, minInterval: 30 * 24 * 3600 * 1000, axisLabel: { formatter: '{yyyy}-{MM}' } },
    // the unicorn line stays in view even for a company far below it
    yAxis: { type: 'value', max: (extent) => (extent.max < UNICORN_LINE_USD * 1.2 ? UNICORN_LINE_USD * 1.2 : null),
      axisLabel: { formatter: (value) => money(value) } },
    series: [{
      type: 'line',
      name: 'Valuation',
      step: 'end',
      symbolSize: 8,
      data: active.map((point) => [point.asOf, Number(point.usd)]),
      markLine: {
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#a23b72' },
        label: { formatter: 'unicorn: USD 1B', position: 'insideEndTop' },
        data: [{ yAxis: UNICORN_LINE_USD }],
      },
    }],
  });
}

function start() {
  const id = new URLSearchParams(location.search).get('id') || '';
  if (!UUID.test(id)) {
    $('company-name').textContent = 'No company chosen';
    $('company-note').textContent = 'Open a company from the unicorn leaderboard on the overview.';
    return;
  }
  const failed = (error) => {
    $('company-note').textContent = `Not everything could be loaded: ${error.message}`;
  };
  // the company first, so that a key is asked for once; then the rest at once
  loadCompany(id).catch(failed).finally(() => Promise.all([
    loadRounds(id).catch(failed), loadStatus(id).catch(failed), loadValuations(id).catch(failed)]));
}

start();
