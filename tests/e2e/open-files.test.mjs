// End-to-end: files opened from outside the app, as a file manager's "Open with" does
// (`briefdesk-desktop FILE...`). The app starts with the files in a new project; a second launch
// hands its files to the window already open and exits. Run by `bash .ci/e2e` (the built app) and
// by `bash .ci/e2e installed` (the app the .deb installed, for .ci/package-test), which start
// Xvfb, a D-Bus session bus (the single-instance hand-off goes over it) and tauri-driver.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { session, launch } from './driver.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const OUT = process.env.BRIEFDESK_E2E_OUT || fs.mkdtempSync(path.join(os.tmpdir(), 'briefdesk-e2e-'));
const SHOTS = path.join(OUT, 'screens');

let browser;

const start = (args) => session(args);

async function waitFor(fn, message, timeout = 30000) {
  await browser.waitUntil(fn, { timeout, interval: 100, timeoutMsg: message });
}

/** The titles of the articles in the library, in order. */
async function library() {
  const rows = await browser.$$('#library-rows tr[data-article-id] .article-title');
  const titles = [];
  for (const r of rows) titles.push(await r.getText());
  return titles;
}

/** The project as the backend has it. */
async function project() {
  const start = await browser.executeAsync((done) => window.__TAURI__.core.invoke('app_start').then(done));
  return start.project;
}

/** Names of the top-level X windows (xwininfo); empty when the tool is missing. */
function xWindowNames() {
  try {
    const tree = execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' });
    return [...tree.matchAll(/^\s+0x[0-9a-f]+ "([^"]*)"/gm)].map((m) => m[1]);
  } catch {
    return null;
  }
}

after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
});

test('the app opens the files on its command line in a new project, and a second launch adds its own', async () => {
  browser = await start([path.join(FIXTURES, 'energy-summit.html')]);

  // "Open with": the window comes up with the article in the library of a new project.
  await waitFor(async () => (await browser.$('#workspace')).isDisplayed(), 'the workspace opens by itself');
  await waitFor(async () => (await library()).length === 1, 'the article is in the library');
  assert.match((await library())[0], /gas reserve pact/);
  assert.match(await browser.getTitle(), /BriefDesk/);
  const windows = xWindowNames();
  if (windows) assert.ok(windows.includes('BriefDesk'), `a window titled BriefDesk: ${windows.join(', ')}`);
  fs.mkdirSync(SHOTS, { recursive: true });
  await browser.saveScreenshot(path.join(SHOTS, 'open-with.png'));
  const first = await project();
  assert.equal(first.articles.length, 1);

  // A second launch, from another folder with relative paths, hands its files over and exits.
  const second = await launch(['harbor-talks.txt', 'grain-corridor.md'], FIXTURES);
  assert.equal(second.code, 0, `the second launch exits at once: ${second.stderr}`);
  await waitFor(async () => (await library()).length === 3, 'the handed-over articles join the library');
  const now = await project();
  assert.equal(now.path, first.path, 'into the project already open');
  assert.deepEqual(now.articles.map((a) => a.file_name).sort(),
    ['energy-summit.html', 'grain-corridor.md', 'harbor-talks.txt']);
  await browser.saveScreenshot(path.join(SHOTS, 'second-launch.png'));
});
