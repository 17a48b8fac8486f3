// Review tab: statements by story, then by speaker; keep/drop, edit wording, promote, reorder,
// show source.
import { backend } from './backend.js';
import { Code } from './codes.js';
import { $, $$, h, replace, adopt, attempt, status, formatDate, plural } from './dom.js';
import { emit } from './state.js';
import { openReader, readerEmpty } from './reader.js';

let groups = []; // speaker groups of every story, each with its story's id: {story, speaker, …}
let storyList = []; // [{id, label}] in the brief's order
let loaded = false;
let editing = null; // key of the statement being edited
let editorBox = null; // its editor, kept across re-renders so the draft survives
let loadToken = 0;

const READER_HINT = 'Use “Show source” on a statement to read the article it comes from.';

export function initReview() {
  readerEmpty($('#review-reader'), READER_HINT);
}

/** Forgets the shown review (another project was opened). */
export function resetReview() {
  loaded = false;
  loadToken++;
  groups = [];
  storyList = [];
  stopEditing();
  replace($('#review-list'));
  readerEmpty($('#review-reader'), READER_HINT);
}

/** Marks the review out of date (articles or picks changed); reloads when `now`. */
export function invalidateReview(now = false) {
  loaded = false;
  if (now) loadReview();
}

export function reviewLoaded() {
  return loaded;
}

/** Fetches the statements of the ticked articles and shows them. */
export async function loadReview() {
  const token = ++loadToken;
  const result = await attempt(async () => {
    try {
      return await backend.review();
    } catch (e) {
      if (e && e.code === Code.NO_ARTICLES) return []; // nothing ticked: the empty state says so
      throw e;
    }
  });
  if (token !== loadToken || result === undefined) return;
  loaded = true;
  setStories(result);
  render();
}

/** Takes the backend's [ReviewStory] ({id, label, groups}). */
function setStories(result) {
  const list = Array.isArray(result) ? result : [];
  storyList = list.map((s) => ({ id: s.id, label: s.label }));
  groups = list.flatMap((s) => (s.groups || []).map((g) => ({ ...g, story: s.id })));
}

/** Takes the groups returned by a statement command and re-renders. */
function take(result) {
  if (result === undefined) return false;
  if (Array.isArray(result)) setStories(result);
  loaded = true;
  render();
  emit('content', 'review');
  return true;
}

function render() {
  const list = $('#review-list');
  const scroll = list.scrollTop;
  const focusKey = document.activeElement?.closest?.('[data-key]')?.dataset.key;
  const focusClass = document.activeElement?.classList?.[document.activeElement.classList.length - 1];
  if (!groups.length) {
    replace(list, h('div', { class: 'empty-state', id: 'review-empty' },
      h('p', { class: 'empty-title' }, 'No statements to review'),
      h('p', {}, 'Tick articles in the Library; the quotes and reported statements found in them will be listed here by story and speaker.')));
    return;
  }
  // rebuild from the new groups, keeping the elements of statements and speakers already shown
  const oldItems = new Map($$('li[data-key]', list).map((li) => [li.dataset.key, li]));
  const groupKey = (story, speaker) => `${story}\u0000${speaker}`;
  const oldGroups = new Map($$('section.speaker-group', list)
    .map((g) => [groupKey(g.dataset.story, g.dataset.speaker), g]));
  const section = (g, gi) => {
    const items = g.statements.map((s, si) =>
      adopt(statement(s, gi, si, g.statements.length), oldItems.get(s.key)));
    const fresh = h('section', { class: 'speaker-group', dataset: { speaker: g.speaker, story: g.story } },
      h('header', { class: 'speaker-head' },
        h('h3', { class: 'speaker-name' }, g.speaker || 'Unknown speaker'),
        g.role ? h('span', { class: 'speaker-role' }, g.role) : null,
        h('span', { class: 'speaker-count' }, plural(g.statements.length, 'statement'))),
      h('ol', { class: 'statement-list' }, items));
    return adopt(fresh, oldGroups.get(groupKey(g.story, g.speaker)));
  };
  // Several stories: each under its label, in the brief's order.
  const many = storyList.length > 1;
  const sections = storyList.flatMap((story) => {
    const own = groups.map((g, gi) => [g, gi]).filter(([g]) => g.story === story.id);
    if (!own.length) return [];
    const head = many ? [h('h2', { class: 'review-story', dataset: { storyId: story.id } }, story.label)] : [];
    return head.concat(own.map(([g, gi]) => section(g, gi)));
  });
  replace(list, sections);
  list.scrollTop = scroll;
  if (focusKey) {
    const item = list.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
    const target = item && ((focusClass && item.querySelector(`.${CSS.escape(focusClass)}:not(:disabled)`)) || item.querySelector('button'));
    target?.focus();
  }
}

function sourceLabel(s) {
  const refs = (s.sources && s.sources.length ? s.sources : [s.source]).filter((n) => n !== undefined && n !== null);
  const where = [s.outlet, formatDate(s.date)].filter(Boolean).join(', ');
  const numbers = refs.length ? ` [${refs.join(', ')}]` : '';
  if (s.sources && s.sources.length > 1) return `${s.sources.length} outlets${where ? ` (first: ${where})` : ''}${numbers}`;
  return `${where || 'Source'}${numbers}`;
}

function statement(s, gi, si, count) {
  const quote = s.kind === 'direct_quote';
  // a promoted statement moves to the bottom line (the backend then reports keep=false)
  const inBrief = s.keep || s.promoted;
  const classes = ['statement', inBrief ? 'kept' : 'dropped', s.promoted ? 'promoted' : '', s.edited ? 'edited' : '']
    .filter(Boolean).join(' ');
  const outLabel = inBrief ? null : (s.auto ? 'dropped' : 'not in brief');
  const item = h('li', { class: classes, dataset: { key: s.key, articleId: String(s.article_id) } },
    h('div', { class: 'statement-meta' },
      h('span', { class: `badge ${quote ? 'badge-quote' : 'badge-reported'}` }, quote ? 'Quote' : 'Reported'),
      h('span', { class: 'source-label' }, sourceLabel(s)),
      s.edited ? h('span', { class: 'badge flag-edited edited-flag' }, 'edited') : null,
      s.promoted ? h('span', { class: 'badge flag-promoted' }, 'bottom line') : null,
      outLabel ? h('span', { class: 'badge flag-out' }, outLabel) : null),
    editing === s.key ? editorFor(s) : h('p', { class: `statement-text${quote ? ' quote' : ''}` }, s.text),
    s.edited && editing !== s.key ? h('p', { class: 'statement-original' }, `Original: ${s.original}`) : null,
    h('div', { class: 'statement-actions' },
      h('button', {
        type: 'button',
        class: 'button small keep-toggle',
        'aria-pressed': s.keep ? 'true' : 'false',
        title: s.keep ? 'In the key statements: click to leave it out' : 'Not in the key statements: click to keep it',
        disabled: s.promoted,
        onclick: () => edit(s.key, { keep: !s.keep }),
      }, s.keep ? '✓ In brief' : 'Keep'),
      h('button', { type: 'button', class: 'button small edit-button', disabled: editing === s.key, onclick: () => startEdit(s.key) }, 'Edit wording'),
      s.edited ? h('button', { type: 'button', class: 'button small revert-button', onclick: () => edit(s.key, { text: null }) }, 'Revert') : null,
      h('button', {
        type: 'button',
        class: 'button small promote-button',
        'aria-pressed': s.promoted ? 'true' : 'false',
        title: s.promoted ? 'Remove from the bottom line' : 'Put this statement in the bottom line',
        onclick: () => edit(s.key, { promoted: !s.promoted }),
      }, s.promoted ? '★ Bottom line' : '☆ Bottom line'),
      h('button', { type: 'button', class: 'button small ghost show-source', onclick: () => showSource(s) }, 'Show source'),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'button small ghost icon statement-up', title: 'Move up', 'aria-label': 'Move up', disabled: si === 0, onclick: () => move(gi, si, -1) }, '↑'),
      h('button', { type: 'button', class: 'button small ghost icon statement-down', title: 'Move down', 'aria-label': 'Move down', disabled: si === count - 1, onclick: () => move(gi, si, 1) }, '↓')));
  return item;
}

function editorFor(s) {
  if (!editorBox || editorBox.dataset.editorKey !== s.key) editorBox = editor(s);
  return editorBox;
}

function stopEditing() {
  editing = null;
  editorBox = null;
}

function editor(s) {
  const area = h('textarea', { class: 'statement-edit', rows: 3, 'aria-label': 'Statement wording' });
  area.value = s.text;
  const save = () => {
    const text = area.value.trim();
    stopEditing();
    if (!text || text === s.text) {
      render();
      return;
    }
    edit(s.key, { text });
  };
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      stopEditing();
      render();
    }
  });
  setTimeout(() => area.focus(), 0);
  return h('div', { class: 'statement-editor', dataset: { editorKey: s.key } }, area,
    h('div', { class: 'editor-actions' },
      h('button', { type: 'button', class: 'button small primary save-edit', onclick: save }, 'Save wording'),
      h('button', { type: 'button', class: 'button small cancel-edit', onclick: () => { stopEditing(); render(); } }, 'Cancel'),
      h('span', { class: 'muted small' }, 'Ctrl+Enter saves, Escape cancels.')));
}

function startEdit(key) {
  editing = key;
  editorBox = null;
  render();
}

async function edit(key, change) {
  const ok = take(await attempt(() => backend.editStatement(key, change)));
  if (ok && 'text' in change) status(change.text === null ? 'Original wording restored.' : 'Wording saved.', 'ok');
}

async function move(gi, si, delta) {
  const g = groups[gi];
  const j = si + delta;
  if (!g || j < 0 || j >= g.statements.length) return;
  const key = g.statements[si].key;
  const reordered = groups.map((x) => ({ ...x, statements: x.statements.slice() }));
  const list = reordered[gi].statements;
  [list[si], list[j]] = [list[j], list[si]];
  const keys = reordered.flatMap((x) => x.statements.map((s) => s.key));
  if (take(await attempt(() => backend.orderStatements(keys)))) {
    const btn = $(`#review-list [data-key="${CSS.escape(key)}"] .${delta < 0 ? 'statement-up' : 'statement-down'}`);
    if (btn && !btn.disabled) btn.focus();
  }
}

async function showSource(s) {
  const pane = $('#review-reader');
  await openReader(pane, s.article_id, s.key);
}
