// "Where the money is going": the funding-share projection of one series (layer, country or content type) from
// GET /api/market/funding-projections?by=, its method and what it was fitted on, the quarters it down-weighted, and
// the report's claims beside what the data shows. The series is kept in the URL (?shares=country); the section
// reloads itself when the market stream says a projected share moved (scope projections.funding).
import { getJson } from './api.js';
import { count, label, money, percent } from './format.js';
import { draw } from './charts.js';
import { startFeed } from './feed.js';
import { categoryName, fillShareTables, shareChartOption } from './share-chart.js';

const $ = (id) => document.getElementById(id);
const SERIES = ['layer', 'country', 'segment'];
const STREAM = 'api/stream/market?scope=projections.funding';
const VERDICTS = { AGREES: '✓ Agrees', DISAGREES: '✗ Disagrees', CANNOT_TELL: '? Cannot tell' };

function chosenSeries() {
  const wanted = new URLSearchParams(location.search).get('shares');
  return SERIES.includes(wanted) ? wanted : 'layer';
}

function item(text, className) {
  return Object.assign(document.createElement('li'), { textContent: text, className: className || '' });
}

/** The caption and the note under the chart: the method, what it was fitted on, the stages, what was pooled. */
function describeFit(projection, stages) {
  const { method, inputs, fit } = projection;
  const what = projection.dimension === 'segment' ? 'content type' : projection.dimension;
  const plural = (n, word) => `${count(n)} ${word}${Number(n) === 1 ? '' : 's'}`;
  const fitted = `${plural(inputs.quarters, 'quarter')} (${inputs.firstQuarter || '–'} to ${inputs.lastQuarter || '–'})`
    + ` and ${plural(inputs.rounds, 'round')}`;
  const dispersion = fit ? Number(fit.dispersion).toFixed(2) : null;
  if (projection.status !== 'PROJECTED') {
    $('shares-method').textContent = `${method.description} Recorded so far: ${fitted}, ${money(inputs.usd)}.`;
  } else {
    const first = projection.years[0].year;
    const last = projection.years[projection.years.length - 1].year;
    $('caption-funding-shares').textContent = `Funding shares by ${what}, ${first}–${last}, percent: `
      + `${label(method.name)}, ${percent(method.confidence * 100)} intervals, fitted on ${fitted}`
      + (dispersion ? `, dispersion ${dispersion}` : '');
    $('shares-method').textContent = `${method.description} Fitted on ${fitted}, ${money(inputs.usd)}; intervals `
      + `at ${percent(method.confidence * 100)} confidence`
      + (dispersion ? `, scaled by the dispersion of ${dispersion} (how much more the quarters' shares scatter `
        + 'than their weights alone imply)' : '')
      + `. Weighting: ${method.weighting}. Outliers: ${method.outlierRule}.`;
  }
  $('shares-stages').textContent = stages.length ? `The report's stages: ${stages.map((stage) =>
    `${label(stage.name)} ${stage.from}–${stage.to} (${stage.label})`).join('; ')}.` : '';
  const excluded = inputs.excluded || [];
  $('shares-excluded').hidden = excluded.length === 0;
  $('shares-excluded').textContent = excluded.length ? `Pooled into Other: ${excluded.map((category) =>
    `${categoryName(projection.dimension, category.category)} (${count(category.rounds)} rounds in `
    + `${count(category.quarters)} quarters: ${category.reason})`).join('; ')}.` : '';
}

function showOutliers(projection) {
  const outliers = projection.outliers || [];
  $('shares-outliers').replaceChildren(...(outliers.length ? outliers.map((outlier) => {
    const entry = item(`${outlier.quarter}, ${categoryName(projection.dimension, outlier.category)}: `
      + `${percent(outlier.observedShare)} recorded against ${percent(outlier.fittedShare)} fitted `
      + `(${money(outlier.usd)}); it kept ${percent(outlier.weight * 100)} of its weight in the fit.`);
    entry.dataset.weight = String(outlier.weight);
    return entry;
  }) : [item(projection.status === 'PROJECTED' ? 'No quarter stood out enough to be down-weighted.'
    : 'None: the series is not fitted.')]));
}

function showComparisons(comparisons) {
  $('shares-comparisons').replaceChildren(...(comparisons.length ? comparisons.map((comparison) => {
    const entry = document.createElement('li');
    entry.dataset.verdict = comparison.verdict;
    const verdict = Object.assign(document.createElement('strong'), {
      className: `verdict verdict-${comparison.verdict.toLowerCase().replace('_', '-')}`,
      textContent: VERDICTS[comparison.verdict] || label(comparison.verdict),
    });
    const says = Object.assign(document.createElement('blockquote'), { lang: 'zh', textContent: comparison.says });
    const where = comparison.category ? `${comparison.series} ${categoryName(comparison.series, comparison.category)}`
      : comparison.series;
    const reading = Object.assign(document.createElement('p'), {
      textContent: `Read as: ${comparison.reading} (${where}; the report's line ${comparison.reportLine}).` });
    const observed = Object.assign(document.createElement('p'), { textContent: `The data: ${comparison.observed}` });
    entry.append(verdict, says, reading, observed);
    return entry;
  }) : [item('The report makes no claim the funding data can check.')]));
}

let latest = 0;

/** Loads the chosen series and shows it; NOT_PROJECTED puts the reason where the chart would be. */
async function loadShares() {
  const ticket = ++latest;
  const section = $('funding-projection');
  const by = $('shares-by').value;
  section.setAttribute('aria-busy', 'true');
  try {
    const answer = await getJson(`api/market/funding-projections?by=${encodeURIComponent(by)}`);
    if (ticket !== latest) {
      return; // a later load (another series chosen, another recompute) shows its own answer
    }
    const projection = answer.projections.find((candidate) => candidate.dimension === by) || answer.projections[0];
    const stages = (answer.report && answer.report.stages) || [];
    const projected = projection.status === 'PROJECTED';
    $('shares-reason').hidden = projected;
    $('shares-reason').textContent = projected ? '' : `Not projected: ${projection.reason}`;
    const wasHidden = $('shares-figure').hidden;
    $('shares-figure').hidden = !projected;
    describeFit(projection, stages);
    showOutliers(projection);
    showComparisons(answer.comparisons || []);
    if (projected) {
      fillShareTables($('table-funding-shares'), $('table-funding-recorded'), projection);
      const chart = await draw($('chart-funding-shares'), shareChartOption(projection, stages));
      if (wasHidden) {
        chart.resize(); // it may have been set up, or the window resized, while it had no size
      }
    }
    const revision = answer.series && answer.series[by] ? answer.series[by].revision : null;
    Object.assign(section.dataset, { series: by, status: projection.status, revision: String(revision) });
  } finally {
    if (ticket === latest) {
      section.setAttribute('aria-busy', 'false');
    }
  }
}

let reloadTimer = null;
/**
 * A recompute reloads the section 300 ms later, once for all that arrive meanwhile: an import's burst of them
 * reloads it a few times a second at most, and never waits for the burst to end.
 */
function reloadSoon(onError) {
  if (reloadTimer === null) {
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      loadShares().catch(onError);
    }, 300);
  }
}

/** Sets up the select, loads the section, then follows the market stream. onError says why a load failed. */
export function setUpShares(onError) {
  const select = $('shares-by');
  select.value = chosenSeries();
  select.addEventListener('change', () => {
    const params = new URLSearchParams(location.search);
    params.set('shares', select.value);
    history.replaceState(null, '', `?${params}`);
    loadShares().catch(onError);
  });
  const loaded = loadShares().catch(onError);
  loaded.finally(() => startFeed({
    stream: STREAM,
    event: 'market-recomputed',
    marker: 'sharesStream',
    onStatus: (text) => { $('shares-stream').textContent = `Projection updates: ${text}`; },
    onResumed: () => reloadSoon(onError),
    onGap: () => reloadSoon(onError),
    onChange: (event) => {
      if (event.data && event.data.scope === 'projections.funding') {
        reloadSoon(onError);
      }
    },
  }));
  return loaded;
}
