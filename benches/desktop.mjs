// Benchmark of the desktop app, the real binary under tauri-driver (run: `bash .ci/e2e bench`).
// Reports medians of repeated runs in this one command:
// - start: from asking tauri-driver for a session (the app launches) to the start screen shown
//   and answering clicks — an upper bound, the WebDriver handshake is included;
// - preview: a 10-article brief, the `preview` command round trip (compose + render + IPC) and
//   the same plus pdf.js drawing page 1 in the webview, i.e. what a refresh costs;
// - import: 100 article files dropped at once: total time, the longest gap between progress
//   events, and the longest stall of a 50 ms UI heartbeat while the import runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP = process.env.BRIEFDESK_APP;
const FIX = path.join(ROOT, 'tests/fixtures');
const TEN = [
  'harbor-talks.txt', 'grain-corridor.md', 'energy-summit.html', 'water-accord-cp1252.txt',
  'utf16-note.txt', 'merge/northbridge.txt', 'merge/meridian.txt', 'merge/ledger.txt',
  'analyze/port-dispute.txt', 'formats/article.pdf',
].map((f) => path.join(FIX, f));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;

async function session() {
  const t0 = performance.now();
  const b = await remote({
    hostname: '127.0.0.1', port: 4444, logLevel: 'warn',
    capabilities: { 'tauri:options': { application: APP } },
  });
  await b.waitUntil(async () => (await b.$('#start-screen')).isDisplayed(), { timeout: 30000, interval: 20 });
  return { b, startMs: performance.now() - t0 };
}

const invoke = (b, cmd, args = {}) => b.executeAsync(
  (c, a, done) => window.__TAURI__.core.invoke(c, a).then(done, (e) => done({ error: e })), cmd, args);

async function drop(b, paths, expected) {
  await b.execute((p) => window.__TAURI__.event.emit('tauri://drag-drop', { paths: p, position: { x: 300, y: 300 } }), paths);
  await b.waitUntil(async () => (await b.$$('#library-rows tr[data-article-id]')).length >= expected,
    { timeout: 120000, interval: 50 });
}

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
  await (await b.$('#new-project')).click();
  await drop(b, TEN, TEN.length);
  const round = [];
  const full = [];
  for (let i = 0; i < 7; i++) {
    round.push(await b.executeAsync((done) => {
      const t = performance.now();
      window.__TAURI__.core.invoke('preview').then(() => done(performance.now() - t));
    }));
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
  const info = await invoke(b, 'preview');
  console.log(`preview, 10 articles (${info.pages} pages): command round trip median ${ms(median(round))}, ` +
    `with pdf.js drawing page 1 median ${ms(median(full))} (backend render ${info.millis} ms)`);
  await b.deleteSession();
}

// Importing 100 articles.
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdesk-bench-'));
  const texts = TEN.slice(0, 9).map((f) => [path.basename(f), fs.readFileSync(f)]);
  for (let i = 0; i < 100; i++) {
    const [name, bytes] = texts[i % texts.length];
    const ext = path.extname(name);
    // Each copy distinct: a closing paragraph in the file's own encoding and markup.
    const line = `Copy ${i} of the benchmark corpus.`;
    let copy;
    if (name.includes('utf16')) copy = Buffer.concat([bytes, Buffer.from(`\r\n\r\n${line}\r\n`, 'utf16le')]);
    else if (ext === '.html') copy = Buffer.from(bytes.toString('utf8').replace('</body>', `<p>${line}</p></body>`));
    else copy = Buffer.concat([bytes, Buffer.from(`\n\n${line}\n`)]);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${name}`), copy);
  }
  const { b } = await session();
  await (await b.$('#new-project')).click();
  await b.execute(() => {
    window.__bench = { events: [], stall: 0 };
    window.__TAURI__.event.listen('import-progress', (e) => window.__bench.events.push([performance.now(), e.payload.done]));
    let last = performance.now();
    window.__bench.timer = setInterval(() => {
      const now = performance.now();
      window.__bench.stall = Math.max(window.__bench.stall, now - last - 50);
      last = now;
    }, 50);
  });
  const t0 = Date.now();
  await b.execute((d) => window.__TAURI__.event.emit('tauri://drag-drop', { paths: [d], position: { x: 300, y: 300 } }), dir);
  await b.waitUntil(async () => {
    const ev = await b.execute(() => window.__bench.events);
    return ev.length && ev[ev.length - 1][1] === 100;
  }, { timeout: 120000, interval: 50 });
  const total = Date.now() - t0;
  await b.waitUntil(async () => (await b.$$('#library-rows tr[data-article-id]')).length >= 90,
    { timeout: 60000, interval: 50 });
  const { events, stall } = await b.execute(() => window.__bench);
  const gaps = events.slice(1).map((e, i) => e[0] - events[i][0]);
  const rows = (await b.$$('#library-rows tr[data-article-id]')).length;
  console.log(`import 100 files: ${ms(total)} until the last progress event, ${events.length} progress events, ` +
    `longest gap ${ms(Math.max(...gaps))}, longest UI heartbeat stall ${ms(stall)}; ${rows} articles listed`);
  await b.deleteSession();
  fs.rmSync(dir, { recursive: true });
}
