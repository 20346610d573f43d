// The funding charts and their tables, all from the funding part of one /api/stats answer (already narrowed by the
// filters): USD by quarter (bars), by layer and by country (rings). Each bucket's share is of the answer's USD.
import { count, countryName, label, money, percent } from './format.js';
import { draw, fillTable, PALETTE } from './charts.js';

const $ = (id) => document.getElementById(id);

function rows(buckets, total, keyLabel) {
  return buckets.map((bucket) => [keyLabel(bucket.key), count(bucket.rounds), money(bucket.usdRaised),
    percent(Number(total) > 0 ? (Number(bucket.usdRaised) * 100) / Number(total) : 0)]);
}

// A round dated only to a year, or as "on or before" a date (the report's "since 2022"), is in no quarter; the
// chart says how many it leaves out rather than piling them into one quarter or dropping them silently.
function sayUnplaced(funding) {
  const note = $('quarters-unplaced');
  const unplaced = Number(funding.unplacedRounds || 0);
  note.hidden = unplaced === 0;
  note.textContent = unplaced === 0 ? '' : `${count(unplaced)} ${unplaced === 1 ? 'round is' : 'rounds are'} not `
    + 'in this chart: dated only to a year, or as "on or before" a date, so in no quarter. The figures above count '
    + (unplaced === 1 ? 'it.' : 'them.');
}

function drawQuarters(funding) {
  sayUnplaced(funding);
  const quarters = [...funding.byQuarter].sort((a, b) => a.key.localeCompare(b.key));
  fillTable($('table-quarters'), rows(quarters, funding.usdRaised, (key) => key));
  return draw($('chart-quarters'), {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (value) => money(value) },
    grid: { left: 70, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: quarters.map((bucket) => bucket.key) },
    yAxis: { type: 'value', axisLabel: { formatter: (value) => money(value) } },
    series: [{ type: 'bar', name: 'USD', data: quarters.map((bucket) => Number(bucket.usdRaised)) }],
    // an empty axis would look like a chart that failed to load: say instead why there is nothing to draw
    title: quarters.length ? undefined : { text: 'No round is dated precisely enough to place in a quarter',
      left: 'center', top: 'middle', textStyle: { fontSize: 14, fontWeight: 'normal', color: '#5a6272' } },
  });
}

function drawRing(name, buckets, total, keyLabel) {
  const sorted = [...buckets].sort((a, b) => Number(b.usdRaised) - Number(a.usdRaised));
  fillTable($(`table-${name}`), rows(sorted, total, keyLabel));
  return draw($(`chart-${name}`), {
    color: PALETTE,
    tooltip: { trigger: 'item', valueFormatter: (value) => money(value) },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie',
      radius: ['35%', '65%'],
      center: ['50%', '45%'],
      label: { formatter: '{b}: {d}%' },
      data: sorted.map((bucket) => ({ name: keyLabel(bucket.key), value: Number(bucket.usdRaised) })),
    }],
  });
}

/** Draws the three charts; each failure is reported by onError beside its own chart. */
export function drawFunding(funding, onError) {
  const parts = [
    ['quarters', () => drawQuarters(funding)],
    ['layers', () => drawRing('layers', funding.byLayer, funding.usdRaised, label)],
    ['countries', () => drawRing('countries', funding.byCountry, funding.usdRaised, countryName)],
  ];
  return Promise.all(parts.map(([name, drawIt]) => Promise.resolve().then(() => {
    if (!funding) {
      throw new Error('the funding figures are unavailable now');
    }
    return drawIt();
  }).catch((error) => onError($(`chart-${name}`), error))));
}
