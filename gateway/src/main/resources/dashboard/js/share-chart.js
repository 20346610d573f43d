// The funding-share projection of one series as a chart and its tables: per category a line of the projected share,
// its interval as a shaded band (a transparent line at the low end with the band stacked on it, high - low), the
// recorded annual shares as points, and the report's stages as shaded spans of years behind them. The x axis is
// time: a year's share sits in the middle of its year, and a stage spans whole years (2025 is in two). ECharts
// stacks the first numeric dimension, so on a value x axis it would stack the years; on a time axis it stacks y.
import { countryName, label, percent } from './format.js';
import { fillTable, PALETTE } from './charts.js';

const STAGE_TINTS = ['rgba(47, 93, 138, 0.07)', 'rgba(217, 130, 43, 0.09)', 'rgba(63, 143, 95, 0.08)'];
const MUTED = '#5a6272';

/** A category as a reader names it: a country by its name, a layer or content type in words. */
export function categoryName(dimension, category) {
  if (dimension === 'country' && category !== 'OTHER') {
    return countryName(category);
  }
  return label(category);
}

/** The series' categories in the answer's order: its trends first, then any a year holds beyond them. */
export function categoriesOf(projection) {
  const names = (projection.categories || []).map((trend) => trend.category);
  (projection.years || []).forEach((year) => year.shares.forEach((share) => {
    if (!names.includes(share.category)) {
      names.push(share.category);
    }
  }));
  return names;
}

function shareIn(rows, year, category) {
  const row = (rows || []).find((item) => item.year === year);
  return row ? row.shares.find((share) => share.category === category) : undefined;
}

/** "23.4 % (21–26.1 %)": a projected share with its interval. */
export function withInterval(share) {
  return share ? `${percent(share.share)} (${percent(share.low).replace(/\s?%$/, '')}–${percent(share.high)})` : '–';
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

/** Fills a table's head with Year and the categories' names. */
function fillHead(table, names) {
  const head = table.tHead;
  head.replaceChildren(head.insertRow());
  ['Year', ...names].forEach((text) => {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = text;
    head.rows[0].append(cell);
  });
}

/** The projected years (share and interval) and, when the answer has them, the recorded years beneath the chart. */
export function fillShareTables(projected, recorded, projection) {
  const categories = categoriesOf(projection);
  const names = categories.map((category) => categoryName(projection.dimension, category));
  fillHead(projected, names);
  fillTable(projected, projection.years.map((year) => [String(year.year),
    ...categories.map((category) => withInterval(shareIn(projection.years, year.year, category)))]));
  const observed = projection.observed || [];
  recorded.hidden = observed.length === 0;
  fillHead(recorded, names);
  fillTable(recorded, observed.map((year) => [String(year.year),
    ...categories.map((category) => {
      const share = shareIn(observed, year.year, category);
      return share ? percent(share.share) : '–';
    })]));
}

const start = (year) => Date.UTC(year, 0, 1);
const middle = (year) => Date.UTC(year, 6, 2);

/** The report's stages as spans of whole years (2025 may be in two), labelled with their names. */
function stageAreas(stages) {
  return (stages || []).map((stage, index) => [
    { name: label(stage.name), xAxis: start(stage.from), itemStyle: { color: STAGE_TINTS[index % STAGE_TINTS.length] } },
    { xAxis: start(stage.to + 1) },
  ]);
}

/** The ECharts option for one projected series. */
export function shareChartOption(projection, stages) {
  const categories = categoriesOf(projection);
  const observed = projection.observed || [];
  const years = [...new Set([...observed.map((year) => year.year), ...projection.years.map((year) => year.year)])]
    .sort((a, b) => a - b);
  const series = categories.flatMap((category, index) => {
    const name = categoryName(projection.dimension, category);
    const color = PALETTE[index % PALETTE.length];
    const projected = projection.years.map((year) => [year.year, shareIn(projection.years, year.year, category)])
      .filter(([, share]) => share);
    const hidden = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true, itemStyle: { color } };
    return [
      { ...hidden, type: 'line', name, id: `${category}-low`, stack: `band-${category}`,
        data: projected.map(([year, share]) => [middle(year), share.low]) },
      { ...hidden, type: 'line', name, id: `${category}-band`, stack: `band-${category}`,
        areaStyle: { color, opacity: 0.18 },
        data: projected.map(([year, share]) => [middle(year), share.high - share.low]) },
      { type: 'line', name, id: `${category}-share`, symbolSize: 5, itemStyle: { color }, lineStyle: { width: 2 },
        data: projected.map(([year, share]) => [middle(year), share.share]),
        markArea: index === 0 && stages && stages.length ? {
          silent: true,
          label: { position: 'insideTop', color: MUTED, fontSize: 11 },
          data: stageAreas(stages),
        } : undefined },
      { type: 'scatter', name, id: `${category}-recorded`, symbol: 'diamond', symbolSize: 8, itemStyle: { color },
        data: observed.map((year) => [year.year, shareIn(observed, year.year, category)])
          .filter(([, share]) => share).map(([year, share]) => [middle(year), share.share]) },
    ];
  });
  const names = categories.map((category) => categoryName(projection.dimension, category));
  return {
    color: PALETTE,
    legend: { bottom: 0, type: 'scroll', data: names },
    grid: { left: 55, right: 20, top: 30, bottom: 70 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const year = new Date(Number(params[0].axisValue)).getUTCFullYear();
        const lines = categories.map((category, index) => {
          const projected = shareIn(projection.years, year, category);
          const recorded = shareIn(observed, year, category);
          const parts = [projected ? withInterval(projected) : '', recorded ? `recorded ${percent(recorded.share)}` : '']
            .filter(Boolean);
          return parts.length ? `${escape(names[index])}: ${escape(parts.join(', '))}` : '';
        }).filter(Boolean);
        return [`<strong>${year}</strong>`, ...lines].join('<br>');
      },
    },
    xAxis: { type: 'time', min: start(years[0]), max: start(years[years.length - 1] + 1),
      splitNumber: years.length, axisLabel: { formatter: '{yyyy}', hideOverlap: true }, splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
    series,
  };
}
