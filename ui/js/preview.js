// Brief preview: fetches the real PDF from the backend and renders every page with pdf.js (coalesced refreshes).
import { backend } from './backend.js';
import { Code } from './codes.js';
import { $, h, replace, plural } from './dom.js';

const DEBOUNCE_MS = 350;
let pdfjs = null;
let worker = null; // one pdf.js worker for every refresh (starting one costs more than a page)
let timer = null;
let dirty = false;
let running = false;
let active = () => true;
let currentDoc = null;
let generation = 0;
let lastWidth = 0;
let lastZoom = 'fit';
let showing = false; // a new PDF is being rendered (it fits itself to the pane when done)

/** Loads pdf.js from ui/vendor (copied there by `npm install`). */
async function loadPdfjs() {
  if (!pdfjs) {
    const lib = await import('../vendor/pdfjs/pdf.min.mjs');
    lib.GlobalWorkerOptions.workerSrc = new URL('../vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
    worker = new lib.PDFWorker();
    pdfjs = lib;
  }
  return pdfjs;
}

/**
 * isActive(): whether a project is open (refreshes wait until one is). The preview is refreshed
 * even while its tab is hidden, so it is current when the analyst looks at it.
 */
export function initPreview(isActive) {
  active = isActive;
  let resizeTimer = null;
  $('#preview-zoom').addEventListener('change', () => {
    refit(true);
  });
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      refit();
    }, 200);
  });
}

/** Whether the shown pages were drawn for another pane width or zoom. */
function stale() {
  return Math.abs(paneWidth() - lastWidth) > 8 || $('#preview-zoom').value !== lastZoom;
}

/** Renders the shown PDF again when the pane's width changed (or always when `force`). */
function refit(force = false) {
  if (!currentDoc || showing) return;
  if (force || stale()) renderDoc(currentDoc, ++generation).catch(() => {});
}

/** Marks the preview out of date and refreshes it after a short pause (coalescing bursts). */
export function schedulePreview(delay = DEBOUNCE_MS) {
  dirty = true;
  clearTimeout(timer);
  timer = setTimeout(run, delay);
}

/** Called when the preview pane becomes visible: refreshes if something changed meanwhile. */
export function previewShown() {
  if (dirty) schedulePreview(0);
  else refit();
}

/** Forgets the shown preview (e.g. another project was opened). */
export function resetPreview() {
  generation++;
  if (currentDoc) currentDoc.destroy();
  currentDoc = null;
  replace($('#preview'));
  replace($('#preview-info'));
  showWarnings([]);
  schedulePreview(0);
}

async function run() {
  timer = null;
  if (running || !dirty || !active()) return;
  running = true;
  $('#preview-busy').hidden = false;
  try {
    while (dirty) {
      dirty = false;
      let result;
      try {
        result = await backend.preview();
      } catch (e) {
        if (dirty) continue;
        showFailure(e);
        break;
      }
      if (dirty) continue; // a newer change arrived: only the latest result is shown
      await show(result);
    }
  } finally {
    running = false;
    $('#preview-busy').hidden = true;
    if (dirty && timer === null) schedulePreview(0);
  }
}

function decode(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function show(result) {
  showing = true;
  try {
    await showPdf(result);
  } finally {
    showing = false;
  }
}

async function showPdf(result) {
  const gen = ++generation;
  let doc;
  try {
    const lib = await loadPdfjs();
    // disableFontFace: glyphs drawn as paths. Loading a new PDF's embedded fonts into the page
    // cost ~120 ms per refresh in WebKitGTK (benches/desktop.mjs), more than drawing the page.
    doc = await lib.getDocument({
      data: decode(result.pdf), isEvalSupported: false, verbosity: 0, disableFontFace: true, worker,
    }).promise;
  } catch (e) {
    showFailure({ message: `The preview could not be displayed: ${e && e.message ? e.message : e}` });
    return;
  }
  if (gen !== generation) {
    doc.destroy();
    return;
  }
  await renderDoc(doc, gen);
  if (gen !== generation) {
    if (doc !== currentDoc) doc.destroy();
    return;
  }
  if (currentDoc && currentDoc !== doc) currentDoc.destroy();
  currentDoc = doc;
  // the pane may have been shown or resized while rendering: fit again
  if (stale()) await renderDoc(doc, ++generation);
  const info = [plural(result.pages ?? doc.numPages, 'page')];
  if (typeof result.millis === 'number') info.push(`rendered in ${result.millis} ms`);
  replace($('#preview-info'), info.join(' · '));
  showWarnings(result.warnings || []);
}

function paneWidth() {
  const pane = $('#preview');
  const style = getComputedStyle(pane);
  const inner = pane.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return inner > 100 ? inner : (lastWidth || 760); // hidden pane: keep the last width
}

async function renderDoc(doc, gen) {
  const zoom = $('#preview-zoom').value;
  lastZoom = zoom;
  lastWidth = paneWidth();
  const ratio = window.devicePixelRatio || 1;
  const pane = $('#preview');
  // Pages replace the shown ones as soon as each is drawn: the first page updates first.
  if (!pane.querySelector(':scope > canvas')) replace(pane);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    // "fit": the pane's width (at most 900 px); otherwise a share of the printed size (96 dpi)
    const scale = zoom === 'fit' ? Math.min(lastWidth, 900) / base.width : (Number(zoom) * 96) / 72;
    const viewport = page.getViewport({ scale: scale * ratio });
    const canvas = h('canvas', { class: 'preview-page', 'aria-label': `Page ${n}`, dataset: { page: n } });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(base.width * scale)}px`;

    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    if (gen !== generation) return;
    const old = pane.children[n - 1];
    if (old) old.replaceWith(canvas);
    else pane.append(canvas);
  }
  while (pane.children.length > doc.numPages) pane.lastElementChild.remove();
  pane.classList.toggle('fit', zoom === 'fit');
}

function showWarnings(warnings) {
  const list = $('#preview-warnings');
  replace(list, warnings.map((w) => h('li', {}, w)));
  list.hidden = warnings.length === 0;
}

function showFailure(error) {
  generation++;
  if (currentDoc) currentDoc.destroy();
  currentDoc = null;
  showWarnings([]);
  replace($('#preview-info'));
  if (error && error.code === Code.NO_ARTICLES) {
    replace($('#preview'), h('div', { class: 'empty-state', id: 'preview-empty' },
      h('p', { class: 'empty-title' }, 'Nothing to preview yet'),
      h('p', {}, 'Tick at least one article in the Library and the brief will appear here.')));
  } else {
    const message = error && error.message ? error.message : String(error);
    replace($('#preview'), h('div', { class: 'empty-state', id: 'preview-error' },
      h('p', { class: 'empty-title' }, 'The brief could not be rendered'),
      h('p', {}, message)));
  }
}
