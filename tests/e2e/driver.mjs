// Shared by the end-to-end tests: a WebDriver session on the real app through tauri-driver
// (started by `bash .ci/e2e`), waiting, screenshots, backend calls and PDF text.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const APP = process.env.BRIEFDESK_APP;
export const OUT = process.env.BRIEFDESK_E2E_OUT || fs.mkdtempSync(path.join(os.tmpdir(), 'briefdesk-e2e-'));
const SHOTS = path.join(OUT, 'screens');

/** Whether an app process is still running (one closing after the previous test). */
function appRunning() {
  try {
    execFileSync('pgrep', ['-f', APP], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A new session on the app (started with `args`). An app still closing from the previous
 *  test would take this launch's files and let it exit (the app is single-instance), so this
 *  waits, up to 10 s, until none runs. */
export async function session(args = []) {
  assert.ok(APP && fs.existsSync(APP), `BRIEFDESK_APP points at the app (${APP})`);
  for (let i = 0; i < 100 && appRunning(); i++) await new Promise((r) => setTimeout(r, 100));
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'warn',
    capabilities: { 'tauri:options': { application: APP, args } },
  });
  await browser.setTimeout({ implicit: 0 });
  return browser;
}

/** Waits until `fn` resolves truthy. */
export async function waitFor(browser, fn, message, timeout = 20000) {
  await browser.waitUntil(fn, { timeout, interval: 100, timeoutMsg: message });
}

export async function shot(browser, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await browser.saveScreenshot(path.join(SHOTS, `${name}.png`));
}

/** Calls a backend command as the UI does: its answer, or {error}. */
export function invoke(browser, cmd, args = {}) {
  return browser.executeAsync(
    (c, a, done) => window.__TAURI__.core.invoke(c, a).then(done, (e) => done({ error: e })),
    cmd,
    args,
  );
}

/** Records uncaught errors, console.error calls and CSP violations of the page. */
export async function watchConsole(browser) {
  await browser.execute(() => {
    window.__errors = window.__errors || [];
    const orig = console.error.bind(console);
    console.error = (...a) => {
      window.__errors.push(a.map(String).join(' '));
      orig(...a);
    };
    window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__errors.push(`CSP blocked ${e.blockedURI || 'inline'} (${e.violatedDirective})`));
    window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason && e.reason.message || e.reason)));
  });
}

/** What `watchConsole` recorded. */
export function errors(browser) {
  return browser.execute(() => window.__errors || []);
}

/** The text of a PDF, whitespace collapsed. */
export function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
}
