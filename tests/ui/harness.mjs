// Test harness: static server for ui/ (with the app's CSP), headless Chromium, Tauri mocks, error capture.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { before, after } from 'node:test';
import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makePdf } from './pdf.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const uiDir = join(root, 'ui');
export const SHOTS = '/tmp/briefdesk-ui-shots';

const conf = JSON.parse(readFileSync(join(root, 'src-tauri', 'tauri.conf.json'), 'utf8'));
const CSP = conf.app.security.csp;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

/** tauri's global JS bundle (window.__TAURI__ incl. mocks) from the cargo registry. */
function tauriBundle() {
  const registry = join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'registry', 'src');
  const found = [];
  for (const index of existsSync(registry) ? readdirSync(registry) : []) {
    for (const dir of readdirSync(join(registry, index))) {
      const m = /^tauri-(2\.(\d+)\.(\d+))$/.exec(dir);
      const file = join(registry, index, dir, 'scripts', 'bundle.global.js');
      if (m && existsSync(file)) found.push({ file, minor: Number(m[2]), patch: Number(m[3]) });
    }
  }
  if (!found.length) throw new Error(`tauri 2.x bundle.global.js not found under ${registry}`);
  found.sort((a, b) => b.minor - a.minor || b.patch - a.patch);
  return readFileSync(found[0].file, 'utf8');
}

/**
 * Scripts for browsers without init scripts (WebKitGTK over WebDriver): /mocked.html is
 * index.html with the tauri bundle and the fake backend loaded first as classic scripts.
 */
const testFiles = {
  '/__test/tauri-bundle.js': () => bundle,
  '/__test/fake.js': () => `${errorTrap}\n${codesSource}\n${fakeSource}\ninstallFakeBackend(${JSON.stringify({ pdfs })});`,
};
const errorTrap = `window.__errors = [];
window.addEventListener('error', (e) => window.__errors.push('error: ' + e.message));
window.addEventListener('unhandledrejection', (e) => window.__errors.push('rejection: ' + (e.reason && e.reason.message || e.reason)));
document.addEventListener('securitypolicyviolation', (e) => window.__errors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));
{ const original = console.error.bind(console); console.error = (...a) => { window.__errors.push('console: ' + a.join(' ')); original(...a); }; }`;

export function startServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (testFiles[path]) {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      res.end(testFiles[path]());
      return;
    }
    if (path === '/mocked.html') {
      const html = (await readFile(join(uiDir, 'index.html'), 'utf8')).replace('<script type="module"',
        '<script src="/__test/tauri-bundle.js"></script>\n  <script src="/__test/fake.js"></script>\n  <script type="module"');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' });
      res.end(html);
      return;
    }
    if (path === '/') path = '/index.html';
    const file = normalize(join(uiDir, path));
    if (!file.startsWith(uiDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const bundle = tauriBundle();
const fakeSource = readFileSync(join(here, 'fake-backend.js'), 'utf8');
// The error codes (generated from the Rust ErrorCode) as a classic script: `Code` for the fake.
const codesSource = readFileSync(join(uiDir, 'js', 'codes.js'), 'utf8').replace(/^export /m, '');
// 2 pages: a real brief from the renderer (embedded fonts); other page counts are generated.
const pdfs = Object.fromEntries([1, 2, 3, 4].map((n) => [n, makePdf(n).toString('base64')]));
pdfs[2] = readFileSync(join(here, 'fixtures', 'preview.pdf')).toString('base64');

/**
 * Opens the app in a fresh page with the fake backend (`fake`: its options, e.g. {opened: [path]},
 * the files the app is started with). Returns {page, errors}: errors collects console errors,
 * page errors, failed requests and alert() dialogs.
 */
export async function openApp(browser, url, fake = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.type()} ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.addInitScript({ content: bundle });
  await page.addInitScript({ content: `${codesSource}\n${fakeSource}\ninstallFakeBackend(${JSON.stringify({ ...fake, pdfs })});` });
  await page.goto(url);
  // The start screen, or the workspace when the app was opened with files.
  await page.waitForSelector('#loading', { state: 'hidden' });
  return { page, context, errors };
}

/** Commands called so far (optionally only `cmd`), as [{cmd, args}]. */
export async function calls(page, cmd = null) {
  const all = await page.evaluate(() => window.__calls);
  return cmd ? all.filter((c) => c.cmd === cmd) : all;
}

export async function clearCalls(page) {
  await page.evaluate(() => { window.__calls.length = 0; });
}

/** Waits until `cmd` has been called at least `n` times. */
export async function waitForCall(page, cmd, n = 1, timeout = 10000) {
  await page.waitForFunction(([c, k]) => window.__calls.filter((x) => x.cmd === c).length >= k, [cmd, n], { timeout });
  return calls(page, cmd);
}

/** Waits until `cmd` has been called after the last call of `afterCmd`. */
export async function waitForCallAfter(page, cmd, afterCmd, timeout = 10000) {
  await page.waitForFunction(([c, a]) => {
    const names = window.__calls.map((x) => x.cmd);
    const last = names.lastIndexOf(a);
    return last >= 0 && names.lastIndexOf(c) > last;
  }, [cmd, afterCmd], { timeout });
}

/** From the start screen, opens the recent "Port talks" project (3 articles). */
export async function openSample(page) {
  await page.click('.recent-project[data-path$="port-talks.briefdesk"]');
  await page.waitForSelector('#workspace:not([hidden]) #library-rows tr[data-article-id]');
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/**
 * Registers a test file's server and browser (started before its tests, closed after) and
 * returns `withApp(body, fake)`, which runs `body(page, app)` on a fresh app page (the fake
 * backend's options: `fake`) and fails when anything logged an error (console, page error, failed
 * request, CSP violation) or the page gave any command a path.
 */
export function appTests() {
  let server;
  let url;
  let browser;
  before(async () => {
    ({ server, url } = await startServer());
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  return async function withApp(body, fake = {}) {
    const app = await openApp(browser, url, fake);
    try {
      await body(app.page, app);
      await app.page.waitForTimeout(100);
      assert.deepEqual(app.errors, [], 'console errors, page errors or failed requests');
      const named = (await calls(app.page)).filter((c) => /path/i.test(JSON.stringify(Object.keys(c.args))));
      assert.deepEqual(named, [], 'the page never names a path');
    } finally {
      await app.context.close();
    }
  };
}
