// UI tests of stories in the library and the review (issue 13): the ticked articles grouped by
// story; move an article, merge, rename, reorder, grouping off; review by story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appTests, openSample, clearCalls, waitForCall, waitForCallAfter, shot,
} from './harness.mjs';

const withApp = appTests();

/** The library as shown: each story's label with the ids of its rows, in order. */
const shown = (page) => page.$$eval('#library-rows tr', (rows) => {
  const out = [];
  for (const r of rows) {
    if (r.classList.contains('story-row')) out.push({ label: r.querySelector('.story-label').textContent, ids: [] });
    else out.at(-1).ids.push(r.dataset.articleId);
  }
  return out;
});

test('the library groups the ticked articles by story', async () => {
  await withApp(async (page) => {
    await openSample(page);
    const groups = await shown(page);
    assert.deepEqual(groups.map((g) => g.ids), [['a1', 'a2'], ['a3']]);
    assert.match(await page.locator('tr[data-story-id="story-a1"] .story-why').innerText(), /grouped: port/);
    assert.ok(await page.locator('#group-stories').isChecked());
    // An unticked article leaves its story for "Not in the brief".
    await page.locator('#library-rows tr[data-article-id="a2"] .pick').uncheck();
    await waitForCall(page, 'article_pick');
    await page.waitForSelector('#library-rows tr.unpicked-head');
    assert.deepEqual((await shown(page)).map((g) => g.ids), [['a1'], ['a3'], ['a2']]);
    await shot(page, '6-library-stories');
    // Grouped, rows move within their story: a1 down swaps with a2, not with a3.
    await page.locator('#library-rows tr[data-article-id="a2"] .pick').check();
    await waitForCall(page, 'article_pick', 2);
    await page.waitForFunction(() => !document.querySelector('#library-rows tr.unpicked-head'));
    await page.click('#library-rows tr[data-article-id="a1"] .move-down');
    const [order] = await waitForCall(page, 'articles_order');
    assert.deepEqual(order.args.ids, ['a2', 'a1', 'a3']);
  });
});

test('move an article to another story or a new one, in two clicks', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await clearCalls(page);
    await page.selectOption('#library-rows tr[data-article-id="a3"] .move-to-story', 'story-a1');
    const [move] = await waitForCall(page, 'story_move');
    assert.deepEqual(move.args, { article: 'a3', story: 'story-a1' });
    await page.waitForFunction(() => document.querySelectorAll('#library-rows tr.story-row').length === 1);
    assert.deepEqual((await shown(page)).map((g) => g.ids), [['a1', 'a2', 'a3']]);
    // The preview follows at once.
    await waitForCallAfter(page, 'preview', 'story_move');
    await page.selectOption('#library-rows tr[data-article-id="a2"] .move-to-story', '');
    const moves = await waitForCall(page, 'story_move', 2);
    assert.deepEqual(moves[1].args, { article: 'a2', story: null });
    await page.waitForFunction(() => document.querySelectorAll('#library-rows tr.story-row').length === 2);
    assert.match(await page.locator('#status').innerText(), /new story/);
  });
});

test('merge, rename and reorder stories; switch grouping off', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await clearCalls(page);
    // Rename the first story: Enter saves.
    await page.click('tr[data-story-id="story-a1"] .rename-story');
    await page.fill('tr[data-story-id="story-a1"] .story-rename', 'Ports and grain');
    await page.keyboard.press('Enter');
    const [rename] = await waitForCall(page, 'story_rename');
    assert.deepEqual(rename.args, { story: 'story-a1', label: 'Ports and grain' });
    await page.waitForFunction(() => document.querySelector('tr[data-story-id="story-a1"] .story-label')?.textContent === 'Ports and grain');
    // Escape cancels a rename.
    await page.click('tr[data-story-id="story-a1"] .rename-story');
    await page.fill('tr[data-story-id="story-a1"] .story-rename', 'Not this');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('tr[data-story-id="story-a1"] .story-label').innerText(), 'Ports and grain');
    // Reorder: the second story up.
    await page.click('tr[data-story-id="story-a3"] .story-up');
    const [order] = await waitForCall(page, 'stories_order');
    assert.deepEqual(order.args, { ids: ['story-a3', 'story-a1'] });
    await page.waitForFunction(() => document.querySelector('#library-rows tr.story-row')?.dataset.storyId === 'story-a3');
    // Merge the first into the other.
    await page.selectOption('tr[data-story-id="story-a3"] .merge-story', 'story-a1');
    const [merge] = await waitForCall(page, 'stories_merge');
    assert.deepEqual(merge.args, { story: 'story-a3', into: 'story-a1' });
    await page.waitForFunction(() => document.querySelectorAll('#library-rows tr.story-row').length === 1);
    assert.match(await page.locator('#status').innerText(), /Merged/);
    // Grouping off: no story rows, one flat list.
    await page.locator('#group-stories').uncheck();
    const [grouped] = await waitForCall(page, 'stories_grouped');
    assert.deepEqual(grouped.args, { grouped: false });
    await page.waitForFunction(() => !document.querySelector('#library-rows tr.story-row'));
    await waitForCallAfter(page, 'preview', 'stories_grouped');
    await page.locator('#group-stories').check();
    await waitForCall(page, 'stories_grouped', 2);
    await page.waitForSelector('#library-rows tr.story-row');
  });
});

test('the review lists statements by story, then by speaker', async () => {
  await withApp(async (page) => {
    await openSample(page);
    await page.click('#tab-review');
    await page.waitForSelector('#review-list h2.review-story');
    const heads = await page.$$eval('#review-list h2.review-story', (els) => els.map((e) => e.dataset.storyId));
    assert.deepEqual(heads, ['story-a1', 'story-a3']);
    // Müller speaks in both stories: one speaker group under each.
    const muller = await page.$$eval('#review-list section.speaker-group[data-speaker="José Müller"]', (els) => els.map((e) => e.dataset.story));
    assert.deepEqual(muller, ['story-a1', 'story-a3']);
    await shot(page, '7-review-stories');
  });
});
