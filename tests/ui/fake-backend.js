// In-page fake BriefDesk backend for UI tests: mocks Tauri IPC with a small project (3 articles).
// Loaded by harness.mjs as an init script after tauri's bundle.global.js and ui/js/codes.js (its
// `Code`, the error codes of src-tauri/src/error.rs); records every call in
// window.__calls and exposes its state as window.__fake so tests can adjust it. Like the real
// backend it takes no path from the page: the files of a drop or of "Open with" are handed to it
// by the test, as the window and the OS hand them to Rust (__fake.drop(paths),
// __fake.handOver(paths); options.opened: files the app was started with).
/* eslint-disable no-unused-vars */
function installFakeBackend(options) {
  const T = window.__TAURI__;
  T.mocks.mockWindows('main');
  const calls = [];
  window.__calls = calls;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const clone = (x) => JSON.parse(JSON.stringify(x));
  const fail = (code, message) => { throw { code, message }; };

  const fake = {
    pdfs: options.pdfs, // {pages: base64}
    pages: 2,
    warnings: [],
    previewDelay: 30,
    importDelay: 40,
    printers: { printers: [{ name: 'Office-Laser', default: true }, { name: 'Floor2-Color', default: false }], message: null },
    exportPath: '/home/analyst/Documents/brief.pdf',
    saveAsPath: '/home/analyst/briefs/new brief.briefdesk',
    openPath: null, // what the user picks in the Open dialog (null: cancels)
    nextId: 10,
    dropped: [], // the last drop, not imported yet
    opened: [...(options.opened || [])], // files opened with the app, not imported yet
    /** Files dropped on the window: recorded, then the page is told (as src-tauri/src/open.rs). */
    drop: async (paths, position = { x: 20, y: 20 }) => {
      fake.dropped = [...paths];
      await T.event.emit('tauri://drag-drop', { paths, position });
      await T.event.emit('files-dropped', paths.length);
    },
    /** Files a second launch hands over. */
    handOver: async (paths) => {
      fake.opened.push(...paths);
      await T.event.emit('open-files', paths.length);
    },
  };
  window.__fake = fake;
  const RECENT = [
    { id: '5a1c0de1f00d0001', path: '/home/analyst/briefs/port-talks.briefdesk', name: 'Port talks', opened: '2026-11-27T16:20:00Z' },
    { id: '5a1c0de1f00d0002', path: '/home/analyst/briefs/grain.briefdesk', name: 'Grain corridor', opened: '2026-11-20T09:12:00Z' },
  ];

  const paragraphsFor = {
    a1: [
      [{ text: 'LAGOS — Talks between Nigeria and Benin over transit fees stalled on Tuesday.', statement: null, speaker: null }],
      [{ text: 'Foreign Minister Amara Okafor said Nigeria would not accept ', statement: null, speaker: null },
        { text: '“a fee structure written for someone else’s balance sheet.”', statement: 'a1:58-118', speaker: 'Amara Okafor' }],
      [{ text: '“We came here with a serious offer,” Okafor said.', statement: 'a1:140-176', speaker: 'Amara Okafor' }],
      [{ text: 'Filler paragraph. '.repeat(40), statement: null, speaker: null }],
      [{ text: 'Benin’s envoy Rémi Akpovi said ', statement: null, speaker: null },
        { text: 'the figure does not appear in any document tabled.', statement: 'a1:480-531', speaker: 'Rémi Akpovi' }],
    ],
    a2: [
      [{ text: 'Grain shipments through the corridor resumed.', statement: null, speaker: null }],
      [{ text: '“Both sides have moved further than they admit,” said José Müller.', statement: 'a2:48-95', speaker: 'José Müller' }],
    ],
    a3: [
      [{ text: 'Energy ministers met in Oslo.', statement: null, speaker: null }],
      [{ text: 'Müller said the gap is now about sequencing.', statement: 'a3:31-63', speaker: 'José Müller' }],
    ],
  };

  const article = (n, title, outlet, published, extra = {}) => ({
    id: `a${n}`, title, outlet, byline: 'By Staff', published, words: 420 + n, language: 'en', format: 'html',
    file_name: `article-${n}.html`, picked: true, statements: 0, date_conflicts: [], duplicate_of: null, ...extra,
  });

  let statements = [
    { key: 'a1:58-118', speaker: 'Amara Okafor', role: 'Foreign Minister, Nigeria', kind: 'direct_quote', text: 'a fee structure written for someone else’s balance sheet.', article_id: 'a1', outlet: 'Northbridge Wire', date: '2026-10-14', sources: [1], auto: true },
    { key: 'a1:140-176', speaker: 'Amara Okafor', role: 'Foreign Minister, Nigeria', kind: 'direct_quote', text: 'We came here with a serious offer.', article_id: 'a1', outlet: 'Northbridge Wire', date: '2026-10-14', sources: [1, 2], auto: true },
    { key: 'a1:480-531', speaker: 'Rémi Akpovi', role: 'Trade envoy, Benin', kind: 'reported', text: 'the figure does not appear in any document tabled.', article_id: 'a1', outlet: 'Northbridge Wire', date: '2026-10-14', sources: [1], auto: false },
    { key: 'a2:48-95', speaker: 'José Müller', role: 'EU mediator', kind: 'direct_quote', text: 'Both sides have moved further than they admit.', article_id: 'a2', outlet: 'Harbor Times', date: '2026-10-12', sources: [2], auto: true },
    { key: 'a3:31-63', speaker: 'José Müller', role: 'EU mediator', kind: 'reported', text: 'the gap is now about sequencing.', article_id: 'a3', outlet: 'Energy Daily', date: '2026-10-16', sources: [3], auto: true },
  ].map((s) => ({ ...s, original: s.text, edited: false, keep: s.auto, promoted: false, source: s.sources[0], mention: s.speaker }));

  const settings = () => ({ title: 'Port talks', subtitle: '', author: 'Economic Security Unit', date: null, marking: 'OFFICIAL', template: 'policy-brief', page_size: 'a4' });
  const briefProject = () => ({
    path: '/home/analyst/briefs/port-talks.briefdesk',
    name: 'Port talks',
    articles: [
      article(1, 'Lagos port talks stall over transit fees', 'Northbridge Wire', '2026-10-14', { statements: 3 }),
      article(2, 'Grain corridor reopens', 'Harbor Times', '2026-10-12', { statements: 1, date_conflicts: ['dateline says 11 October, metadata says 12 October'] }),
      article(3, 'Energy summit ends without deal', 'Energy Daily', '2026-10-16', { statements: 1 }),
    ],
    settings: settings(),
  });
  let project = { path: '/home/analyst/.local/share/briefdesk/autosave/untitled.briefdesk', name: 'Untitled brief', articles: [], settings: { ...settings(), title: '', author: '', marking: '' } };

  // Stories: a1 and a2 report one development, the others stand alone; the analyst's choices
  // as the backend keeps them (placed articles, names, order, grouping on or off).
  const AUTO = { a1: 'story-a1', a2: 'story-a1' };
  let choices = { grouped: true, placed: {}, labels: {}, order: [], made: 0 };
  const stories = () => {
    const picked = project.articles.filter((a) => a.picked);
    if (!choices.grouped) {
      return picked.length ? [{ id: 'story-all', label: picked[0].title, why: '', articles: picked.map((a) => a.id), renamed: false }] : [];
    }
    const out = [];
    for (const a of picked) {
      const id = choices.placed[a.id] || AUTO[a.id] || `story-${a.id}`;
      let s = out.find((x) => x.id === id);
      if (!s) out.push(s = { id, label: choices.labels[id] || a.title, why: '', articles: [], renamed: id in choices.labels });
      s.articles.push(a.id);
    }
    for (const s of out) if (s.articles.length > 1) s.why = 'grouped: port, transit; 2 days apart';
    const rank = (s) => { const i = choices.order.indexOf(s.id); return i < 0 ? Infinity : i; };
    return out.map((s, i) => [s, i]).sort(([x, i], [y, j]) => (rank(x) - rank(y)) || (i - j)).map(([s]) => s);
  };
  const story = (id) => stories().find((s) => s.id === id) || fail(Code.NOT_FOUND, `no story ${id} in this project`);
  const pin = (s) => { for (const a of s.articles) if (!choices.placed[a]) choices.placed[a] = s.id; };
  const view = () => {
    project.picked = project.articles.filter((a) => a.picked).length;
    project.stories = stories();
    project.grouped = choices.grouped;
    return clone(project);
  };
  const review = () => stories().map((s) => ({ id: s.id, label: s.label, groups: groups(new Set(s.articles)) }))
    .filter((s) => s.groups.length);
  const groups = (only) => {
    const picked = new Set(project.articles.filter((a) => a.picked).map((a) => a.id));
    const out = [];
    for (const s of statements) {
      if (!picked.has(s.article_id) || !only.has(s.article_id)) continue;
      let g = out.find((x) => x.speaker === s.speaker);
      if (!g) out.push(g = { speaker: s.speaker, role: s.role, statements: [] });
      const { speaker, role, keepEdit, ...rest } = s;
      rest.keep = (keepEdit ?? rest.auto) && !rest.promoted;
      g.statements.push(rest);
    }
    return clone(out);
  };
  const find = (id) => project.articles.find((a) => a.id === id) || fail(Code.NOT_FOUND, `No article ${id}.`);

  /** Imports `paths` (handed to the backend, never named by the page); null when there are none. */
  const importFiles = async (paths) => {
    if (!paths.length) return null;
    const report = { added: [], failed: [], duplicates: [] };
    for (let i = 0; i < paths.length; i++) {
      const file = paths[i].split('/').pop();
      await T.event.emit('import-progress', { done: i, total: paths.length, file: paths[i] });
      await sleep(fake.importDelay);
      if (file.endsWith('.pdf')) report.failed.push({ file, reason: 'PDF files cannot be imported; save the page as HTML or text.' });
      else if (file.startsWith('harbor')) report.duplicates.push({ file, title: 'Lagos port talks stall over transit fees' });
      else {
        const id = fake.nextId++;
        const title = file.startsWith('evil') ? '<img src=x onerror=alert(1)>' : `Imported ${file}`;
        const a = article(id, title, file.startsWith('evil') ? '<b>Outlet</b>' : 'Imported Outlet', null,
          file.startsWith('new') ? { duplicate_of: 'a1' } : {});
        project.articles.push(a);
        report.added.push(clone(a));
      }
    }
    await T.event.emit('import-progress', { done: paths.length, total: paths.length, file: paths.at(-1) });
    return { ...report, project: view() };
  };

  const handlers = {
    app_start: () => ({
      version: '0.1.0-test',
      recent: clone(RECENT),
      templates: [
        { name: 'policy-brief', description: 'The two-page brief: bottom line, key points, statements, sources.' },
        { name: 'one-pager', description: 'Bottom line, five key points, top quotes; never more than a page.' },
        { name: 'quote-sheet', description: 'Every statement by speaker, for press lines.' },
      ],
      markings: ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER'],
      page_sizes: ['a4', 'letter'],
      project: view(),
      opened: fake.opened.length,
    }),
    project_new: () => {
      project = { path: null, name: 'Untitled brief', articles: [], settings: { ...settings(), title: '', author: '', marking: '' } };
      return view();
    },
    project_open: () => {
      if (!fake.openPath) return null; // the dialog was cancelled
      project = { ...briefProject(), path: fake.openPath };
      return view();
    },
    project_open_recent: ({ id }) => {
      const recent = RECENT.find((r) => r.id === id)
        || fail(Code.NOT_FOUND, 'This project is no longer in the recent list; use Open project… to find it.');
      if (recent.path.includes('grain')) fail(Code.IO, `Could not open ${recent.path}: file not found.`);
      project = briefProject();
      return view();
    },
    project_save: () => view(),
    project_save_as: () => {
      const chosen = fake.saveAsPath;
      if (!chosen) return null;
      project.path = chosen;
      project.name = chosen.split('/').pop().replace(/\.briefdesk$/, '');
      return view();
    },
    import_dropped: () => importFiles(fake.dropped.splice(0)),
    import_opened: () => importFiles(fake.opened.splice(0)),
    import_dialog: () => null,
    import_text: ({ text }) => {
      const id = fake.nextId++;
      const a = article(id, text.split('\n')[0].slice(0, 80), null, null, { format: 'text', file_name: 'Pasted text.txt' });
      project.articles.push(a);
      return { added: [clone(a)], failed: [], duplicates: [], project: view() };
    },
    article_pick: ({ id, picked }) => {
      find(id).picked = picked;
      return view();
    },
    articles_order: ({ ids }) => {
      project.articles = ids.map(find);
      return view();
    },
    articles_remove: ({ ids }) => {
      project.articles = project.articles.filter((a) => !ids.includes(a.id));
      return view();
    },
    article_detail: ({ id }) => ({
      article: clone(find(id)),
      paragraphs: clone(paragraphsFor[id] || [[{ text: `Text of ${find(id).title}`, statement: null, speaker: null }]]),
    }),
    review: () => {
      if (!project.articles.some((a) => a.picked)) fail(Code.NO_ARTICLES, 'No article is ticked: tick at least one article in the library.');
      return review();
    },
    statement_edit: ({ key, change }) => {
      const s = statements.find((x) => x.key === key) || fail(Code.NOT_FOUND, `No statement ${key}.`);
      if ('keep' in change) s.keepEdit = change.keep;
      if ('promoted' in change) s.promoted = change.promoted;
      s.keep = (s.keepEdit ?? s.auto) && !s.promoted;
      if ('text' in change) {
        s.text = change.text === null ? s.original : change.text;
        s.edited = change.text !== null;
      }
      return review();
    },
    statements_order: ({ keys }) => {
      statements = keys.map((k) => statements.find((s) => s.key === k)).concat(statements.filter((s) => !keys.includes(s.key)));
      return review();
    },
    story_move: ({ article, story: into }) => {
      const from = stories().find((s) => s.articles.includes(article)) || fail(Code.NOT_FOUND, `no picked article ${article} in this project`);
      pin(from);
      if (into) pin(story(into));
      choices.placed[article] = into || `story-new-${++choices.made}`;
      return view();
    },
    stories_merge: ({ story: from, into }) => {
      const a = story(from);
      pin(story(into));
      for (const id of a.articles) choices.placed[id] = into;
      return view();
    },
    story_rename: ({ story: id, label }) => {
      pin(story(id));
      if (label.trim()) choices.labels[id] = label.trim();
      else delete choices.labels[id];
      return view();
    },
    stories_order: ({ ids }) => {
      ids.forEach(story);
      choices.order = ids.slice();
      return view();
    },
    stories_grouped: ({ grouped }) => {
      choices.grouped = grouped;
      return view();
    },
    settings_set: ({ settings: s }) => {
      project.settings = s;
      return view();
    },
    preview: async () => {
      await sleep(fake.previewDelay);
      if (!project.articles.some((a) => a.picked)) fail(Code.NO_ARTICLES, 'Tick at least one article to build a brief.');
      return { pdf: fake.pdfs[fake.pages], pages: fake.pages, warnings: clone(fake.warnings), millis: 42 };
    },
    export_brief: () => (fake.exportPath ? { path: fake.exportPath } : null),
    printers: () => clone(fake.printers),
    print: ({ options }) => ({ job: `${options.printer}-17`, printer: options.printer }),
  };

  T.mocks.mockIPC(async (cmd, args) => {
    calls.push({ cmd, args: clone(args || {}), at: Date.now() });
    const handler = handlers[cmd];
    if (!handler) throw `Unknown command ${cmd}`; // as Tauri rejects it: a string, no code
    return handler(args || {});
  }, { shouldMockEvents: true });
}
