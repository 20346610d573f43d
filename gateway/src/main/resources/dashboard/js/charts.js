// Charts with Apache ECharts (from its WebJar, loaded once and only when a chart is drawn) and the table each
// chart has beneath it, so that every figure can also be read as text, by keyboard and by screen readers.
const ECHARTS_SRC = new URL('../webjars/echarts/5.3.1/dist/echarts.min.js', import.meta.url).href;
let loading;

export function loadECharts() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      if (window.echarts) {
        resolve(window.echarts);
        return;
      }
      const script = document.createElement('script');
      script.src = ECHARTS_SRC;
      script.onload = () => resolve(window.echarts);
      script.onerror = () => reject(new Error('ECharts did not load'));
      document.head.append(script);
    });
  }
  return loading;
}

const instances = new Map();

/** Draws (or redraws) a chart; its container gets data-drawn="true" once ECharts has finished rendering data. */
export async function draw(container, option) {
  const echarts = await loadECharts();
  let chart = instances.get(container);
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'canvas' });
    instances.set(container, chart);
    chart.on('finished', () => {
      if (container.dataset.hasData === 'true') {
        container.dataset.drawn = 'true';
      }
    });
  }
  container.dataset.hasData = 'true';
  chart.setOption({ animationDuration: 300, ...option }, true);
  return chart;
}

window.addEventListener('resize', () => instances.forEach((chart) => chart.resize()));

/** Replaces a table's body with one row per item; cells are text, or a Node for richer content. */
export function fillTable(table, rows) {
  const body = table.tBodies[0] || table.createTBody();
  body.replaceChildren(...rows.map((cells) => {
    const row = document.createElement('tr');
    cells.forEach((cell, index) => {
      const element = document.createElement(index === 0 ? 'th' : 'td');
      if (index === 0) {
        element.scope = 'row';
      }
      if (cell instanceof Node) {
        element.append(cell);
      } else {
        element.textContent = cell;
      }
      row.append(element);
    });
    return row;
  }));
}

// twelve, as a series of funding shares by country may have a dozen lines
export const PALETTE = ['#2f5d8a', '#d9822b', '#3f8f5f', '#a23b72', '#6c6f7f', '#c9a227', '#4aa3c3', '#8c564b',
  '#e15759', '#1f9e89', '#b07aa1', '#59412f'];
