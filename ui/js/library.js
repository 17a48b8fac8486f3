// Library tab: the article table (tick, reorder, sort, remove; grouped by story), the import report
// and the reader pane.
import { backend } from './backend.js';
import { $, $$, h, replace, adopt, attempt, status, formatDate, plural } from './dom.js';
import { state, on, takeProject, emit } from './state.js';
import { openReader, readerEmpty } from './reader.js';
import { grouped, stories, storyRow, unpickedRow, storyPicker, displayOrder, renderGroupingSwitch } from './stories.js';

const READER_HINT = 'Click an article in the table to read it here; statements are highlighted.';
/** Columns of the library table (a story's header row spans them all). */
const COLUMNS = 10;

export function initLibrary() {
  on('project', renderLibrary);
  $('#sort-date-asc').addEventListener('click', () => sortByDate(1));
  $('#sort-date-desc').addEventListener('click', () => sortByDate(-1));
  $('#library-rows').addEventListener('keydown', onRowKey);
  readerEmpty($('#library-reader'), READER_HINT);
}

function articles() {
  return state.project ? state.project.articles : [];
}

export function renderLibrary() {
  const list = articles();
  const body = $('#library-rows');
  const hadFocus = body.contains(document.activeElement)
    ? document.activeElement.closest('tr')?.dataset.articleId : null;
  const old = new Map($$('tr[data-article-id]', body).map((tr) => [tr.dataset.articleId, tr]));
  replace(body, rows(list, old));
  renderGroupingSwitch();
  $('#library-empty').hidden = list.length > 0;
  $('#library-table').classList.toggle('is-empty', list.length === 0);
  const picked = list.filter((a) => a.picked).length;
  $('#library-count').textContent = list.length ? `${picked}/${list.length}` : '';
  $('#sort-date-asc').disabled = list.length < 2;
  $('#sort-date-desc').disabled = list.length < 2;
  if (state.selected === null) {
    const pane = $('#library-reader');
    if (pane.dataset.articleId) {
      delete pane.dataset.articleId;
      readerEmpty(pane, READER_HINT);
    }
  }
  if (hadFocus) body.querySelector(`tr[data-article-id="${CSS.escape(hadFocus)}"]`)?.focus();
}

/** The table's rows in display order: each story's header and articles, then the unticked. */
function rows(list, old) {
  const byId = new Map(list.map((a) => [a.id, a]));
  const order = displayOrder(list);
  const articleRow = (id) => adopt(row(byId.get(id), order.indexOf(id), order.length), old.get(String(id)));
  if (!grouped()) return order.map(articleRow);
  const out = [];
  const all = stories();
  all.forEach((story, i) => {
    const ids = story.articles.filter((id) => byId.get(id)?.picked);
    if (!ids.length) return;
    out.push(storyRow(story, i, all.length, COLUMNS), ...ids.map(articleRow));
  });
  const unpicked = list.filter((a) => !a.picked).map((a) => a.id);
  if (unpicked.length) out.push(unpickedRow(unpicked.length, COLUMNS), ...unpicked.map(articleRow));
  return out;
}

function row(a, index, count) {
  const id = a.id;
  const conflicts = a.date_conflicts || [];
  const title = a.title || a.file_name || 'Untitled article';
  const tr = h('tr', {
    dataset: { articleId: String(id) },
    class: [a.picked ? 'picked' : 'unpicked', state.selected === id ? 'selected' : ''].join(' ').trim(),
    tabindex: '0',
    'aria-selected': state.selected === id ? 'true' : 'false',
    onclick: (e) => {
      if (e.target.closest('button, input, select')) return;
      select(id);
    },
  },
  h('td', { class: 'col-drag' },
    h('span', { class: 'drag-handle', title: 'Drag to reorder (or Alt+↑/↓)', 'aria-hidden': 'true', onpointerdown: (e) => startDrag(e, id) }, '⠿')),
  h('td', { class: 'col-pick' },
    h('input', {
      type: 'checkbox',
      class: 'pick',
      checked: Boolean(a.picked),
      title: a.picked ? 'In the brief (untick to leave it out)' : 'Not in the brief (tick to include)',
      'aria-label': `Include “${title}” in the brief`,
      onchange: (e) => pick(id, e.target.checked),
    })),
  h('td', { class: 'col-title' },
    h('span', { class: 'article-title' }, title),
    conflicts.length ? h('span', {
      class: 'conflict-flag',
      title: `Date conflict: ${conflicts.join('; ')}`,
      'aria-label': `Date conflict: ${conflicts.join('; ')}`,
      role: 'img',
    }, '!') : null,
    sameStory(a),
    a.file_name ? h('span', { class: 'article-file' }, a.file_name) : null,
    storyPicker(a)),
  h('td', {}, a.outlet || ''),
  h('td', { class: 'col-date' }, a.published ? formatDate(a.published) : h('span', { class: 'muted' }, 'no date')),
  h('td', { class: 'col-byline' }, a.byline || ''),
  h('td', { class: 'col-num' }, (a.words ?? 0).toLocaleString('en')),
  h('td', { class: 'col-lang' }, a.language || ''),
  h('td', { class: 'col-num' }, String(a.statements ?? 0)),
  h('td', { class: 'col-actions' },
    h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'button ghost icon move-up', title: 'Move up', 'aria-label': 'Move up', disabled: index === 0, onclick: () => move(id, -1) }, '↑'),
      h('button', { type: 'button', class: 'button ghost icon move-down', title: 'Move down', 'aria-label': 'Move down', disabled: index === count - 1, onclick: () => move(id, 1) }, '↓'),
      h('button', { type: 'button', class: 'button ghost icon remove-article', title: 'Remove from the project (Delete)', 'aria-label': 'Remove', onclick: () => remove([id]) }, '✕'))));
  return tr;
}

/** A tag when the backend found an earlier article with the same story (`duplicate_of`). */
function sameStory(a) {
  if (!a.duplicate_of) return null;
  const other = articles().find((x) => x.id === a.duplicate_of);
  const label = other ? `Same story as “${other.title || other.file_name}”` : 'Same story as another article';
  return h('span', { class: 'tag tag-dup same-story', title: label, 'aria-label': label }, 'same story');
}

/** Drag to reorder with pointer events (HTML5 drag and drop is taken by the window's file drop). */
function startDrag(e, id) {
  if (e.button !== 0) return;
  e.preventDefault();
  const handle = e.currentTarget;
  const body = $('#library-rows');
  const source = handle.closest('tr');
  let target = null;
  let after = false;
  handle.setPointerCapture(e.pointerId);
  source.classList.add('dragging');
  const clear = () => body.querySelectorAll('.drop-before, .drop-after')
    .forEach((r) => r.classList.remove('drop-before', 'drop-after'));
  const move = (ev) => {
    clear();
    target = null;
    for (const tr of body.querySelectorAll('tr')) {
      const box = tr.getBoundingClientRect();
      if (ev.clientY >= box.top && ev.clientY < box.bottom) {
        target = tr;
        after = ev.clientY > box.top + box.height / 2;
        break;
      }
    }
    if (target && target !== source) target.classList.add(after ? 'drop-after' : 'drop-before');
  };
  const end = () => {
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', end);
    handle.removeEventListener('pointercancel', cancel);
    source.classList.remove('dragging');
    clear();
    if (!target || target === source) return;
    const ids = articles().map((a) => a.id).filter((x) => x !== id);
    const targetId = articles().find((a) => String(a.id) === target.dataset.articleId)?.id;
    const at = ids.indexOf(targetId);
    if (at < 0) return;
    ids.splice(after ? at + 1 : at, 0, id);
    order(ids);
  };
  const cancel = () => {
    target = null;
    end();
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', end);
  handle.addEventListener('pointercancel', cancel);
}

/** Selects an article and shows it in the reader. */
export function select(id) {
  state.selected = id;
  for (const tr of document.querySelectorAll('#library-rows tr')) {
    const on = tr.dataset.articleId === String(id);
    tr.classList.toggle('selected', on);
    tr.setAttribute('aria-selected', on ? 'true' : 'false');
  }
  return openReader($('#library-reader'), id);
}

async function pick(id, picked) {
  const result = await attempt(() => backend.pickArticle(id, picked));
  if (result === undefined) {
    renderLibrary(); // put the box back as it was
    return;
  }
  await refreshProject(result);
  emit('content');
}

/** Applies a mutation's result; reloads the project when the result does not carry it. */
export async function refreshProject(result) {
  if (takeProject(result)) return;
  const start = await attempt(() => backend.start());
  if (start) takeProject(start.project);
}

async function order(ids) {
  const result = await attempt(() => backend.orderArticles(ids));
  if (result === undefined) return;
  await refreshProject(result);
  emit('content');
}

function move(id, delta, keepRowFocus = false) {
  const ids = displayOrder(articles());
  const i = ids.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ids.length) return;
  [ids[i], ids[j]] = [ids[j], ids[i]];
  return order(ids).then(() => {
    const btn = document.querySelector(`#library-rows tr[data-article-id="${CSS.escape(String(id))}"] .${delta < 0 ? 'move-up' : 'move-down'}`);
    if (btn && !btn.disabled && !keepRowFocus) btn.focus();
    else document.querySelector(`#library-rows tr[data-article-id="${CSS.escape(String(id))}"]`)?.focus();
  });
}

function sortByDate(direction) {
  const list = articles().map((a, i) => ({ a, i }));
  list.sort((x, y) => {
    const dx = x.a.published;
    const dy = y.a.published;
    if (!dx && !dy) return x.i - y.i;
    if (!dx) return 1; // undated articles last either way
    if (!dy) return -1;
    return dx === dy ? x.i - y.i : (dx < dy ? -direction : direction);
  });
  return order(list.map((x) => x.a.id)).then(() =>
    status(direction > 0 ? 'Sorted by date, oldest first.' : 'Sorted by date, newest first.', 'ok'));
}

export async function remove(ids) {
  if (!ids.length) return;
  const names = articles().filter((a) => ids.includes(a.id)).map((a) => a.title || a.file_name);
  const list = articles();
  const index = list.findIndex((a) => a.id === ids[0]);
  const result = await attempt(() => backend.removeArticles(ids));
  if (result === undefined) return;
  if (ids.includes(state.selected)) state.selected = null;
  await refreshProject(result);
  emit('content');
  status(names.length === 1 ? `Removed “${names[0]}”.` : `Removed ${plural(names.length, 'article')}.`, 'ok');
  const rows = document.querySelectorAll('#library-rows tr');
  if (rows.length) rows[Math.min(Math.max(index, 0), rows.length - 1)].focus();
}

/** Delete removes the selected article (called from the global key handler). */
export function removeSelected() {
  if (state.selected === null) return false;
  remove([state.selected]);
  return true;
}

function onRowKey(e) {
  const tr = e.target.closest('tr');
  if (!tr || e.target !== tr) return;
  const id = articles().find((a) => String(a.id) === tr.dataset.articleId)?.id;
  if (id === undefined) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    select(id);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (e.altKey) {
      move(id, e.key === 'ArrowUp' ? -1 : 1, true);
      return;
    }
    let next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
    while (next && !next.dataset.articleId) {
      next = e.key === 'ArrowDown' ? next.nextElementSibling : next.previousElementSibling;
    }
    if (next) {
      next.focus();
      const nextId = articles().find((a) => String(a.id) === next.dataset.articleId)?.id;
      if (nextId !== undefined) select(nextId);
    }
  }
}

/** Shows the result of an import above the table. */
export function showImportReport(report) {
  const box = $('#import-report');
  const added = (report.added || []).length;
  const failed = report.failed || [];
  const dups = report.duplicates || [];
  const parts = [`${plural(added, 'article')} added`];
  if (dups.length) parts.push(`${dups.length} already in the library`);
  if (failed.length) parts.push(`${failed.length} could not be imported`);
  replace(box,
    h('div', { class: 'report-head' },
      h('span', { class: 'report-summary', id: 'import-summary' }, `Import: ${parts.join(', ')}.`),
      h('button', { type: 'button', class: 'button small ghost', id: 'import-report-close', onclick: () => { box.hidden = true; } }, 'Dismiss')),
    failed.length || dups.length ? h('ul', { class: 'report-list' },
      failed.map((f) => h('li', { class: 'report-failed', dataset: { file: f.file } },
        h('span', { class: 'tag tag-failed' }, 'Failed'),
        h('span', { class: 'report-file' }, f.file),
        h('span', { class: 'report-reason' }, f.reason))),
      dups.map((d) => h('li', { class: 'report-duplicate', dataset: { file: d.file } },
        h('span', { class: 'tag tag-dup' }, 'Duplicate'),
        h('span', { class: 'report-file' }, d.file),
        h('span', { class: 'report-dup' }, `already in the library${d.title ? ` as “${d.title}”` : ''}`)))) : null);
  box.classList.toggle('has-problems', failed.length > 0);
  box.hidden = false;
}
