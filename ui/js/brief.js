// Brief tab settings form: title, subtitle, author, date, marking, template, page size (saved debounced).
import { backend } from './backend.js';
import { $, h, replace, debounce, attempt } from './dom.js';
import { state, emit } from './state.js';

const SAVE_DELAY_MS = 400;
const FIELDS = {
  title: '#setting-title',
  subtitle: '#setting-subtitle',
  author: '#setting-author',
  date: '#setting-date',
  marking: '#setting-marking',
  template: '#setting-template',
  page_size: '#setting-page-size',
};
const PAGE_SIZE_LABELS = { a4: 'A4 (210 × 297 mm)', letter: 'US Letter (8.5 × 11 in)' };

const save = debounce(saveNow, SAVE_DELAY_MS);

export function initBrief() {
  const form = $('#settings-form');
  form.addEventListener('input', () => save());
  form.addEventListener('change', () => save());
  form.addEventListener('submit', (e) => e.preventDefault());
  $('#setting-template').addEventListener('change', describeTemplate);
}

/** Fills the option lists from Start (templates, markings, page sizes). */
export function fillOptions(start) {
  replace($('#marking-options'), (start.markings || []).map((m) => h('option', { value: m })));
  replace($('#setting-template'), (start.templates || []).map((t) =>
    h('option', { value: t.name, title: t.description || '' }, t.name)));
  replace($('#setting-page-size'), (start.page_sizes || []).map((p) =>
    h('option', { value: p }, PAGE_SIZE_LABELS[p] || p)));
}

/** Shows the project's settings in the form. */
export function showSettings(settings) {
  const s = settings || {};
  for (const [name, selector] of Object.entries(FIELDS)) {
    const el = $(selector);
    const value = s[name] ?? '';
    if (el.tagName === 'SELECT' && value && !Array.from(el.options).some((o) => o.value === value)) {
      el.append(h('option', { value }, value)); // e.g. a user template not listed any more
    }
    el.value = value;
  }
  describeTemplate();
}

function describeTemplate() {
  const name = $('#setting-template').value;
  const t = ((state.start && state.start.templates) || []).find((x) => x.name === name);
  $('#template-description').textContent = t && t.description ? t.description : '';
}

function read() {
  const value = (name) => $(FIELDS[name]).value;
  return {
    title: value('title'),
    subtitle: value('subtitle'),
    author: value('author'),
    date: value('date') || null,
    marking: value('marking'),
    template: value('template'),
    page_size: value('page_size'),
  };
}

async function saveNow() {
  const settings = read();
  const result = await attempt(() => backend.setSettings(settings));
  if (result === undefined) return;
  if (state.project) state.project.settings = settings;
  emit('content', 'settings');
}

/** Saves pending edits right away (before export, print or leaving the project). */
export function flushSettings() {
  return save.flush();
}
