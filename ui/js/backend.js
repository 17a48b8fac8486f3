// The one module that talks to the BriefDesk backend (the Tauri commands in src-tauri/src/).
// Every function returns a Promise; a failed command rejects with {code, message}: code is one
// of Code (./codes.js, generated from ErrorCode in src-tauri/src/error.rs), message a sentence.
// No command takes a path: files come from the dialogs (shown by the backend), from a drop on the
// window or "Open with" (the backend keeps their paths; the page asks for them to be imported) and
// from the recent list (by id).
//
// Shapes (JSON, snake_case as the Rust side serialises them):
//   ArticleView   {id, title, outlet, byline, published: "YYYY-MM-DD"|null, words, language,
//                  format, file_name, picked, statements, date_conflicts: [string],
//                  duplicate_of: id|null (an earlier article with the same story)}
//   Settings      {title, subtitle, author, date: "YYYY-MM-DD"|null (null = today), marking,
//                  template, page_size: "a4"|"letter"}
//   ProjectView   {path: string|null, name, articles: [ArticleView], settings: Settings, picked: n,
//                  stories: [StoryView], grouped: bool}
//                 (what the article, story and settings commands resolve to)
//   StoryView     {id, label, why, articles: [id], renamed: bool} (the ticked articles by story,
//                  in the brief's order; one story when grouped is false)
//   ImportReport  {added: [ArticleView], failed: [{file, reason}], duplicates: [{file, title}],
//                  project: ProjectView}
//   ArticleDetail {article: ArticleView, paragraphs: [[{text, statement: key|null,
//                  speaker: string|null}]]}
//   ReviewStory   {id, label, groups: [ReviewGroup]} (what the review commands resolve to)
//   ReviewGroup   {speaker, role, statements: [ReviewStatement]}
//   ReviewStatement {key, kind: "direct_quote"|"reported", text, original, edited, keep, auto,
//                  promoted, sources: [n], source: n, outlet, date, article_id, mention}
//                  (a promoted statement has keep=false: it moved into the bottom line)
//   Preview       {pdf: base64 string, pages: n, warnings: [string], millis: n}
//   Printers      {printers: [{name, default}], message: string|null}
//   Exported      {path}            Printed {job, printer}
//   Start         {version, recent: [{id, path, name, opened}], templates: [{name, description}],
//                  markings: [string], page_sizes: [string], project: ProjectView,
//                  opened: n (files the app was opened with, waiting for importOpened)}

import { Code } from './codes.js';

const tauri = () => {
  if (!window.__TAURI__ || !window.__TAURI__.core) {
    throw { code: Code.NO_BACKEND, message: 'BriefDesk backend is not available.' };
  }
  return window.__TAURI__;
};

/** Calls a backend command; rejects with {code, message}. */
async function call(command, args = {}) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && 'message' in e) throw e;
    throw { code: Code.INTERNAL, message: String(e && e.message ? e.message : e) };
  }
}

export const backend = {
  /** Version, recent projects, templates, markings, page sizes and the current project. */
  start: () => call('app_start'),
  /** A new, empty project (autosaved under the app's data folder until saved elsewhere). */
  newProject: () => call('project_new'),
  /** Asks for a project with the Open dialog and opens it; null if cancelled. */
  openProject: () => call('project_open'),
  /** Opens the recent project with this id (from start().recent). */
  openRecent: (id) => call('project_open_recent', { id }),
  /** Asks where with the Save dialog and saves the project there from now on; null if cancelled. */
  saveProjectAs: () => call('project_save_as'),
  /** Saves the project now (it autosaves after every change anyway). */
  saveProject: () => call('project_save'),
  /** Asks for files with the Open dialog and imports them; null if cancelled. Progress of every
   *  import arrives as `import-progress` events. */
  importDialog: () => call('import_dialog'),
  /** Imports the files (and folders) just dropped on the window, each drop once; null when none
   *  wait. A `files-dropped` event (payload: how many) says a drop came. */
  importDropped: () => call('import_dropped'),
  /** Imports the files the app was started with (`briefdesk-desktop FILE...`) or that a second
   *  launch handed over, each once; null when none wait. An `open-files` event (payload: how
   *  many) says more came; start().opened counts those of the launch. */
  importOpened: () => call('import_opened'),
  /** Imports pasted text as an article. */
  importText: (text) => call('import_text', { text }),
  /** Ticks or unticks an article for the brief. */
  pickArticle: (id, picked) => call('article_pick', { id, picked }),
  /** Puts the articles in this order (ids). */
  orderArticles: (ids) => call('articles_order', { ids }),
  /** Removes articles (ids) from the project. */
  removeArticles: (ids) => call('articles_remove', { ids }),
  /** One article's text with its statements marked. */
  articleDetail: (id) => call('article_detail', { id }),
  /** Moves an article into the story `story` (an id), or into a new story when null. */
  moveToStory: (article, story) => call('story_move', { article, story }),
  /** Merges the story `story` into the story `into`. */
  mergeStories: (story, into) => call('stories_merge', { story, into }),
  /** Names a story (blank: back to its headline). */
  renameStory: (story, label) => call('story_rename', { story, label }),
  /** Puts the stories in this order (ids). */
  orderStories: (ids) => call('stories_order', { ids }),
  /** Groups the ticked articles by story (true) or takes them as one story (false). */
  setGrouped: (grouped) => call('stories_grouped', { grouped }),
  /** Statements of the ticked articles by story, then by speaker: [ReviewStory]. */
  review: () => call('review'),
  /** Changes one statement: {keep?: bool, text?: string|null, promoted?: bool}. */
  editStatement: (key, change) => call('statement_edit', { key, change }),
  /** Puts the statements in this order (keys). */
  orderStatements: (keys) => call('statements_order', { keys }),
  /** Stores the brief settings. */
  setSettings: (settings) => call('settings_set', { settings }),
  /** Renders the brief: the PDF that will print. */
  preview: () => call('preview'),
  /** Asks where with the Save dialog and writes the PDF there: Exported, null if cancelled. */
  /** Writes the brief as `format` (pdf, docx, markdown, text) where the user picks: {path} or null. */
  exportBrief: (format) => call('export_brief', { format }),
  /** The system's printers. */
  printers: () => call('printers'),
  /** Prints {printer, copies, duplex: "one-sided"|"long-edge"|"short-edge", pages: ""|"1-2,4"}:
   *  resolves to Printed. */
  print: (options) => call('print', { options }),
  /** Subscribes to a backend event; resolves to an unsubscribe function. */
  on: (event, handler) => tauri().event.listen(event, (e) => handler(e.payload)),
  /** Subscribes to drags over the window, for the drop overlay: handler({type: "enter"|"over"|
   *  "drop"|"leave", …}). A drop's files are imported with importDropped, on `files-dropped`. */
  onDrag: (handler) =>
    tauri().webviewWindow.getCurrentWebviewWindow().onDragDropEvent((e) => handler(e.payload)),
};
