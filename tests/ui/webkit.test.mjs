// Smoke test in the real webview engine (WebKitGTK, via WebKitWebDriver + MiniBrowser under Xvfb).
// Skipped when those are not installed. Checks the app boots, pdf.js renders and nothing logs errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startServer, SHOTS } from './harness.mjs';

const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/xvfb-run';
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser']
  .find((p) => existsSync(p));
// .ci/setup installs them (webkit2gtk-driver, xvfb); missing tools fail the test, never skip it.
const missing = !existsSync(DRIVER) || !existsSync(XVFB) || !MINIBROWSER
  ? 'WebKitWebDriver, MiniBrowser or xvfb-run not installed: run bash .ci/setup' : '';

let server;
let url;
let driver;
let base;
let session;

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

async function wd(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const run = (script, ...args) => wd('POST', `/session/${session}/execute/sync`, { script, args });

async function until(script, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await run(script)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${script}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  if (missing) return;
  ({ server, url } = await startServer());
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  driver = spawn(XVFB, ['-a', '-s', '-screen 0 1280x900x24', DRIVER, `--port=${port}`], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      await wd('GET', '/status');
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const created = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--geometry=1280x800'] },
      },
    },
  });
  session = created.sessionId;
});

after(async () => {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  if (driver && driver.exitCode === null) {
    const exited = new Promise((resolve) => driver.once('exit', resolve));
    try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  }
  server?.close();
});

test('WebKitGTK: boots, opens a project, renders the preview with pdf.js, no errors', { timeout: 90000 }, async () => {
  assert.equal(missing, '', missing);
  await wd('POST', `/session/${session}/url`, { url: `${url}mocked.html` });
  await until("return !document.querySelector('#start-screen').hidden");
  await run("document.querySelector('.recent-project[data-path$=\"port-talks.briefdesk\"]').click()");
  await until("return document.querySelectorAll('#library-rows tr[data-article-id]').length === 3");
  await run("document.querySelector('#library-rows tr[data-article-id=\"a1\"] .article-title').click()");
  await until("return document.querySelectorAll('#library-reader mark.segment-statement').length === 3");
  await run("document.querySelector('#tab-review').click()");
  await until("return document.querySelectorAll('#review-list li[data-key]').length === 5");
  await run("document.querySelector('#tab-brief').click()");
  await until("return document.querySelectorAll('#preview canvas').length === 2", 30000);
  const dark = await run(`const c = document.querySelector('#preview canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height / 3).data;
    let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 100) n++; return n;`);
  assert.ok(dark > 50, 'the first page has text on it');
  const fits = await run(`const c = document.querySelector('#preview canvas').getBoundingClientRect();
    const p = document.querySelector('#preview').getBoundingClientRect();
    return c.width > 300 && c.right <= p.right + 1;`);
  assert.ok(fits, 'the page fits the preview pane');
  await run("document.querySelector('#print-button').click()");
  await until("return document.querySelector('#print-dialog').open && document.querySelectorAll('#print-printer option').length === 2");
  await run("document.querySelector('#print-dialog [data-close]').click()");
  await until("return !document.querySelector('#print-dialog').open");
  const png = await wd('GET', `/session/${session}/screenshot`);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, 'webkit-brief.png'), Buffer.from(png, 'base64'));
  const errors = await run('return window.__errors');
  assert.deepEqual(errors, []);
});
