// Benchmark of the desktop app, the real binary under tauri-driver (run: `bash .ci/e2e bench`).
// Files reach the app as a file manager's "Open with" hands them over: a second launch of the
// app binary with the files as arguments (tests/e2e/driver.mjs `openWith`), which the running
// window imports (`open-files` event, `import_opened` command); the page cannot name files.
// Reports medians of repeated runs in this one command:
// - start: from asking tauri-driver for a session (the app launches) to the start screen shown
//   and answering clicks — an upper bound, the WebDriver handshake is included;
// - preview: a 10-article brief, the `preview` command round trip (compose + render + IPC) and
//   the same plus pdf.js drawing page 1 in the webview, i.e. what a refresh costs;
// - import: 100 article files handed over at once: total time (from the second launch), the
//   longest gap between progress events, and the longest stall of a 50 ms UI heartbeat while
//   the import runs;
// - one 10 MB article (issue 14: preview within 3 s), a single paragraph of ordinary sentences
//   and one sentence without punctuation, each opened in a fresh project three times: the import
//   (hand-over to the article listed, and to its preview drawn in the pane), the `preview`
//   command round trip, and the app process's peak RSS (VmHWM; the webview runs in other
//   processes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as driver from '../tests/e2e/driver.mjs';

const { ROOT, APP } = driver;
const FIX = path.join(ROOT, 'tests/fixtures');
const TEN = [
  'harbor-talks.txt', 'grain-corridor.md', 'energy-summit.html', 'water-accord-cp1252.txt',
  'utf16-note.txt', 'merge/northbridge.txt', 'merge/meridian.txt', 'merge/ledger.txt',
  'analyze/port-dispute.txt', 'formats/article.pdf',
].map((f) => path.join(FIX, f));
const BIG = 10_000_000; // bytes of the large articles' bodies, as benches/pathological.rs

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const rowCount = async (b) => (await b.$$('#library-rows tr[data-article-id]')).length;


/** A session on the app at its start screen, and how long that took. Waits first (outside the
 *  timing) for the previous session's app to be gone: a launch while it closes would hand itself
 *  over to it (single instance). */
async function session() {
  for (let i = 0; i < 100 && driver.appRunning(); i++) await sleep(100);
  const t0 = performance.now();
  const b = await driver.session();
  await b.waitUntil(async () => (await b.$('#start-screen')).isDisplayed(), { timeout: 30000, interval: 20 });
  return { b, startMs: performance.now() - t0 };
}

/** The app process's peak and current resident set (kB), from /proc; null when not found. */
function appMemory() {
  const name = path.basename(APP).slice(0, 15); // the kernel keeps 15 characters of the name
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== name) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key) => Number((status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) || [])[1]);
      return { pid, hwm: kb('VmHWM'), rss: kb('VmRSS') };
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

/** Opens a fresh project from the UI (the `project_new` command, as the New brief button
 *  does), going back to the start screen first when a project is open; waits until the
 *  preview refresh a new project starts is over. */
async function freshProject(b) {
  if (await (await b.$('#workspace')).isDisplayed()) {
    await (await b.$('#home-button')).click();
    await driver.waitFor(b, async () => (await b.$('#start-screen')).isDisplayed(), 'the start screen shows');
  }
  await (await b.$('#new-project')).click();
  await driver.waitFor(b, async () => (await b.$('#workspace')).isDisplayed(), 'the workspace opens');
  await previewIdle(b);
}

/** Waits until the preview pane's own refreshes are over (the debounce of ui/js/preview.js is
 *  350 ms), so they do not run alongside a measurement. */
async function previewIdle(b, timeout = 120000) {
  await sleep(500);
  await driver.waitFor(b, () => b.execute(() => document.querySelector('#preview-busy').hidden),
    'the preview refresh ends', timeout);
}

/** Waits until the preview pane has shown (or failed to show) the brief after an import that
 *  `watchImport` watched, and its refreshes are over. */
async function previewAfterImport(b, timeout = 120000) {
  await driver.waitFor(b, () => b.execute(() => window.__watch.shown.length > 0
    || Boolean(document.querySelector('#preview-error'))), 'the preview pane shows the import', timeout);
  await previewIdle(b, timeout);
}

/** Records, in the page's clock, when files are handed over (`open-files`), every import
 *  progress event, when the library first lists an article and each preview the pane shows. */
async function watchImport(b) {
  await b.executeAsync((done) => {
    const w = { opened: null, listed: null, events: [], shown: [] };
    window.__watch = w;
    const rows = document.querySelector('#library-rows');
    const info = document.querySelector('#preview-info');
    const listed = () => {
      if (w.listed === null && rows.querySelector('tr[data-article-id]')) w.listed = performance.now();
    };
    new MutationObserver(listed).observe(rows, { childList: true, subtree: true });
    new MutationObserver(() => w.shown.push([performance.now(), info.textContent]))
      .observe(info, { childList: true, characterData: true, subtree: true });
    const { listen } = window.__TAURI__.event;
    Promise.all([
      listen('open-files', () => { if (w.opened === null) w.opened = performance.now(); }),
      listen('import-progress', (e) => w.events.push([performance.now(), e.payload.done, e.payload.total])),
    ]).then(() => done());
  });
}

/** The page's `preview` command round trip (ms) and the backend's own render time. */
const previewTrip = (b) => b.executeAsync((done) => {
  const t = performance.now();
  window.__TAURI__.core.invoke('preview').then(
    (p) => done({ ms: performance.now() - t, millis: p.millis, pages: p.pages }),
    (e) => done({ refused: String(e && e.message ? e.message : JSON.stringify(e)) }),
  );
});

// Start-up.
const starts = [];
for (let i = 0; i < 5; i++) {
  const { b, startMs } = await session();
  starts.push(startMs);
  await b.deleteSession();
}
console.log(`start to interactive: median ${ms(median(starts))} of 5 (${starts.map(ms).join(', ')})`);

// Preview refresh on ten articles.
{
  const { b } = await session();
  await freshProject(b);
  await watchImport(b);
  await driver.openWith(TEN);
  await b.waitUntil(async () => (await rowCount(b)) >= TEN.length, { timeout: 120000, interval: 50 });
  await previewAfterImport(b);
  const round = [];
  const full = [];
  for (let i = 0; i < 7; i++) {
    round.push((await previewTrip(b)).ms);
    full.push(await b.executeAsync((done) => {
      const draw = async () => {
        // pdf.js loaded and its worker started once, as the preview pane keeps them.
        if (!window.__pdf) {
          window.__warnings = [];
          const warn = console.warn.bind(console);
          console.warn = (...a) => { window.__warnings.push(a.join(' ')); warn(...a); };
          const pdfjs = await import('./vendor/pdfjs/pdf.min.mjs');
          pdfjs.GlobalWorkerOptions.workerSrc = './vendor/pdfjs/pdf.worker.min.mjs';
          window.__pdf = { pdfjs, worker: new pdfjs.PDFWorker() };
        }
        const { pdfjs, worker } = window.__pdf;
        const t = performance.now();
        const p = await window.__TAURI__.core.invoke('preview');
        const t1 = performance.now();
        const bytes = Uint8Array.from(atob(p.pdf), (c) => c.charCodeAt(0));
        // The options of the preview pane (ui/js/preview.js).
        const doc = await pdfjs.getDocument({
          data: bytes, worker, disableFontFace: true, isEvalSupported: false, verbosity: 0,
        }).promise;
        const page = await doc.getPage(1);
        const t2 = performance.now();
        const viewport = page.getViewport({ scale: 1.2 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
        const t3 = performance.now();
        await doc.destroy();
        window.__parts = (window.__parts || []).concat([[t1 - t, t2 - t1, t3 - t2]]);
        return t3 - t;
      };
      draw().then(done, () => done(-1));
    }));
  }
  const parts = await b.execute(() => window.__parts);
  const part = (i) => ms(median(parts.map((p) => p[i])));
  const warnings = await b.execute(() => window.__warnings || []);
  if (warnings.length) console.log(`  pdf.js warnings: ${warnings.join(' | ')}`);
  console.log(`  pdf.js parts (median): command ${part(0)}, decode + parse + page ${part(1)}, draw ${part(2)}`);
  const info = await driver.invoke(b, 'preview');
  console.log(`preview, 10 articles (${info.pages} pages): command round trip median ${ms(median(round))}, ` +
    `with pdf.js drawing page 1 median ${ms(median(full))} (backend render ${info.millis} ms)`);
  await b.deleteSession();
}

// Importing 100 articles.
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdesk-bench-'));
  const texts = TEN.slice(0, 9).map((f) => [path.basename(f), fs.readFileSync(f)]);
  const files = [];
  for (let i = 0; i < 100; i++) {
    const [name, bytes] = texts[i % texts.length];
    const ext = path.extname(name);
    // Each copy distinct: a closing paragraph in the file's own encoding and markup.
    const line = `Copy ${i} of the benchmark corpus.`;
    let copy;
    if (name.includes('utf16')) copy = Buffer.concat([bytes, Buffer.from(`\r\n\r\n${line}\r\n`, 'utf16le')]);
    else if (ext === '.html') copy = Buffer.from(bytes.toString('utf8').replace('</body>', `<p>${line}</p></body>`));
    else copy = Buffer.concat([bytes, Buffer.from(`\n\n${line}\n`)]);
    const file = path.join(dir, `${String(i).padStart(3, '0')}-${name}`);
    fs.writeFileSync(file, copy);
    files.push(file);
  }
  const { b } = await session();
  await freshProject(b);
  await watchImport(b);
  await b.execute(() => {
    const w = window.__watch;
    w.stall = 0;
    let last = performance.now();
    w.timer = setInterval(() => {
      const now = performance.now();
      w.stall = Math.max(w.stall, now - last - 50);
      last = now;
    }, 50);
  });
  const t0 = Date.now();
  await driver.openWith(files);
  await b.waitUntil(async () => {
    const ev = await b.execute(() => window.__watch.events);
    return ev.length && ev[ev.length - 1][1] === 100;
  }, { timeout: 120000, interval: 50 });
  const total = Date.now() - t0;
  await b.waitUntil(async () => (await rowCount(b)) >= 90, { timeout: 60000, interval: 50 });
  const { events, stall, opened } = await b.execute(() => window.__watch);
  const gaps = events.slice(1).map((e, i) => e[0] - events[i][0]);
  const rows = await rowCount(b);
  console.log(`import 100 files: ${ms(total)} until the last progress event ` +
    `(${ms(events[events.length - 1][0] - opened)} from the hand-over), ${events.length} progress events, ` +
    `longest gap ${ms(Math.max(...gaps))}, longest UI heartbeat stall ${ms(stall)}; ${rows} articles listed`);
  await b.deleteSession();
  fs.rmSync(dir, { recursive: true });
}

// One 10 MB article.
{
  // The word list and shapes of tests/common/pathological.rs, from a 32-bit LCG.
  const WORDS = ['the', 'minister', 'said', 'that', 'government', 'would', 'review', 'policy', 'on',
    'trade', 'and', 'energy', 'after', 'talks', 'with', 'officials', 'in', 'capital', 'port', 'fees'];
  const lcg = (seed) => {
    let s = seed >>> 0;
    return (n) => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return (s >>> 8) % n;
    };
  };
  const words = (next, n) => Array.from({ length: n }, () => WORDS[next(WORDS.length)]).join(' ');
  const paragraph = () => {
    const next = lcg(2);
    const parts = [];
    let size = 0;
    while (size < BIG) {
      const s = words(next, 8 + next(18));
      const sentence = `${s[0].toUpperCase()}${s.slice(1)}.`;
      parts.push(sentence);
      size += sentence.length + 1;
    }
    return `One long paragraph\n\n${parts.join(' ')}\n`;
  };
  const sentence = () => {
    const next = lcg(1);
    const parts = ['The'];
    let size = 3;
    while (size < BIG) {
      const w = words(next, 64);
      parts.push(w);
      size += w.length + 1;
    }
    return `One long sentence\n\n${parts.join(' ')}\n`;
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdesk-bench-big-'));
  const shapes = [
    ['one paragraph of sentences', path.join(dir, 'one-paragraph.txt'), paragraph],
    ['one sentence, no punctuation', path.join(dir, 'one-sentence.txt'), sentence],
  ];
  try {
    for (const [label, file, make] of shapes) {
      fs.writeFileSync(file, make());
      const { b } = await session();
      const atStart = appMemory();
      const imports = [];
      const fromLaunch = [];
      const firsts = [];
      const panes = [];
      const trips = [];
      const renders = [];
      let pages = 0;
      for (let run = 0; run < 3; run++) {
        await freshProject(b);
        await watchImport(b);
        const t0 = Date.now();
        await driver.openWith([file]);
        try {
          await b.waitUntil(async () => (await rowCount(b)) >= 1, { timeout: 180000, interval: 50 });
        } catch (e) {
          const said = await b.execute(() => document.querySelector('#status').textContent);
          throw new Error(`the ${label} article is not listed (status: ${said}): ${e.message}`);
        }
        fromLaunch.push(Date.now() - t0);
        // The pane's own refresh after the import, then the measured command on its own.
        await previewAfterImport(b, 180000);
        const w = await b.execute(() => window.__watch);
        imports.push(w.listed - w.opened);
        const shown = w.shown.filter(([, text]) => /rendered in \d+ ms/.test(text)).pop();
        if (shown) {
          firsts.push(Number(shown[1].match(/rendered in (\d+) ms/)[1]));
          panes.push(shown[0] - w.opened);
        }
        const trip = await previewTrip(b);
        if (trip.refused) throw new Error(`preview of the ${label} article: ${trip.refused}`);
        trips.push(trip.ms);
        renders.push(trip.millis);
        pages = trip.pages;
      }
      const mem = appMemory();
      const size = (fs.statSync(file).size / 1e6).toFixed(1);
      console.log(`10 MB article, ${label} (${size} MB, ${pages} page${pages === 1 ? '' : 's'}): ` +
        `preview command round trip median ${ms(median(trips))} of 3 (${trips.map(ms).join(', ')}; ` +
        `backend render ${ms(median(renders))}` +
        `${firsts.length ? `, the pane's first after the import ${ms(median(firsts))}` : ''}); ` +
        `import median ${ms(median(imports))} from the hand-over to the article listed ` +
        `(${ms(median(fromLaunch))} from the second launch)` +
        `${panes.length ? `, ${ms(median(panes))} to the preview drawn in the pane (350 ms debounce included)` : ''}` +
        `${mem ? `; app process peak RSS ${mb(mem.hwm)} (${atStart ? `${mb(atStart.hwm)} at start, ` : ''}` +
          `${mb(mem.rss)} now)` : ''}`);
      await b.deleteSession();
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
