// Stories in the library: the ticked articles grouped by story, with the analyst's corrections
// (move an article to another or a new story, merge, rename, reorder, grouping on or off).
import { backend } from './backend.js';
import { $, h, attempt, status, plural } from './dom.js';
import { state, takeProject, emit } from './state.js';

/** Whether the library groups the ticked articles by story. */
export function grouped() {
  return Boolean(state.project && state.project.grouped);
}

/** The stories of the ticked articles: [{id, label, why, articles: [id], renamed}]. */
export function stories() {
  return (state.project && state.project.stories) || [];
}

export function initStories() {
  $('#group-stories').addEventListener('change', (e) => {
    const on = e.target.checked;
    apply(() => backend.setGrouped(on), on ? 'Articles grouped by story.' : 'All ticked articles are one story.');
  });
}

/** Shows the grouping switch as the project has it. */
export function renderGroupingSwitch() {
  const box = $('#group-stories');
  box.checked = grouped();
  box.disabled = !state.project || !state.project.articles.some((a) => a.picked);
}

/** Applies a story command's result (a ProjectView) and tells the brief to refresh. */
async function apply(action, message) {
  const result = await attempt(action);
  if (result === undefined) {
    renderGroupingSwitch();
    return false;
  }
  takeProject(result);
  emit('content');
  if (message) status(message, 'ok');
  return true;
}

/** The header row of story `index` of `count`, spanning `columns` table columns. */
export function storyRow(story, index, count, columns) {
  const others = stories().filter((s) => s.id !== story.id);
  const label = renaming && renaming.id === story.id
    ? renameInput(story)
    : h('span', { class: 'story-label' }, story.label || 'Untitled story');
  const cell = h('td', { colspan: String(columns) },
    h('div', { class: 'story-head' },
      h('span', { class: 'story-number' }, `${index + 1}.`),
      label,
      h('span', { class: 'story-count muted' }, plural(story.articles.length, 'article')),
      story.why ? h('span', { class: 'story-why muted' }, story.why) : null,
      h('span', { class: 'toolbar-spacer' }),
      h('button', { type: 'button', class: 'button small ghost rename-story', title: 'Rename this story', onclick: () => startRename(cell, story) }, 'Rename'),
      h('button', { type: 'button', class: 'button small ghost icon story-up', title: 'Move the story up', 'aria-label': 'Move the story up', disabled: index === 0, onclick: () => moveStory(story.id, -1) }, '↑'),
      h('button', { type: 'button', class: 'button small ghost icon story-down', title: 'Move the story down', 'aria-label': 'Move the story down', disabled: index === count - 1, onclick: () => moveStory(story.id, 1) }, '↓'),
      others.length ? h('select', {
        class: 'merge-story',
        title: 'Merge this story into another',
        'aria-label': `Merge “${story.label}” into another story`,
        onchange: (e) => merge(story, e.target.value),
      },
      h('option', { value: '' }, 'Merge into…'),
      others.map((o) => h('option', { value: o.id }, o.label))) : null));
  return h('tr', { class: 'story-row', dataset: { storyId: story.id } }, cell);
}

/** The header row above the unticked articles. */
export function unpickedRow(count, columns) {
  return h('tr', { class: 'story-row unpicked-head' },
    h('td', { colspan: String(columns) },
      h('div', { class: 'story-head' },
        h('span', { class: 'story-label muted' }, 'Not in the brief'),
        h('span', { class: 'story-count muted' }, plural(count, 'article')))));
}

/** The "Move to story" menu of a ticked article's row (null when grouping is off). */
export function storyPicker(article) {
  if (!grouped() || !article.picked) return null;
  const home = stories().find((s) => s.articles.includes(article.id));
  return h('label', { class: 'story-pick muted' }, 'Story ', h('select', {
    class: 'move-to-story',
    title: 'Move this article to another story',
    'aria-label': `Story of “${article.title || article.file_name}”`,
    onchange: (e) => moveArticle(article.id, e.target.value),
  },
  stories().map((s) => h('option', { value: s.id, selected: home && s.id === home.id }, s.label)),
  h('option', { value: '' }, 'New story')));
}

/** Ids of `articles` in the order the library shows them: by story, then the unticked. */
export function displayOrder(articles) {
  if (!grouped()) return articles.map((a) => a.id);
  const picked = new Set(articles.filter((a) => a.picked).map((a) => a.id));
  const ids = stories().flatMap((s) => s.articles).filter((id) => picked.has(id));
  const shown = new Set(ids);
  return ids.concat(articles.map((a) => a.id).filter((id) => !shown.has(id)));
}

function moveArticle(article, story) {
  const target = stories().find((s) => s.id === story);
  return apply(() => backend.moveToStory(article, story || null),
    target ? `Moved to “${target.label}”.` : 'Moved to a new story.');
}

function merge(story, into) {
  const target = stories().find((s) => s.id === into);
  if (!target) return;
  return apply(() => backend.mergeStories(story.id, into), `Merged “${story.label}” into “${target.label}”.`);
}

async function moveStory(id, delta) {
  const ids = stories().map((s) => s.id);
  const i = ids.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ids.length) return;
  [ids[i], ids[j]] = [ids[j], ids[i]];
  if (await apply(() => backend.orderStories(ids))) {
    const row = document.querySelector(`tr[data-story-id="${CSS.escape(id)}"]`);
    row?.querySelector(delta < 0 ? '.story-up' : '.story-down')?.focus();
  }
}

/** The story being renamed and the name typed so far: kept across re-renders of the library
 *  (an import finishing, a preview refresh), so the typing is never lost. */
let renaming = null;

function startRename(cell, story) {
  renaming = { id: story.id, draft: story.label, select: true };
  cell.querySelector('.story-label').replaceWith(renameInput(story));
}

/** The name field of the story being renamed: Enter saves, Escape cancels, leaving it saves a
 *  new name (only Enter clears one, back to the headline). */
function renameInput(story) {
  const input = h('input', { type: 'text', class: 'story-rename', value: renaming.draft, 'aria-label': 'Story name' });
  const finish = (save) => {
    if (!renaming || renaming.id !== story.id) return;
    const name = input.value.trim();
    renaming = null;
    if (save && name !== story.label) {
      apply(() => backend.renameStory(story.id, name), name ? `Story renamed “${name}”.` : 'Story name reset.');
    } else {
      input.replaceWith(h('span', { class: 'story-label' }, story.label || 'Untitled story'));
    }
  };
  input.addEventListener('input', () => {
    if (renaming) renaming.draft = input.value;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
    }
  });
  input.addEventListener('blur', () => {
    // A re-render takes the field out of the page: that is not the analyst leaving it.
    if (input.isConnected) finish(input.value.trim() !== '');
  });
  queueMicrotask(() => {
    if (!input.isConnected) return;
    input.focus();
    if (renaming && renaming.select) {
      input.select();
      renaming.select = false;
    }
  });
  return input;
}
