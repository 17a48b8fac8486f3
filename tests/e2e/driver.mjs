// Shared by the end-to-end tests: a WebDriver session on the real app through tauri-driver
// (started by `bash .ci/e2e`), handing files to it as a file manager's "Open with" does (a second
// launch), waiting, screenshots, backend calls and PDF text.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
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
export function appRunning() {
  try {
    execFileSync('pgrep', ['-f', APP], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Waits, up to `ms`, until no app process runs; whether none does. */
async function appClosed(ms) {
  for (let t = 0; t < ms && appRunning(); t += 100) await new Promise((r) => setTimeout(r, 100));
  return !appRunning();
}

/** A new session on the app (started with `args`). An app still closing from the previous
 *  test would take this launch's files and let it exit (the app is single-instance), so this
 *  waits, up to 30 s, until none runs, and then ends one that still does. A session that cannot
 *  be started (the driver never answers: seen once in CI, not reproduced in many runs) is tried
 *  once more, so one slow start of WebKitWebDriver does not fail the suite. */
export async function session(args = []) {
  assert.ok(APP && fs.existsSync(APP), `BRIEFDESK_APP points at the app (${APP})`);
  const open = async () => {
    if (!(await appClosed(30000))) {
      console.warn('e2e: an app from the previous session still runs after 30 s; ending it');
      try { execFileSync('pkill', ['-f', APP]); } catch { /* gone meanwhile */ }
      await appClosed(5000);
    }
    return remote({
      hostname: '127.0.0.1',
      port: 4444,
      logLevel: 'warn',
      connectionRetryTimeout: 60000,
      capabilities: { 'tauri:options': { application: APP, args } },
    });
  };
  let browser;
  try {
    browser = await open();
  } catch (e) {
    console.warn(`e2e: starting a session failed (${e.message}); trying once more`);
    try { execFileSync('pkill', ['-f', APP]); } catch { /* none runs */ }
    browser = await open();
  }
  await browser.setTimeout({ implicit: 0 });
  return browser;
}

/**
 * Runs the app binary as a file manager's "Open with" does (`briefdesk-desktop FILE...`, from the
 * folder `cwd`): the single-instance plugin hands the files to the app already running, which
 * imports them, and this launch exits. Resolves to {code, stderr}. A real OS drag cannot be
 * driven by WebDriver, and the page cannot name files: this is how the tests give the app files.
 */
export function launch(args, cwd = ROOT) {
  return new Promise((resolve, reject) => {
    const child = spawn(APP, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the second launch did not exit within 30 s: ${stderr}`));
    }, 30000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Hands `files` to the running app with a second launch, which must exit at once. */
export async function openWith(files) {
  const { code, stderr } = await launch(files);
  assert.equal(code, 0, `the second launch hands its files over and exits: ${stderr}`);
}

/** Waits until `fn` resolves truthy. */
export async function waitFor(browser, fn, message, timeout = 20000) {
  await browser.waitUntil(fn, { timeout, interval: 100, timeoutMsg: message });
}

export async function shot(browser, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await browser.saveScreenshot(path.join(SHOTS, `${name}.png`));
}

/** Calls a backend command as the UI does: its answer, or {refused: the error} (not {error}:
 *  WebdriverIO takes a result with an `error` key for a WebDriver error and throws). */
export function invoke(browser, cmd, args = {}) {
  return browser.executeAsync(
    (c, a, done) => window.__TAURI__.core.invoke(c, a).then(done, (e) => done({ refused: e })),
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

/**
 * Writes the brief as the app renders it to `file`: the `preview` command's PDF, the very bytes
 * Export PDF writes (both render the open project; the Save dialog that asks where is native
 * GTK, out of WebDriver's reach; src-tauri/tests/commands.rs checks the export itself).
 */
export async function briefPdf(browser, file) {
  const preview = await invoke(browser, 'preview');
  assert.ok(preview && preview.pdf, `the brief renders: ${JSON.stringify(preview && preview.refused)}`);
  fs.writeFileSync(file, Buffer.from(preview.pdf, 'base64'));
  return file;
}

/** The text of a PDF, whitespace collapsed. */
export function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
}
