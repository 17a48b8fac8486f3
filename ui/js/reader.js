// Article reader pane: an article's text with its statements highlighted (used by Library and Review).
import { backend } from './backend.js';
import { h, replace, formatDate, plural } from './dom.js';

const requests = new WeakMap();

/** Shows the reader's empty state in `pane`. */
export function readerEmpty(pane, text) {
  replace(pane, h('div', { class: 'empty-state reader-empty' },
    h('p', { class: 'empty-title' }, 'No article selected'),
    h('p', {}, text)));
}

/**
 * Loads article `id` into `pane`; when `key` is given, scrolls to and flashes the passage of
 * that statement. Resolves to true when the article was shown.
 */
export async function openReader(pane, id, key = null) {
  const token = {};
  requests.set(pane, token);
  pane.dataset.articleId = String(id);
  let detail;
  try {
    detail = await backend.articleDetail(id);
  } catch (e) {
    if (requests.get(pane) !== token) return false;
    replace(pane, h('div', { class: 'empty-state' },
      h('p', { class: 'empty-title' }, 'The article could not be opened'),
      h('p', {}, e && e.message ? e.message : String(e))));
    return false;
  }
  if (requests.get(pane) !== token) return false;
  render(pane, detail);
  if (key !== null) focusStatement(pane, key);
  return true;
}

function render(pane, detail) {
  const a = detail.article;
  const meta = [a.outlet, formatDate(a.published), a.byline].filter(Boolean).join(' · ');
  const facts = [plural(a.words || 0, 'word'), (a.language || '').toUpperCase(), a.file_name]
    .filter(Boolean).join(' · ');
  let statements = 0;
  const paragraphs = (detail.paragraphs || []).map((segments) => h('p', {},
    segments.map((seg) => {
      if (seg.statement === null || seg.statement === undefined) return seg.text;
      statements++;
      const label = seg.speaker ? `Statement by ${seg.speaker}` : 'Statement (speaker unknown)';
      return h('mark', {
        class: 'segment-statement',
        title: label,
        'aria-label': undefined,
        dataset: { statement: seg.statement, speaker: seg.speaker || '' },
      }, seg.text);
    })));
  replace(pane,
    h('article', { class: 'reader-article', dataset: { articleId: String(a.id) } },
      h('h2', { class: 'reader-title' }, a.title || a.file_name || 'Untitled article'),
      meta ? h('p', { class: 'reader-meta' }, meta) : null,
      h('p', { class: 'reader-meta' }, facts),
      (a.date_conflicts || []).length
        ? h('p', { class: 'reader-conflicts' }, `Date check: ${a.date_conflicts.join('; ')}`) : null,
      statements
        ? h('p', { class: 'reader-legend' }, h('span', { class: 'legend-swatch' }, 'Highlighted'),
          ` passages are the ${plural(statements, 'statement')} found; hover one to see the speaker.`)
        : h('p', { class: 'reader-legend' }, 'No statements were found in this article.'),
      h('div', { class: 'reader-body' }, paragraphs)));
  pane.scrollTop = 0;
}

/** Scrolls to the first passage of statement `key` in `pane` and flashes it. */
export function focusStatement(pane, key) {
  const marks = Array.from(pane.querySelectorAll('mark.segment-statement'))
    .filter((m) => m.dataset.statement === String(key));
  if (!marks.length) return false;
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const m of marks) {
    m.classList.remove('flash');
    void m.offsetWidth; // restart the animation
    m.classList.add('flash');
  }
  return true;
}
