// A live feed from one of the gateway's Server-Sent Events streams: the valuation changes by default, or another
// stream and event name (the market stream's market-recomputed). Without a key the browser's EventSource reads it
// (and resends Last-Event-ID itself after a drop); with a key, fetch() and a ReadableStream do, since an EventSource
// cannot send the X-API-Key header. Either way a reconnect resumes from the last stream position seen, and each
// event is handed on once: the CloudEvent id is the dedup key.
import { apiKey, call } from './api.js';

const MAX_REMEMBERED = 5000;

/**
 * @param stream  the stream's path, with its filters in the query
 * @param event   the SSE event name that carries a CloudEvent
 * @param marker  the body's data attribute that says the stream's state (live, reconnecting): tests wait on it
 */
export function startFeed({ onChange, onStatus, onResumed, onGap, stream = 'api/valuation-changes/stream',
  event: eventType = 'valuation-changed', marker = 'feed' }) {
  const seen = new Set();
  let lastEventId = null;
  let source = null;
  let retryMillis = 1000;
  let dropped = false;

  const status = (text) => onStatus && onStatus(text);

  function deliver(type, id, data) {
    if (id) {
      lastEventId = id;
    }
    if (type === 'ready') {
      retryMillis = 1000;
      if (dropped && onResumed) {
        onResumed();
      }
      dropped = false;
      document.body.dataset[marker] = 'live';
      status('live');
      return;
    }
    if (type === 'gap') {
      if (onGap) {
        onGap();
      } else {
        status('some changes were no longer kept by the broker; reload to see the current figures');
      }
      return;
    }
    if (type !== eventType) {
      return;
    }
    let event;
    try {
      event = JSON.parse(data);
    } catch (ignored) {
      return;
    }
    if (!event || !event.id || seen.has(event.id)) {
      return;
    }
    seen.add(event.id);
    if (seen.size > MAX_REMEMBERED) {
      seen.delete(seen.values().next().value);
    }
    onChange(event);
  }

  function reconnectLater() {
    dropped = true;
    document.body.dataset[marker] = 'reconnecting';
    status('reconnecting …');
    setTimeout(connect, retryMillis);
    retryMillis = Math.min(retryMillis * 2, 30_000);
  }

  function connectWithEventSource() {
    // After a drop the EventSource resends Last-Event-ID by itself; a new one (after it gave up) carries the
    // position in the query, which the gateway reads where a header cannot be set. It is a position, not a secret.
    const url = lastEventId
      ? `${stream}${stream.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}` : stream;
    source = new EventSource(url);
    for (const type of ['ready', eventType, 'gap']) {
      source.addEventListener(type, (message) => deliver(type, message.lastEventId, message.data));
    }
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // refused (a 401 when anonymous reading is off, a 429 or 503 when busy): try again, with a key if asked
        source = null;
        reconnectLater();
      } else {
        dropped = true;
        document.body.dataset[marker] = 'reconnecting';
        status('reconnecting …');
      }
    };
  }

  async function connectWithFetch() {
    const headers = { Accept: 'text/event-stream' };
    if (lastEventId) {
      headers['Last-Event-ID'] = lastEventId;
    }
    try {
      const response = await call(stream, { headers, cache: 'no-store' });
      await readEvents(response.body, deliver);
    } catch (ignored) {
      // a dropped connection or a refusal; either way, resume from lastEventId
    }
    reconnectLater();
  }

  function connect() {
    if (apiKey()) {
      connectWithFetch();
    } else {
      connectWithEventSource();
    }
  }

  connect();
}

/** Reads an SSE body (text/event-stream) and hands each event's type, id and data to deliver. */
async function readEvents(body, deliver) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { type: 'message', id: null, data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event.data.length || event.type !== 'message') {
          deliver(event.type, event.id, event.data.join('\n'));
        }
        event = { type: 'message', id: null, data: [] };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          event.type = text;
        } else if (field === 'data') {
          event.data.push(text);
        } else if (field === 'id') {
          event.id = text;
        }
      }
    }
  }
}
