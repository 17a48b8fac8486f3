// BriefDesk UI entry point: start screen, workspace header and tabs, import, export, print, shortcuts.
//
// Stable hooks for end-to-end tests:
//   Start screen  #start-screen, #new-project, #open-project, #continue-project, .recent-project
//                 (button, data-path: shown only; data-recent-id: what opens it), #recent-projects
//   Workspace     #workspace, #home-button, #project-name, #project-path
//   Header        #import-button, #paste-button, #save-button, #save-as-button, #export-button,
//                 #print-button, #import-progress (#import-progress-bar, #import-progress-text)
//   Tabs          #tab-library, #tab-review, #tab-brief → panels #panel-library, #panel-review,
//                 #panel-brief
//   Library       #library-rows tr[data-article-id] (focusable; Alt+↑/↓ moves it) with input.pick,
//                 .drag-handle, .move-up, .move-down, .remove-article, .article-title,
//                 .conflict-flag (title = the conflicts); #sort-date-asc,
//                 #sort-date-desc, #library-empty, #library-reader (mark.segment-statement
//                 [data-statement]), #import-report (#import-summary, li.report-failed /
//                 li.report-duplicate [data-file] with .report-reason)
//   Review        #review-list, .speaker-group[data-speaker], li.statement[data-key] with
//                 .keep-toggle (aria-pressed), .edit-button, textarea.statement-edit, .save-edit,
//                 .cancel-edit, .revert-button, .promote-button (aria-pressed), .show-source,
//                 .statement-up, .statement-down, .statement-text, .edited-flag, .source-label;
//                 #review-reader, #review-empty
//   Brief         #setting-title, #setting-subtitle, #setting-author, #setting-date,
//                 #setting-marking, #setting-template, #setting-page-size; #preview (canvas per
//                 page, #preview-empty / #preview-error), #preview-info, #preview-warnings,
//                 #preview-zoom, #preview-busy
//   Dialogs       #paste-dialog (#paste-text, #paste-submit), #print-dialog (#print-printer,
//                 #print-copies, #print-duplex, #print-pages, #print-submit, #print-message,
//                 #print-error)
//   Other         #status (data-kind = info|ok|error), #drop-overlay
// Shortcuts: Ctrl+O import (open project on the start screen), Ctrl+S save, Ctrl+E export,
//            Ctrl+P print, Delete removes the selected article, Escape closes dialogs.
import { backend } from './backend.js';
import { $, h, replace, attempt, status, showError, isTyping, plural } from './dom.js';
import { state, on, takeProject, emit } from './state.js';
import { initLibrary, showImportReport, removeSelected, refreshProject } from './library.js';
import { initStories } from './stories.js';
import { initReview, invalidateReview, loadReview, reviewLoaded, resetReview } from './review.js';
import { initBrief, fillOptions, showSettings, flushSettings } from './brief.js';
import { initPreview, schedulePreview, previewShown, resetPreview } from './preview.js';
import {
  initDialogs, openPasteDialog, openPrintDialog, openExportDialog, closeTopModal, anyModalOpen,
} from './dialogs.js';

const TABS = ['library', 'review', 'brief'];
let currentTab = 'library';
let importing = 0;

function screen() {
  return $('#workspace').hidden ? 'start' : 'workspace';
}

/* ---------- start screen ---------- */

function showStart() {
  $('#loading').hidden = true;
  $('#workspace').hidden = true;
  $('#start-screen').hidden = false;
  renderStart();
  $('#new-project').focus();
}

function renderStart() {
  const start = state.start || {};
  const recent = start.recent || [];
  replace($('#recent-projects'), recent.length
    ? recent.map((r) => h('li', {},
      h('button', {
        type: 'button',
        class: 'recent-project',
        dataset: { path: r.path, recentId: r.id },
        title: r.path,
        onclick: () => openRecent(r.id),
      },
      h('span', { class: 'recent-name' }, r.name || r.path),
      h('span', { class: 'recent-meta' }, [r.opened ? `Opened ${formatOpened(r.opened)}` : null, r.path].filter(Boolean).join(' · ')))))
    : h('li', { class: 'recent-empty' }, 'No recent projects yet. Start with “New brief”.'));
  const current = start.project;
  const actions = $('.start-actions');
  $('#continue-project')?.remove();
  if (current && current.articles && current.articles.length) {
    actions.append(h('button', {
      type: 'button', id: 'continue-project', class: 'button large', onclick: () => enterWorkspace(current),
    }, `Continue “${current.name}”`));
  }
  $('#start-version').textContent = start.version ? `BriefDesk ${start.version}` : '';
}

function formatOpened(value) {
  const date = new Date(typeof value === 'number' && value < 1e12 ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

async function newProject() {
  const project = await attempt(() => backend.newProject());
  if (project) enterWorkspace(project);
  return project;
}

/** Opens the project the user picks in the Open dialog. */
async function openProject() {
  const project = await attempt(() => backend.openProject());
  if (project) enterWorkspace(project);
}

/** Opens a project of the recent list, by its id. */
async function openRecent(id) {
  const project = await attempt(() => backend.openRecent(id));
  if (project) enterWorkspace(project);
}

async function goHome() {
  await flushSettings();
  const start = await attempt(() => backend.start());
  if (start) state.start = start;
  showStart();
}

/* ---------- workspace ---------- */

function enterWorkspace(project) {
  $('#loading').hidden = true;
  $('#start-screen').hidden = true;
  $('#workspace').hidden = false;
  state.selected = null;
  fillOptions(state.start || {});
  showSettings(project.settings);
  $('#import-report').hidden = true;
  resetReview();
  takeProject(project);
  showTab(project.articles && project.articles.length ? currentTab : 'library');
  resetPreview();
}

function renderHeader(project) {
  $('#project-name').textContent = project.name || 'Untitled brief';
  $('#project-path').textContent = project.path || 'not saved to a file yet (autosaved)';
  $('#project-path').title = project.path || 'Use Save to choose where the project file goes.';
  document.title = `${project.name || 'Untitled brief'} — BriefDesk`;
  $('#autosave-note').textContent = 'Changes are saved automatically.';
}

function showTab(name, focus = false) {
  currentTab = name;
  for (const tab of TABS) {
    const button = $(`#tab-${tab}`);
    const selected = tab === name;
    button.setAttribute('aria-selected', selected ? 'true' : 'false');
    button.tabIndex = selected ? 0 : -1;
    $(`#panel-${tab}`).hidden = !selected;
  }
  if (focus) $(`#tab-${name}`).focus();
  if (name === 'review' && !reviewLoaded()) loadReview();
  if (name === 'brief') previewShown();
}

function initTabs() {
  for (const tab of TABS) $(`#tab-${tab}`).addEventListener('click', () => showTab(tab));
  $('.tabs').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = TABS.indexOf(currentTab) + (e.key === 'ArrowRight' ? 1 : -1);
    showTab(TABS[(i + TABS.length) % TABS.length], true);
  });
}

/* ---------- import ---------- */

function showProgress(p) {
  const box = $('#import-progress');
  if (!p || !importing) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const bar = $('#import-progress-bar');
  if (p.total) {
    bar.max = p.total;
    bar.value = p.done;
  } else bar.removeAttribute('value');
  const file = p.file ? String(p.file).split(/[\\/]/).pop() : '';
  $('#import-progress-text').textContent = p.total
    ? `Importing ${Math.min(p.done + 1, p.total)} of ${p.total}${file ? `: ${file}` : ''}`
    : `Importing${file ? ` ${file}` : '…'}`;
  $('#import-progress-text').title = p.file || '';
}

/**
 * Runs an import call (dialog, drop or opened files) and shows its report. With a `label` the
 * progress bar shows at once; otherwise (the Open dialog may be up) it waits for the first
 * progress event.
 */
async function runImport(call, label = null) {
  if (screen() === 'start') {
    const project = await newProject();
    if (!project) return;
  }
  importing++;
  if (label) {
    showProgress({ done: 0, total: 0, file: '' });
    $('#import-progress-text').textContent = label;
  }
  try {
    const report = await call();
    if (report) afterImport(report);
  } catch (e) {
    showError(e);
  } finally {
    importing--;
    if (!importing) showProgress(null);
  }
}

function afterImport(report) {
  if (report.project) takeProject(report.project);
  showTab('library');
  showImportReport(report);
  emit('content', 'import');
  const added = (report.added || []).length;
  const failed = (report.failed || []).length;
  status(`${plural(added, 'article')} imported${failed ? `; ${failed} failed (see the report)` : ''}.`,
    failed ? 'error' : 'ok');
}

const importDialog = () => runImport(() => backend.importDialog());
const importLabel = (count) => `Importing ${plural(count, 'item')}…`;

/** Imports the `count` files just dropped on the window (into a new project when the start
 *  screen shows); a drop while a dialog is open is not imported. */
function importDropped(count) {
  if (!count || anyModalOpen()) return;
  runImport(() => backend.importDropped(), importLabel(count));
}

/** Imports, like a drop, the `count` files the app was started with or that a second launch
 *  handed over (into a new project when the start screen shows). */
function importOpened(count) {
  if (count) runImport(() => backend.importOpened(), importLabel(count));
}

/** Shows the drop overlay while files are dragged over the window. */
function onDrag(event) {
  const overlay = $('#drop-overlay');
  if (event.type === 'enter' || event.type === 'over') {
    if (!anyModalOpen()) overlay.hidden = false;
  } else overlay.hidden = true;
}

/* ---------- save, export, print ---------- */

async function save() {
  await flushSettings();
  if (!state.project.path) {
    await saveAs(); // never saved to a file: ask where
    return;
  }
  const result = await attempt(() => backend.saveProject());
  if (result === undefined) return;
  if (result && result.articles) takeProject(result);
  status('Saved.', 'ok');
}

async function saveAs() {
  await flushSettings();
  const result = await attempt(() => backend.saveProjectAs());
  if (result === undefined || result === null) return;
  if (typeof result === 'string') {
    state.project.path = result;
    renderHeader(state.project);
  } else await refreshProject(result);
  status(`Saved to ${state.project.path}`, 'ok');
}

async function exportBrief(format) {
  await flushSettings();
  const result = await attempt(() => backend.exportBrief(format));
  if (result === undefined || result === null) return; // failed (reported) or cancelled
  const path = typeof result === 'string' ? result : result.path;
  status(`Saved to ${path}`, 'ok');
}

async function print() {
  await flushSettings();
  openPrintDialog();
}

/* ---------- keyboard ---------- */

function onKey(e) {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (ctrl && !e.altKey && ['o', 's', 'e', 'p'].includes(key)) {
    e.preventDefault(); // no browser print/save/open
    if (anyModalOpen()) return;
    if (key === 'o') {
      if (screen() === 'start') openProject();
      else importDialog();
    } else if (screen() === 'workspace') {
      if (key === 's') (e.shiftKey ? saveAs : save)();
      else if (key === 'e') openExportDialog();
      else if (key === 'p') print();
    }
    return;
  }
  if (e.key === 'Escape') {
    if (closeTopModal()) e.preventDefault();
    return;
  }
  if ((e.key === 'Delete' || (e.key === 'Backspace' && ctrl)) && screen() === 'workspace'
    && currentTab === 'library' && !anyModalOpen() && !isTyping(e.target)) {
    if (removeSelected()) e.preventDefault();
  }
}

/* ---------- boot ---------- */

async function boot() {
  initLibrary();
  initStories();
  initReview();
  initBrief();
  initPreview(() => screen() === 'workspace');
  initTabs();
  initDialogs({ onPasted: afterImport, onExport: exportBrief });
  on('project', renderHeader);
  on('content', (source) => {
    if (source !== 'review' && source !== 'settings') invalidateReview(currentTab === 'review');
    schedulePreview();
  });

  $('#new-project').addEventListener('click', newProject);
  $('#open-project').addEventListener('click', () => openProject());
  $('#home-button').addEventListener('click', goHome);
  $('#import-button').addEventListener('click', importDialog);
  $('#paste-button').addEventListener('click', openPasteDialog);
  $('#save-button').addEventListener('click', save);
  $('#save-as-button').addEventListener('click', saveAs);
  $('#export-button').addEventListener('click', openExportDialog);
  $('#print-button').addEventListener('click', print);
  document.addEventListener('keydown', onKey);

  try {
    state.start = await backend.start();
  } catch (e) {
    replace($('#loading'), h('div', { class: 'empty-state' },
      h('p', { class: 'empty-title' }, 'BriefDesk could not start'),
      h('p', {}, e && e.message ? e.message : String(e))));
    return;
  }
  try {
    await backend.on('import-progress', (p) => showProgress(p));
    await backend.onDrag(onDrag);
    await backend.on('files-dropped', importDropped);
    await backend.on('open-files', importOpened);
  } catch (e) {
    showError(e);
  }
  showStart();
  importOpened(state.start.opened);
}

boot();
