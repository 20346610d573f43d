// The record-a-round form: builds the body of POST /api/funding-events (docs/api.md) and shows each problem+json
// error beside the field it names; errors on a field the form has no place for are listed under the form.
import { ApiError, call } from './api.js';
import { money } from './format.js';

function text(form, name) {
  const field = form.elements[name];
  return field ? field.value.trim() : '';
}

function body(form) {
  const currency = text(form, 'currency').toUpperCase();
  const amount = text(form, 'amount');
  const investors = text(form, 'investors').split(',').map((name) => name.trim()).filter(Boolean)
    .map((name, index) => ({ name, lead: index === 0 && form.elements.lead.checked }));
  const request = {
    company: {
      name: text(form, 'company'),
      country: text(form, 'country').toUpperCase() || null,
      layer: text(form, 'layer') || null,
    },
    round: text(form, 'round'),
    // as typed: the service says what is wrong with it, field by field
    amount: amount ? { value: amount, currency } : { currency, precision: 'UNDISCLOSED' },
    announcedOn: text(form, 'announcedOn') || null,
    investors,
    source: text(form, 'source') || null,
  };
  if (text(form, 'localName')) {
    request.company.localName = text(form, 'localName');
  }
  if (text(form, 'valuation')) {
    request.postMoneyValuation = { value: text(form, 'valuation'),
      currency: text(form, 'valuationCurrency').toUpperCase() };
  }
  if (form.elements.distinctRound && form.elements.distinctRound.checked) {
    request.distinctRound = true;
  }
  return request;
}

/** The form's place for an error on an API field path, or null. */
function placeFor(form, field) {
  const candidates = [field, field.replace(/\[\d+\](\.name)?$/, ''), `${field}.value`, field.split('.')[0]];
  for (const candidate of candidates) {
    const place = form.querySelector(`[data-error-for="${CSS.escape(candidate)}"]`);
    if (place) {
      return place;
    }
  }
  return null;
}

function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((place) => { place.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

function showProblem(form, result, problem, status) {
  const unplaced = [];
  let firstInvalid = null;
  for (const error of (problem && problem.errors) || []) {
    const place = placeFor(form, error.field || '');
    if (place) {
      place.textContent = place.textContent ? `${place.textContent} ${error.message}` : error.message;
      const input = place.parentElement.querySelector('input, select');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        firstInvalid = firstInvalid || input;
      }
    } else {
      unplaced.push(`${error.field}: ${error.message}`);
    }
  }
  const summary = document.createElement('p');
  summary.className = 'error';
  summary.textContent = `Not recorded (${status}): ${(problem && (problem.detail || problem.title)) || 'refused'}`;
  result.replaceChildren(summary);
  if (unplaced.length) {
    const list = document.createElement('ul');
    unplaced.forEach((line) => list.append(Object.assign(document.createElement('li'), { textContent: line })));
    result.append(list);
  }
  if (problem && problem.existing) {
    const link = document.createElement('p');
    link.textContent = `The round already recorded: ${problem.existing}. Tick "this is another round" if it is not.`;
    result.append(link);
  }
  if (firstInvalid) {
    firstInvalid.focus();
  }
}

export function setUpRecordForm(form) {
  const result = document.getElementById('record-result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    result.textContent = 'Recording …';
    try {
      const response = await call('api/funding-events', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body(form)),
      });
      const round = await response.json();
      const usd = round.amount && round.amount.usd;
      result.replaceChildren(Object.assign(document.createElement('p'), {
        className: 'ok',
        textContent: `Recorded: ${round.company.name}, ${round.round}${usd ? `, ${money(usd)}` : ''}.`,
      }));
      form.dataset.recorded = round.id;
    } catch (error) {
      if (error instanceof ApiError) {
        showProblem(form, result, error.problem, error.status);
      } else {
        result.textContent = `Not recorded: ${error.message}`;
      }
    }
  });
}
