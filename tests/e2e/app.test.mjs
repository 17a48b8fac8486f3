// End-to-end: the real app binary driven through tauri-driver + WebKitWebDriver under Xvfb.
// Run by `bash .ci/e2e`, which builds the app, starts Xvfb and tauri-driver and sets
// BRIEFDESK_APP, BRIEFDESK_DATA_DIR and BRIEFDESK_E2E_OUT. Printing needs the CUPS-PDF printer
// that `.ci/cups` sets up (BRIEFDESK_PRINTER, default BriefDesk-PDF).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as driver from './driver.mjs';

const { ROOT, OUT } = driver;
const PRINTER = process.env.BRIEFDESK_PRINTER || 'BriefDesk-PDF';
const PRINT_DIR = process.env.BRIEFDESK_PRINT_DIR || path.join(os.homedir(), 'PDF');
const ARTICLES = [
  path.join(ROOT, '../shared/samples/rubio-pakistan.txt'),
  path.join(ROOT, 'tests/fixtures/harbor-talks.txt'),
  path.join(ROOT, 'tests/fixtures/grain-corridor.md'),
  path.join(ROOT, 'tests/fixtures/energy-summit.html'),
].filter((p) => fs.existsSync(p));
const TITLE = 'Ports, Grain and Gas: Where the Talks Stand';
const MARKING = 'TLP:AMBER';
const EDITED = 'We will keep the corridor open for every ship that follows the rules';

let browser;
const consoleErrors = [];

const start = () => driver.session();
const $ = (sel) => browser.$(sel);
const $$ = (sel) => browser.$$(sel);
const waitFor = (fn, message, timeout) => driver.waitFor(browser, fn, message, timeout);
const shot = (name) => driver.shot(browser, name);
const invoke = (cmd, args) => driver.invoke(browser, cmd, args);
const watchConsole = () => driver.watchConsole(browser);

function pdftotext(file) {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

function pdfinfo(file) {
  const out = execFileSync('pdfinfo', [file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':'))
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

async function rows() {
  return (await $$('#library-rows tr[data-article-id]')).length;
}

async function takeErrors() {
  consoleErrors.push(...(await driver.errors(browser)));
}

before(async () => {
  browser = await start();
});

after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
});

test('an analyst opens articles with BriefDesk, reviews, sets up, exports, prints and reopens the brief', async (t) => {
  await waitFor(async () => (await $('#start-screen')).isDisplayed(), 'the start screen shows');
  await watchConsole();
  await shot('1-start');
  await (await $('#new-project')).click();
  await waitFor(async () => (await $('#workspace')).isDisplayed(), 'the workspace opens');

  // Import: the file manager's "Open with" hands the articles to the open window (a second
  // launch of the app; a real OS drag cannot be driven by WebDriver).
  await driver.openWith(ARTICLES);
  await waitFor(async () => (await rows()) === ARTICLES.length, `${ARTICLES.length} articles in the library`);
  await shot('2-library');

  // The page cannot name a file: the commands that took paths are gone, the import commands
  // take none (only what the user handed over), and the window may not send events (so no
  // made-up drop either).
  const gone = await invoke('import_paths', { paths: ['/etc/passwd'] });
  assert.match(String(gone && gone.refused), /import_paths not found/, JSON.stringify(gone));
  assert.equal(await invoke('import_dropped', { paths: ['/etc/passwd'] }), null);
  assert.equal(await invoke('import_opened', { paths: ['/etc/passwd'] }), null);
  const emitted = await browser.executeAsync((done) => window.__TAURI__.event
    .emit('tauri://drag-drop', { paths: ['/etc/passwd'], position: { x: 400, y: 300 } })
    .then(() => done('sent'), (e) => done(`refused: ${e}`)));
  assert.match(emitted, /^refused/);
  assert.equal(await rows(), ARTICLES.length);

  // Untick the last article: its source leaves the brief.
  const lastRow = (await $$('#library-rows tr[data-article-id]'))[ARTICLES.length - 1];
  const unticked = await lastRow.getAttribute('data-article-id');
  await (await lastRow.$('input.pick')).click();
  await waitFor(
    async () => (await invoke('app_start')).project.articles.find((a) => a.id === unticked).picked === false,
    'the untick reaches the project',
  );

  // Review: drop one statement, edit another.
  await (await $('#tab-review')).click();
  await waitFor(async () => (await $$('#review-list li.statement[data-key]')).length >= 3, 'statements listed');
  const statements = await $$('#review-list li.statement[data-key]');
  const kept = [];
  for (const s of statements) {
    if ((await (await s.$('.keep-toggle')).getAttribute('aria-pressed')) === 'true') kept.push(s);
  }
  assert.ok(kept.length >= 2, 'at least two statements are in the brief');
  const dropped = kept[0];
  const droppedKey = await dropped.getAttribute('data-key');
  const droppedText = await (await dropped.$('.statement-text')).getText();
  await (await dropped.$('.keep-toggle')).click();
  const edited = kept[1];
  const editedKey = await edited.getAttribute('data-key');
  await (await edited.$('.edit-button')).click();
  const area = await $(`li.statement[data-key="${editedKey}"] textarea.statement-edit`);
  await area.waitForDisplayed({ timeout: 5000 });
  await area.clearValue();
  await area.setValue(EDITED);
  await (await $(`li.statement[data-key="${editedKey}"] .save-edit`)).click();
  await waitFor(
    async () => (await $(`li.statement[data-key="${editedKey}"] .edited-flag`)).isExisting(),
    'the edited statement is marked edited',
  );
  await shot('3-review');

  // Brief settings.
  await (await $('#tab-brief')).click();
  const title = await $('#setting-title');
  await title.waitForDisplayed();
  await title.clearValue();
  await title.setValue(TITLE);
  const marking = await $('#setting-marking');
  await marking.clearValue();
  await marking.setValue(MARKING);
  await waitFor(async () => {
    const s = (await invoke('app_start')).project.settings;
    return s.title === TITLE && s.marking === MARKING;
  }, 'the settings reach the project');
  await waitFor(async () => (await $$('#preview canvas')).length >= 1, 'the preview shows pages');
  // The refresh after the last change (debounced) has run when "Updating…" is gone again.
  await browser.pause(800);
  await waitFor(async () => !(await (await $('#preview-busy')).isDisplayed()), 'the preview is up to date');
  await shot('4-brief');

  // The brief Export PDF writes (its native Save dialog is out of WebDriver's reach).
  const pdf = await driver.briefPdf(browser, path.join(OUT, 'exported-brief.pdf'));
  const text = pdftotext(pdf);
  assert.match(text, /Ports, Grain and Gas/);
  assert.match(text, /TLP:AMBER/);
  assert.match(text.replace(/\s+/g, ' '), /We will keep the corridor open for every ship that follows the rules.{0,3}\(edited\)/);
  const droppedWords = droppedText.replace(/[“”"]/g, '').split(/\s+/).slice(0, 8).join(' ');
  assert.ok(!text.replace(/\s+/g, ' ').includes(droppedWords), `the dropped statement is gone: ${droppedWords}`);
  execFileSync('qpdf', ['--check', pdf]);

  // Print to the CUPS-PDF printer through the Print dialog.
  await t.test('prints to the system printer', async () => {
    const before = fs.existsSync(PRINT_DIR) ? new Set(fs.readdirSync(PRINT_DIR)) : new Set();
    await (await $('#print-button')).click();
    const select = await $('#print-printer');
    await select.waitForDisplayed({ timeout: 5000 });
    await waitFor(async () => (await select.$$('option')).length >= 1, 'printers listed');
    await select.selectByAttribute('value', PRINTER);
    await shot('5-print');
    // Every status message shown from now on (a later one may replace it quickly).
    await browser.execute(() => {
      window.__statuses = [];
      const el = document.querySelector('#status');
      new MutationObserver(() => window.__statuses.push(el.textContent)).observe(el, {
        childList: true, characterData: true, subtree: true,
      });
    });
    await (await $('#print-submit')).click();
    await waitFor(
      async () => (await browser.execute(() => window.__statuses)).some((s) => /Sent to BriefDesk-PDF/.test(s)),
      'the app says the job was sent',
    );
    let printed;
    await waitFor(() => {
      const now = fs.existsSync(PRINT_DIR) ? fs.readdirSync(PRINT_DIR) : [];
      printed = now.find((f) => !before.has(f) && f.endsWith('.pdf'));
      return Boolean(printed);
    }, `a printed PDF appears in ${PRINT_DIR}`, 30000);
    // CUPS-PDF rewrites the job through Ghostscript (text extraction is lost on the way): check
    // the job title it keeps and the page count, once the file is complete.
    const exportedPages = pdfinfo(pdf).Pages;
    await waitFor(() => {
      try {
        const info = pdfinfo(path.join(PRINT_DIR, printed));
        return info.Title.replace(/^\(|\)$/g, '') === TITLE && info.Pages === exportedPages;
      } catch {
        return false;
      }
    }, 'the printed brief has the title and all its pages', 15000);
  });

  // Reopen: a new app session finds the project among the recent ones, with the edits.
  const projectPath = (await invoke('app_start')).project.path;
  await takeErrors();
  await browser.deleteSession();
  browser = await start();
  await waitFor(async () => (await $('#start-screen')).isDisplayed(), 'the start screen shows again');
  await watchConsole();
  const recent = await $(`.recent-project[data-path="${projectPath}"]`);
  await recent.waitForDisplayed({ timeout: 5000 });
  await recent.click();
  await waitFor(async () => (await rows()) === ARTICLES.length, 'the library comes back');
  await (await $('#tab-review')).click();
  const again = await $(`li.statement[data-key="${editedKey}"]`);
  await again.waitForDisplayed({ timeout: 10000 });
  assert.equal(await (await again.$('.statement-text')).getText().then((s) => s.replace(/[“”"]/g, '').trim()), EDITED);
  assert.ok(await (await again.$('.edited-flag')).isExisting());
  const droppedAgain = await $(`li.statement[data-key="${droppedKey}"] .keep-toggle`);
  assert.equal(await droppedAgain.getAttribute('aria-pressed'), 'false');
  await (await $('#tab-library')).click();
  const row = await $(`#library-rows tr[data-article-id="${unticked}"] input.pick`);
  assert.equal(await row.isSelected(), false);
  await takeErrors();
  assert.deepEqual(consoleErrors, [], 'no console errors');
});
