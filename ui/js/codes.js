// The codes of the {code, message} a failed command rejects with. Generated from ErrorCode
// in src-tauri/src/error.rs: do not edit. Regenerate with
// BRIEFDESK_BLESS=1 cargo test -p briefdesk-desktop codes_js
export const Code = Object.freeze({
  /** No article is ticked, so there is no brief to preview, review, export or print. */
  NO_ARTICLES: 'no_articles',
  /** The article, statement, story or recent project the page named is not there (any more). */
  NOT_FOUND: 'not_found',
  /** A project file could not be read as a project, or is too large or not a regular file. */
  PROJECT: 'project',
  /** The brief could not be rendered: a template or markup error, named with its file and line. */
  RENDER: 'render',
  /** The print service refused or failed the job. */
  PRINT: 'print',
  /** No printer is set up on this computer. */
  NO_PRINTER: 'no_printer',
  /** A file could not be read or written; the message names it. */
  IO: 'io',
  /** An import stopped before it finished (its worker failed). */
  IMPORT: 'import',
  /** Page only (`ui/js/backend.js`): the page runs outside the app, with no backend to call. */
  NO_BACKEND: 'no_backend',
  /** Page only (`ui/js/backend.js`): a command failed without a `{code, message}` (a bug). */
  INTERNAL: 'internal',
});
