// What every page shares: the header's title and "API key" button, and the key dialog. Written once here and put
// into each page's <header class="top"> (which keeps the page's own tagline) so that the pages cannot drift apart.
// A page imports this module first: modules run after the document is parsed, and an import runs before the
// importer, so the ids (#api-key-dialog, #api-key, #api-key-save, #api-key-open) exist before a page script looks.
import { askForKey, setUpKeyDialog } from './api.js';

const TITLE = '<h1><a href="./">aigcwatch</a></h1>';
const KEY_BUTTON = '<button type="button" id="api-key-open" class="quiet">API key</button>';
const KEY_DIALOG = `
<dialog id="api-key-dialog" aria-labelledby="api-key-title">
  <form method="dialog">
    <h2 id="api-key-title">API key</h2>
    <p data-key-reason class="note"></p>
    <p>The key is kept for this tab only (sessionStorage) and sent in the <code>X-API-Key</code> header.</p>
    <label for="api-key">Key</label>
    <input id="api-key" type="password" autocomplete="off" spellcheck="false">
    <div class="actions">
      <button id="api-key-save" type="submit">Use this key</button>
      <button id="api-key-forget" type="button" class="quiet">Forget the key</button>
      <button type="submit" value="cancel" class="quiet">Cancel</button>
    </div>
  </form>
</dialog>`;

function renderShell() {
  const header = document.querySelector('header.top');
  // the title first and the button last, as tab order and the flex row read them
  header.insertAdjacentHTML('afterbegin', TITLE);
  header.insertAdjacentHTML('beforeend', KEY_BUTTON);
  // after <main>, as the pages had it: a modal dialog is outside the tab order until it opens
  document.body.insertAdjacentHTML('beforeend', KEY_DIALOG);
  setUpKeyDialog();
  document.getElementById('api-key-open').addEventListener('click', () => askForKey(''));
}

renderShell();
