// Shared app state (start info, current project) and a tiny change-notification hub.

export const state = {
  /** Start: {version, recent, templates, markings, page_sizes, project, opened}. */
  start: null,
  /** ProjectView: {path, name, articles, settings, picked}. */
  project: null,
  /** Id of the article selected in the library. */
  selected: null,
};

const listeners = new Map();

/** Subscribes to a topic: 'project' (project replaced/changed), 'content' (brief content changed). */
export function on(topic, fn) {
  if (!listeners.has(topic)) listeners.set(topic, []);
  listeners.get(topic).push(fn);
}

export function emit(topic, value) {
  for (const fn of listeners.get(topic) || []) fn(value);
}

/** Takes a backend result that may carry a ProjectView; returns true when it did. */
export function takeProject(result) {
  const project = result && result.articles ? result
    : result && result.project && result.project.articles ? result.project : null;
  if (!project) return false;
  state.project = project;
  if (state.selected !== null && !project.articles.some((a) => a.id === state.selected)) {
    state.selected = null;
  }
  emit('project', project);
  return true;
}
