// End-to-end (issue 13): articles of two stories handed to the real app ("Open with") are grouped
// into two stories in the library; the analyst renames one and moves an article out and back;
// the brief has a section per story; a reopened project keeps the corrections.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  ROOT, OUT, session, waitFor, shot, invoke, watchConsole, errors, pdfText, openWith, briefPdf,
} from './driver.mjs';

const BATCH = path.join(ROOT, 'tests/fixtures/stories/batch');
const FILES = ['valletta-ceasefire.txt', 'estravia-kordana-truce.md', 'ghana-rate-rise.txt', 'cedi-after-rate-decision.md']
  .map((f) => path.join(BATCH, f));
const RENAMED = 'Sarn valley ceasefire';

let browser;

after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
});

/** The story rows of the library: [{id, label}]. */
async function storyRows() {
  return browser.execute(() => [...document.querySelectorAll('#library-rows tr.story-row[data-story-id]')]
    .map((r) => ({ id: r.dataset.storyId, label: r.querySelector('.story-label')?.textContent ?? null })));
}

test('stories: grouped on import, corrected by the analyst, printed as sections, kept on reopening', async () => {
  browser = await session();
  await waitFor(browser, async () => (await browser.$('#start-screen')).isDisplayed(), 'the start screen shows');
  await watchConsole(browser);
  await (await browser.$('#new-project')).click();
  await waitFor(browser, async () => (await browser.$('#workspace')).isDisplayed(), 'the workspace opens');
  await openWith(FILES);
  await waitFor(browser, async () => (await storyRows()).length === 2, 'two stories in the library');
  await waitFor(browser, async () => (await browser.$('#import-summary')).isExisting(), 'the import is reported');
  await shot(browser, 'stories-1-library');
  const [first, second] = await storyRows();
  const ceasefire = [first, second].find((s) => /Estravia|Kordana|Valletta/.test(s.label));
  const ghana = [first, second].find((s) => s !== ceasefire);
  assert.ok(ceasefire && /Ghana|Cedi/.test(ghana.label), JSON.stringify([first, second]));

  // Rename the ceasefire story.
  await (await browser.$(`tr[data-story-id="${ceasefire.id}"] .rename-story`)).click();
  const input = await browser.$(`tr[data-story-id="${ceasefire.id}"] .story-rename`);
  await input.waitForDisplayed({ timeout: 5000 });
  // The name goes in as typing would leave it (WebKitWebDriver drops repeated keys, and its
  // "clear" leaves the field, which saves it); Enter saves it.
  await browser.execute((name) => {
    const field = document.querySelector('.story-rename');
    field.value = name;
    field.dispatchEvent(new Event('input'));
  }, RENAMED);
  await browser.keys(['Enter']);
  await waitFor(browser, async () => (await storyRows()).some((s) => s.label === RENAMED), 'the story is renamed');

  // Move the cedi article to a new story, then back into the Ghana story.
  const project = (await invoke(browser, 'app_start')).project;
  const cedi = project.articles.find((a) => a.file_name === 'cedi-after-rate-decision.md').id;
  const picker = await browser.$(`#library-rows tr[data-article-id="${cedi}"] .move-to-story`);
  await picker.selectByAttribute('value', '');
  await waitFor(browser, async () => (await storyRows()).length === 3, 'the article is a story of its own');
  await (await browser.$(`#library-rows tr[data-article-id="${cedi}"] .move-to-story`)).selectByAttribute('value', ghana.id);
  await waitFor(browser, async () => (await storyRows()).length === 2, 'the article is back with its story');
  await shot(browser, 'stories-2-corrected');

  // The brief (as Export PDF writes it): an overview, then a section per story.
  const text = pdfText(await briefPdf(browser, path.join(OUT, 'stories-brief.pdf')));
  assert.match(text, /Stories in this brief/);
  // Each story's section opens with its own bottom line; the renamed one is listed and headed.
  assert.equal(text.split('Bottom line.').length - 1, 2, text.slice(0, 800));
  assert.ok(text.split(RENAMED).length - 1 >= 2, text.slice(0, 800));
  assert.deepEqual(await errors(browser), [], 'no console errors');

  // Reopen in a new session: the name and the grouping are still there.
  const projectPath = (await invoke(browser, 'app_start')).project.path;
  await browser.deleteSession();
  browser = await session();
  await waitFor(browser, async () => (await browser.$('#start-screen')).isDisplayed(), 'the start screen shows again');
  const recent = await browser.$(`.recent-project[data-path="${projectPath}"]`);
  await recent.waitForDisplayed({ timeout: 5000 });
  await recent.click();
  await waitFor(browser, async () => (await storyRows()).length === 2, 'two stories again');
  assert.ok((await storyRows()).some((s) => s.label === RENAMED));
});
