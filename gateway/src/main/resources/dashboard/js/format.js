// Numbers, money and dates in the reader's locale (navigator.languages), with the currency written out.
const locale = navigator.languages && navigator.languages.length ? navigator.languages[0] : undefined;
const moneyFormats = new Map();

function moneyFormat(currency, compact) {
  const id = `${currency}|${compact}`;
  if (!moneyFormats.has(id)) {
    moneyFormats.set(id, new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : 0,
    }));
  }
  return moneyFormats.get(id);
}

/** An amount in its currency, compact (USD 1.2B) unless exact is asked for. Figures arrive as decimal strings. */
export function money(value, currency = 'USD', compact = true) {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  return moneyFormat(currency, compact).format(Number(value));
}

const countryNames = typeof Intl.DisplayNames === 'function'
  ? new Intl.DisplayNames(navigator.languages, { type: 'region' }) : null;
/** A country's name in the reader's language (CN: China), or its code where the browser has no name. */
export function countryName(code) {
  try {
    return countryNames && code && code.length === 2 ? countryNames.of(code) : (code || '–');
  } catch (ignored) {
    return code;
  }
}

const counts = new Intl.NumberFormat(locale);
export function count(value) {
  return value === null || value === undefined ? '–' : counts.format(Number(value));
}

const percents = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
export function percent(value) {
  return value === null || value === undefined ? '–' : `${percents.format(Number(value))} %`;
}

const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
/** A YYYY-MM-DD date as the reader writes dates. */
export function date(isoDate) {
  return isoDate ? dates.format(new Date(`${isoDate}T00:00:00Z`)) : '–';
}

const WORDS = { MAAS: 'MaaS', PAY_PER_OUTPUT: 'Pay per output', MODEL_TRAINING: 'Model training',
  SERIES_F_PLUS: 'Series F+', IPO: 'IPO' };

/** Words of an enum (SERIES_A) as a reader writes them (Series A). */
export function label(value) {
  if (!value) {
    return '–';
  }
  if (WORDS[value]) {
    return WORDS[value];
  }
  return value.toLowerCase().split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * Fills an element with a company's name and, beside it, its local name as written (智谱AI), marked with its
 * language so screen readers and fonts treat it right.
 */
export function fillName(element, name, localName) {
  element.textContent = name;
  if (localName && localName !== name) {
    const local = document.createElement('span');
    local.className = 'local-name';
    local.lang = /[\u3040-\u30ff]/.test(localName) ? 'ja' : 'zh';
    local.textContent = localName;
    element.append(' ', local);
  }
  return element;
}
