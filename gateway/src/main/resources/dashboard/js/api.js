// Calls to the gateway's /api with the tab's API key. The key lives in sessionStorage only (gone when the tab
// closes) and travels in the X-API-Key header, never in a URL. A 401 or 403 opens the key dialog.
const KEY_ITEM = 'aigcwatch.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY_ITEM);
}

export function keyHeaders(extra = {}) {
  const key = apiKey();
  return key ? { ...extra, 'X-API-Key': key } : { ...extra };
}

/** An answer that was not 2xx, with its problem document when it came as one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let dialogWaiters = [];

/** Opens the key dialog; resolves once a key has been saved (or the dialog is closed without one). */
export function askForKey(reason) {
  const dialog = document.getElementById('api-key-dialog');
  if (!dialog) {
    return Promise.resolve(false);
  }
  const why = dialog.querySelector('[data-key-reason]');
  if (why) {
    why.textContent = reason || '';
  }
  if (!dialog.open) {
    dialog.showModal();
    document.getElementById('api-key').focus();
  }
  return new Promise((resolve) => dialogWaiters.push(resolve));
}

export function setUpKeyDialog() {
  const dialog = document.getElementById('api-key-dialog');
  if (!dialog || dialog.dataset.ready) {
    return;
  }
  dialog.dataset.ready = 'true';
  const input = document.getElementById('api-key');
  const settle = (saved) => {
    const waiters = dialogWaiters;
    dialogWaiters = [];
    waiters.forEach((resolve) => resolve(saved));
  };
  document.getElementById('api-key-save').addEventListener('click', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (value) {
      sessionStorage.setItem(KEY_ITEM, value);
    } else {
      sessionStorage.removeItem(KEY_ITEM);
    }
    input.value = '';
    dialog.close();
    settle(Boolean(value));
  });
  dialog.addEventListener('close', () => settle(Boolean(apiKey())));
  const forget = document.getElementById('api-key-forget');
  if (forget) {
    forget.addEventListener('click', () => sessionStorage.removeItem(KEY_ITEM));
  }
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (ignored) {
      return null;
    }
  }
  return null;
}

/**
 * fetch() against the API. A 401/403 asks for a key once and tries again with it; any other failure is an ApiError.
 * Returns the Response, so callers read JSON, a Blob or headers as they need.
 */
export async function call(path, init = {}, retried = false) {
  const response = await fetch(path, { ...init, headers: keyHeaders(init.headers || {}) });
  if ((response.status === 401 || response.status === 403) && !retried) {
    const problem = await problemOf(response);
    const saved = await askForKey(problem && problem.detail);
    if (saved) {
      return call(path, init, true);
    }
    throw new ApiError(response.status, problem);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response;
}

export async function getJson(path) {
  const response = await call(path, { headers: { Accept: 'application/json' } });
  return response.json();
}

/** A CSV of what is shown, fetched with the key header and saved from a Blob: the key never enters a URL. */
export async function download(path, fileName) {
  const response = await call(path, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
