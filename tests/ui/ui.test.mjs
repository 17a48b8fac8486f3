// UI tests: the web UI in headless Chromium against a fake backend (run: npm run test:ui).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appTests, openSample, calls, clearCalls, waitForCall, waitForCallAfter, shot,
} from './harness.mjs';

const withApp = appTests();

const text = (page, selector) => page.locator(selector).innerText();
const emit = (page, event, payload) =>
  page.evaluate(([e, p]) => window.__TAURI__.event.emit(e, p), [event, payload]);
/** Files dropped on the window: the backend records them and tells the page (fake-backend.js). */
const drop = (page, paths) => page.evaluate((p) => window.__fake.drop(p), paths);

test('start screen → new project → workspace', async () => {
  await withApp(async (page) => {
    assert.equal(await page.locator('.recent-project').count(), 2);
    await shot(page, '1-start');
    await page.click('#new-project');
    await page.waitForSelector('#workspace:not([hidden])');
    assert.ok(await page.locator('#start-screen').isHidden());
    assert.equal(await text(page, '#project-name'), 'Untitled brief');
    assert.match(await text(page, '#project-path'), /not saved to a file yet/);
    assert.ok(await page.locator('#library-empty').isVisible(), 'empty library tells the user what to do');
    assert.match(await text(page, '#library-empty'), /Drop/);
    assert.equal((await calls(page, 'project_new')).length, 1);
    await shot(page, '2-empty-library');
    // Save on a project never saved to a file asks where (Save as)
    await page.click('#save-button');
    const [saveAs] = await waitForCall(page, 'project_save_as');
    assert.deepEqual(saveAs.args, {}, 'the backend asks where, with its Save dialog');
    await page.waitForFunction(() => document.querySelector('#project-path').textContent.endsWith('new brief.briefdesk'));
    assert.equal(await text(page, '#project-name'), 'new brief');
    assert.match(await text(page, '#status'), /Saved to \/home\/analyst\/briefs\/new brief\.briefdesk/);
    assert.equal((await calls(page, 'project_save')).length, 0);
    // back home, then a recent project that cannot be opened reports its error
    await page.click('#home-button');
    await page.waitForSelector('#start-screen:not([hidden])');
    await page.click('.recent-project[data-path$="grain.briefdesk"]');
    await page.waitForSelector('#status[data-kind="error"]');
    assert.match(await text(page, '#status'), /file not found/);
    // recent projects open by their id, never by path
    await openSample(page);
    const open = await calls(page, 'project_open_recent');
    assert.deepEqual(open.map((c) => c.args), [{ id: '5a1c0de1f00d0002' }, { id: '5a1c0de1f00d0001' }]);
    assert.equal((await calls(page, 'project_open')).length, 0);
    assert.equal(await page.locator('#library-rows tr[data-article-id]').count(), 3);
  });
});

test('dropped files are imported with progress, failures and duplicates reported', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.evaluate(() => { window.__fake.importDelay = 250; });
    await emit(page, 'tauri://drag-enter', { paths: ['/x/a.html'], position: { x: 10, y: 10 } });
    await page.waitForSelector('#drop-overlay:not([hidden])');
    await emit(page, 'tauri://drag-over', { position: { x: 20, y: 20 } });
    const paths = ['/home/analyst/in/new-article.html', '/home/analyst/in/scan.pdf', '/home/analyst/in/harbor-talks.txt'];
    await drop(page, paths);
    await page.waitForSelector('#drop-overlay', { state: 'hidden' });
    const [importCall] = await waitForCall(page, 'import_dropped');
    assert.deepEqual(importCall.args, {}, 'the page asks for the drop, naming no file');
    await page.waitForSelector('#import-progress:not([hidden])');
    await page.waitForFunction(() => /Importing \d of 3/.test(document.querySelector('#import-progress-text').textContent));
    await page.waitForSelector('#import-report:not([hidden])');
    await page.waitForSelector('#import-progress', { state: 'hidden' });
    assert.match(await text(page, '#import-summary'), /1 article added/);
    const failed = page.locator('#import-report li.report-failed[data-file="scan.pdf"]');
    assert.match(await failed.innerText(), /scan\.pdf/);
    assert.match(await failed.locator('.report-reason').innerText(), /PDF files cannot be imported/);
    const dup = page.locator('#import-report li.report-duplicate[data-file="harbor-talks.txt"]');
    assert.match(await dup.innerText(), /already in the library/);
    assert.equal(await page.locator('#library-rows tr[data-article-id]').count(), 4);
    const same = page.locator('#library-rows tr[data-article-id="a10"] .same-story');
    assert.match(await same.getAttribute('title'), /Same story as “Lagos port talks stall/);
    await shot(page, '3-import-report');
    // drag leave hides the overlay
    await emit(page, 'tauri://drag-enter', { paths: ['/x/a.html'], position: { x: 10, y: 10 } });
    await page.waitForSelector('#drop-overlay:not([hidden])');
    await emit(page, 'tauri://drag-leave', null);
    await page.waitForSelector('#drop-overlay', { state: 'hidden' });
    // the drop event's own paths (anyone may emit one) are never imported
    await emit(page, 'tauri://drag-drop', { paths: ['/etc/passwd'], position: { x: 5, y: 5 } });
    await page.waitForTimeout(300);
    assert.equal((await calls(page, 'import_dropped')).length, 1);
    assert.equal(await page.locator('#library-rows tr[data-article-id]').count(), 4);
  });
});

test('a drop while a dialog is open is not imported', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#paste-button');
    await page.waitForSelector('#paste-dialog[open]');
    await emit(page, 'tauri://drag-enter', { paths: ['/in/a.md'], position: { x: 10, y: 10 } });
    await drop(page, ['/in/a.md']);
    await page.waitForTimeout(300);
    assert.ok(await page.locator('#drop-overlay').isHidden());
    assert.equal((await calls(page, 'import_dropped')).length, 0);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#paste-dialog', { state: 'hidden' });
  });
});

test('a drop on the start screen starts a new brief with the files', async () => {
  await withApp(async (page) => {
    await drop(page, ['/in/first.md']);
    await page.waitForSelector('#workspace:not([hidden]) #library-rows tr[data-article-id]');
    const cmds = (await calls(page)).map((c) => c.cmd);
    assert.ok(cmds.indexOf('project_new') < cmds.indexOf('import_dropped'));
  });
});

test('files opened with the app start a new brief; a second launch adds its files', async () => {
  await withApp(async (page) => {
    await page.waitForSelector('#workspace:not([hidden]) #library-rows tr[data-article-id]');
    assert.match(await text(page, '#library-rows'), /Imported first\.md/);
    const cmds = (await calls(page)).map((c) => c.cmd);
    assert.ok(cmds.indexOf('app_start') < cmds.indexOf('project_new'));
    assert.ok(cmds.indexOf('project_new') < cmds.indexOf('import_opened'));
    await page.evaluate(() => window.__fake.handOver(['/in/second.md', '/in/third.md']));
    await page.waitForFunction(() => document.querySelectorAll('#library-rows tr[data-article-id]').length === 3);
    assert.equal((await calls(page, 'project_new')).length, 1, 'into the project already open');
    assert.deepEqual((await calls(page, 'import_opened')).map((c) => c.args), [{}, {}]);
  }, { opened: ['/in/first.md'] });
});

test('untrusted article text is shown as text, never as markup', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await drop(page, ['/in/evil.html']);
    await page.waitForSelector('#library-rows tr[data-article-id="a10"]');
    const row = page.locator('#library-rows tr[data-article-id="a10"]');
    assert.equal(await row.locator('.article-title').innerText(), '<img src=x onerror=alert(1)>');
    assert.match(await row.innerText(), /<b>Outlet<\/b>/);
    await row.locator('.article-title').click();
    await page.waitForSelector('#library-reader .reader-title');
    assert.equal(await text(page, '#library-reader .reader-title'), '<img src=x onerror=alert(1)>');
    assert.equal(await page.locator('img').count(), 0, 'no <img> was created');
    assert.equal(await page.locator('b').count(), 0, 'no <b> was created');
    // pasted text too
    await page.click('#paste-button');
    await page.fill('#paste-text', '<img src=y onerror=alert(2)> pasted\nbody');
    await shot(page, '8-paste');
    await page.click('#paste-submit');
    const [paste] = await waitForCall(page, 'import_text');
    assert.match(paste.args.text, /^<img src=y/);
    await page.waitForSelector('#library-rows tr[data-article-id="a11"]');
    assert.equal(await page.locator('img').count(), 0);
    assert.ok(await page.locator('#paste-dialog').isHidden());
  });
});

test('unticking an article calls pickArticle and refreshes the preview', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#tab-brief');
    await page.waitForSelector('#preview canvas');
    await page.click('#tab-library');
    await clearCalls(page);
    await page.locator('#library-rows tr[data-article-id="a2"] .pick').uncheck();
    const [pick] = await waitForCall(page, 'article_pick');
    assert.deepEqual(pick.args, { id: 'a2', picked: false });
    await page.waitForSelector('#library-rows tr[data-article-id="a2"].unpicked');
    assert.equal(await text(page, '#library-count'), '2/3');
    await waitForCallAfter(page, 'preview', 'article_pick'); // refreshed while still on the Library tab
    await page.click('#tab-brief');
    await page.waitForSelector('#preview canvas');
    // nothing ticked: the preview says what to do
    await page.click('#tab-library');
    await page.locator('#library-rows tr[data-article-id="a1"] .pick').uncheck();
    await page.locator('#library-rows tr[data-article-id="a3"] .pick').uncheck();
    await waitForCall(page, 'article_pick', 3);
    await page.click('#tab-brief');
    await page.waitForSelector('#preview-empty');
    assert.match(await text(page, '#preview-empty'), /Tick at least one article/);
    assert.equal(await page.locator('#preview canvas').count(), 0);
    await page.click('#tab-review');
    await page.waitForSelector('#review-empty');
    assert.match(await text(page, '#review-empty'), /Tick articles in the Library/);
    assert.notEqual(await page.locator('#status').getAttribute('data-kind'), 'error');
  });
});

test('library: reorder, sort by date, date conflict flag, reader highlights', async () => {
  await withApp(async (page) => {
    await openSample(page);
    // One flat list (grouped, the rows move within their story: tests/ui/stories.test.mjs).
    await page.locator('#group-stories').uncheck();
    await waitForCall(page, 'stories_grouped');
    await page.waitForFunction(() => !document.querySelector('#library-rows tr.story-row'));
    const ids = () => page.$$eval('#library-rows tr[data-article-id]', (rows) => rows.map((r) => r.dataset.articleId));
    await page.click('#library-rows tr[data-article-id="a1"] .move-down');
    const [order] = await waitForCall(page, 'articles_order');
    assert.deepEqual(order.args.ids, ['a2', 'a1', 'a3']);
    assert.deepEqual(await ids(), ['a2', 'a1', 'a3']);
    await page.click('#sort-date-desc');
    await waitForCall(page, 'articles_order', 2);
    assert.deepEqual(await ids(), ['a3', 'a1', 'a2']);
    await page.click('#sort-date-asc');
    const orders = await waitForCall(page, 'articles_order', 3);
    assert.deepEqual(orders[2].args.ids, ['a2', 'a1', 'a3']);
    // drag the first row below the last one
    const handle = await page.locator('#library-rows tr[data-article-id="a2"] .drag-handle').boundingBox();
    const last = await page.locator('#library-rows tr[data-article-id="a3"]').boundingBox();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 5, last.y + last.height * 0.4, { steps: 5 });
    await page.mouse.move(handle.x + 5, last.y + last.height * 0.8, { steps: 5 });
    assert.equal(await page.locator('#library-rows tr.drop-after').count(), 1);
    await page.mouse.up();
    const dragged = await waitForCall(page, 'articles_order', 4);
    assert.deepEqual(dragged[3].args.ids, ['a1', 'a3', 'a2']);
    // Alt+Down on a focused row moves it too
    await page.focus('#library-rows tr[data-article-id="a1"]');
    await page.keyboard.press('Alt+ArrowDown');
    const moved = await waitForCall(page, 'articles_order', 5);
    assert.deepEqual(moved[4].args.ids, ['a3', 'a1', 'a2']);
    const flag = page.locator('#library-rows tr[data-article-id="a2"] .conflict-flag');
    assert.match(await flag.getAttribute('title'), /dateline says 11 October/);
    assert.equal(await page.locator('#library-rows tr[data-article-id="a1"] .conflict-flag').count(), 0);
    await page.click('#library-rows tr[data-article-id="a1"] .article-title');
    await page.waitForSelector('#library-reader mark.segment-statement');
    const marks = page.locator('#library-reader mark.segment-statement');
    assert.equal(await marks.count(), 3);
    assert.match(await marks.first().getAttribute('title'), /Amara Okafor/);
    assert.equal((await calls(page, 'article_detail')).at(-1).args.id, 'a1');
    await shot(page, '3-library-reader');
  });
});

test('review: drop, edit, promote, keep, reorder, show source', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#tab-review');
    await page.waitForSelector('#review-list li[data-key="a1:58-118"]');
    const K = { s1: 'a1:58-118', s2: 'a1:140-176', s3: 'a1:480-531', s4: 'a2:48-95', s5: 'a3:31-63' };
    const item = (name) => page.locator(`#review-list li[data-key="${K[name]}"]`);
    assert.match(await item('s2').locator('.source-label').innerText(), /2 outlets/);
    assert.match(await item('s1').locator('.source-label').innerText(), /Northbridge Wire.*\[1\]/);
    assert.ok(await item('s3').evaluate((el) => el.classList.contains('dropped')), 'auto=false, keep=false is dimmed');
    assert.match(await item('s3').innerText(), /not in brief/);

    // drop s1
    await item('s1').locator('.keep-toggle').click();
    let edits = await waitForCall(page, 'statement_edit');
    assert.deepEqual(edits[0].args, { key: K.s1, change: { keep: false } });
    await page.waitForSelector('#review-list li[data-key="a1:58-118"].dropped');

    // keep s3
    await item('s3').locator('.keep-toggle').click();
    edits = await waitForCall(page, 'statement_edit', 2);
    assert.deepEqual(edits[1].args, { key: K.s3, change: { keep: true } });
    await page.waitForSelector('#review-list li[data-key="a1:480-531"].kept');

    // edit s2's wording
    await item('s2').locator('.edit-button').click();
    await item('s2').locator('textarea.statement-edit').fill('We came with a serious offer.');
    await shot(page, '4-review-editing');
    await item('s2').locator('.save-edit').click();
    edits = await waitForCall(page, 'statement_edit', 3);
    assert.deepEqual(edits[2].args, { key: K.s2, change: { text: 'We came with a serious offer.' } });
    await page.waitForSelector('#review-list li[data-key="a1:140-176"] .edited-flag');
    assert.equal(await item('s2').locator('.statement-text').evaluate((el) => el.firstChild.textContent), 'We came with a serious offer.');

    // a draft survives other changes, and statement elements keep their identity across re-renders
    await item('s5').locator('.edit-button').click();
    await item('s5').locator('textarea.statement-edit').fill('draft wording');
    const handle = await item('s4').elementHandle();
    await item('s1').locator('.keep-toggle').click(); // keep s1 again
    edits = await waitForCall(page, 'statement_edit', 4);
    assert.deepEqual(edits[3].args, { key: K.s1, change: { keep: true } });
    await page.waitForSelector('#review-list li[data-key="a1:58-118"].kept');
    assert.equal(await item('s5').locator('textarea.statement-edit').inputValue(), 'draft wording');
    assert.ok(await handle.evaluate((el) => el.isConnected), 'same element after a re-render');
    await item('s5').locator('.cancel-edit').click();
    await page.waitForSelector('#review-list li[data-key="a3:31-63"] .statement-text');
    await item('s1').locator('.keep-toggle').click(); // and drop it once more
    edits = await waitForCall(page, 'statement_edit', 5);

    // promote s4
    await item('s4').locator('.promote-button').click();
    edits = await waitForCall(page, 'statement_edit', 6);
    assert.deepEqual(edits[5].args, { key: K.s4, change: { promoted: true } });
    await page.waitForSelector('#review-list li[data-key="a2:48-95"] .promote-button[aria-pressed="true"]');
    assert.ok(await item('s4').evaluate((el) => !el.classList.contains('dropped')), 'promoted is not dimmed');

    // revert s2
    await item('s2').locator('.revert-button').click();
    edits = await waitForCall(page, 'statement_edit', 7);
    assert.deepEqual(edits[6].args, { key: K.s2, change: { text: null } });
    await page.waitForFunction(() => !document.querySelector('#review-list li[data-key="a1:140-176"] .edited-flag'));

    // move s2 above s1
    await item('s2').locator('.statement-up').click();
    const [order] = await waitForCall(page, 'statements_order');
    assert.deepEqual(order.args.keys, [K.s2, K.s1, K.s3, K.s4, K.s5]);
    const keys = await page.$$eval('#review-list li[data-key]', (els) => els.map((e) => e.dataset.key));
    assert.deepEqual(keys, [K.s2, K.s1, K.s3, K.s4, K.s5]);

    // the preview follows the review edits
    await waitForCallAfter(page, 'preview', 'statements_order');

    // show source of s3: the reader opens article 1 and flashes the passage
    await item('s3').locator('.show-source').click();
    await page.waitForSelector('#review-reader mark.segment-statement[data-statement="a1:480-531"].flash');
    assert.equal((await calls(page, 'article_detail')).at(-1).args.id, 'a1');
    await shot(page, '4-review');
  });
});

test('settings edits reach setSettings (debounced) and refresh the preview', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#tab-brief');
    await page.waitForSelector('#preview canvas');
    await clearCalls(page);
    await page.focus('#setting-title');
    await page.keyboard.press('End');
    await page.keyboard.type('  update', { delay: 20 });
    await page.waitForTimeout(150);
    assert.equal((await calls(page, 'settings_set')).length, 0, 'no save while typing');
    const [set] = await waitForCall(page, 'settings_set');
    await page.waitForTimeout(500);
    assert.equal((await calls(page, 'settings_set')).length, 1, 'one save for a burst of typing');
    assert.equal(set.args.settings.title, 'Port talks  update');
    assert.equal(set.args.settings.date, null, 'empty date = today (null)');
    await waitForCallAfter(page, 'preview', 'settings_set');

    await page.selectOption('#setting-template', 'one-pager');
    await page.selectOption('#setting-page-size', 'letter');
    await page.fill('#setting-date', '2026-11-30');
    await page.fill('#setting-marking', 'TLP:AMBER');
    await page.fill('#setting-subtitle', 'Where the talks stand');
    await page.fill('#setting-author', 'Unit B');
    await waitForCall(page, 'settings_set', 2);
    await page.waitForTimeout(500);
    const last = (await calls(page, 'settings_set')).at(-1).args.settings;
    assert.deepEqual(last, {
      title: 'Port talks  update', subtitle: 'Where the talks stand', author: 'Unit B', date: '2026-11-30',
      marking: 'TLP:AMBER', template: 'one-pager', page_size: 'letter',
    });
    assert.equal(await page.locator('#marking-options option').count(), 5);
    assert.match(await text(page, '#template-description'), /never more than a page/);
  });
});

test('preview renders one canvas per PDF page and shows warnings', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#tab-brief');
    // Pages appear one by one as they are drawn; the two-page PDF ends with two canvases.
    await page.waitForFunction(() => document.querySelector('#preview-info').textContent.startsWith('2 pages'));
    assert.equal(await page.locator('#preview canvas').count(), 2);
    await shot(page, '5-brief');
    for (const pages of [3, 1]) {
      await page.evaluate((n) => {
        window.__fake.pages = n;
        window.__fake.warnings = n === 1 ? ['The brief was cut to fit one page.'] : [];
      }, pages);
      await page.fill('#setting-title', `Pages ${pages}`);
      await page.waitForFunction((n) => document.querySelectorAll('#preview canvas').length === n
        && document.querySelector('#preview-info').textContent.startsWith(`${n} page`), pages);
    }
    assert.ok(await page.locator('#preview-warnings').isVisible());
    assert.match(await text(page, '#preview-warnings'), /cut to fit/);
    const box = await page.locator('#preview canvas').first().boundingBox();
    const pane = await page.locator('#preview').boundingBox();
    assert.ok(box.width > 300 && box.width <= pane.width, `page scaled to the pane (${box.width} of ${pane.width})`);
    // drawn, not blank: some dark pixels
    const dark = await page.locator('#preview canvas').first().evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height / 3).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 100) n++;
      return n;
    });
    assert.ok(dark > 50, 'the page has text on it');
  });
});

test('rapid changes coalesce: only the latest preview is shown', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#tab-brief');
    await page.waitForSelector('#preview canvas');
    await page.evaluate(() => { window.__fake.previewDelay = 400; });
    await clearCalls(page);
    await page.fill('#setting-title', 'A');
    await page.waitForTimeout(800); // first refresh is running
    await page.evaluate(() => { window.__fake.pages = 4; });
    await page.fill('#setting-title', 'AB');
    await page.fill('#setting-title', 'ABC');
    await page.waitForFunction(() => document.querySelectorAll('#preview canvas').length === 4, null, { timeout: 8000 });
    const previews = (await calls(page, 'preview')).length;
    assert.ok(previews <= 3, `refreshes coalesce (${previews} calls)`);
  });
});

test('export offers PDF, Word, Markdown and text, shows where it was saved; cancelling says nothing', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#export-button');
    await page.waitForSelector('#export-dialog[open]');
    const formats = await page.$$eval('#export-form input[name="export-format"]', (els) => els.map((e) => e.value));
    assert.deepEqual(formats, ['pdf', 'docx', 'markdown', 'text']);
    await page.click('#export-submit');
    const [exp] = await waitForCall(page, 'export_brief');
    assert.deepEqual(exp.args, { format: 'pdf' }, 'the backend asks where, with its Save dialog');
    await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Saved to /home/analyst/Documents/brief.pdf'));
    await page.click('#export-button');
    await page.check('#export-form input[value="docx"]');
    await page.click('#export-submit');
    const [, word] = await waitForCall(page, 'export_brief', 2);
    assert.deepEqual(word.args, { format: 'docx' });
    await page.evaluate(() => { window.__fake.exportPath = null; document.querySelector('#status').textContent = ''; });
    await page.click('#export-button');
    assert.equal(await page.$eval('#export-form input[name="export-format"]:checked', (e) => e.value), 'docx',
      'the dialog opens on the format chosen last');
    await page.keyboard.press('Enter');
    await waitForCall(page, 'export_brief', 3);
    await page.waitForTimeout(200);
    assert.equal(await text(page, '#status'), '');
    assert.equal(await page.$('#export-dialog[open]'), null);
  });
});

test('print: options reach print(); no printer shows the message; Escape closes', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#print-button');
    await page.waitForSelector('#print-dialog[open] #print-printer option[value="Floor2-Color"]', { state: 'attached' });
    assert.equal(await page.locator('#print-printer').inputValue(), 'Office-Laser', 'default printer preselected');
    await shot(page, '6-print');
    await page.selectOption('#print-printer', 'Floor2-Color');
    await page.fill('#print-copies', '2');
    await page.selectOption('#print-duplex', 'long-edge');
    await page.fill('#print-pages', '1-2');
    await page.click('#print-submit');
    const [p] = await waitForCall(page, 'print');
    assert.deepEqual(p.args.options, { printer: 'Floor2-Color', copies: 2, duplex: 'long-edge', pages: '1-2' });
    await page.waitForSelector('#print-dialog', { state: 'hidden' });
    assert.match(await text(page, '#status'), /Sent to Floor2-Color \(job Floor2-Color-17\)/);

    // bad page range is caught before printing
    await page.click('#print-button');
    await page.waitForSelector('#print-dialog[open] #print-printer option[value="Floor2-Color"]', { state: 'attached' });
    await page.fill('#print-pages', 'two');
    await page.click('#print-submit');
    await page.waitForSelector('#print-error:not([hidden])');
    assert.equal((await calls(page, 'print')).length, 1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#print-dialog', { state: 'hidden' });

    // no printer
    await page.evaluate(() => {
      window.__fake.printers = { printers: [], message: 'No printer is set up. Add one in Settings → Printers.' };
    });
    await page.keyboard.press('Control+p');
    await page.waitForSelector('#print-dialog[open] #print-message:not([hidden])');
    assert.match(await text(page, '#print-message'), /No printer is set up/);
    assert.ok(await page.locator('#print-submit').isDisabled());
    await shot(page, '7-no-printer');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#print-dialog', { state: 'hidden' });
  });
});

test('keyboard shortcuts: Ctrl+O, Ctrl+S, Ctrl+E, Ctrl+P, Delete', async () => {
  await withApp(async (page) => {
    await page.keyboard.press('Control+o');
    const [open] = await waitForCall(page, 'project_open');
    assert.deepEqual(open.args, {}, 'Ctrl+O on the start screen opens a project (dialog)');
    await openSample(page);
    await page.keyboard.press('Control+o');
    await waitForCall(page, 'import_dialog');
    await page.keyboard.press('Control+s');
    await waitForCall(page, 'project_save');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Saved'));
    await page.keyboard.press('Control+e');
    await page.waitForSelector('#export-dialog[open]');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.addEventListener('keydown', (e) => {
      window.__prevented = { key: e.key, ctrl: e.ctrlKey, prevented: e.defaultPrevented };
    }));
    await page.keyboard.press('Control+p');
    await page.waitForSelector('#print-dialog[open]');
    await waitForCall(page, 'printers');
    assert.deepEqual(await page.evaluate(() => window.__prevented), { key: 'p', ctrl: true, prevented: true },
      'the browser print is prevented');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#print-dialog', { state: 'hidden' });

    // Delete removes the selected article, but not while typing in a field
    await page.click('#library-rows tr[data-article-id="a2"] .article-title');
    await page.keyboard.press('Delete');
    const [rm] = await waitForCall(page, 'articles_remove');
    assert.deepEqual(rm.args.ids, ['a2']);
    await page.waitForFunction(() => !document.querySelector('#library-rows tr[data-article-id="a2"]'));
    await page.click('#library-rows tr[data-article-id="a3"] .article-title');
    await page.click('#paste-button');
    await page.fill('#paste-text', 'abc');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#paste-dialog', { state: 'hidden' });
    await page.click('#tab-brief');
    await page.focus('#setting-title');
    await page.keyboard.press('Delete');
    await page.waitForTimeout(100);
    assert.equal((await calls(page, 'articles_remove')).length, 1);
    assert.equal(await page.locator('#library-rows tr[data-article-id]').count(), 2);
  });
});
