// DOM helpers (safe element building without innerHTML), status messages and small utilities.

/** Builds an element: h('button', {class: 'x', onclick: fn, dataset: {id: 1}}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'text') el.textContent = value;
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Moves `fresh`'s attributes and children into `old` and returns `old`, so an element rebuilt from
 * new data keeps its identity (references held elsewhere, e.g. by tests, stay valid).
 */
export function adopt(fresh, old) {
  if (!old || old.tagName !== fresh.tagName) return fresh;
  for (const attr of Array.from(old.attributes)) {
    if (!fresh.hasAttribute(attr.name)) old.removeAttribute(attr.name);
  }
  for (const attr of Array.from(fresh.attributes)) {
    if (old.getAttribute(attr.name) !== attr.value) old.setAttribute(attr.name, attr.value);
  }
  old.replaceChildren(...Array.from(fresh.childNodes));
  return old;
}

export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  wrapped.flush = (...args) => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
      return fn(...args);
    }
    return undefined;
  };
  return wrapped;
}

let statusTimer = null;

/** Shows a non-blocking message in the status bar (#status). kind: 'info' | 'ok' | 'error'. */
export function status(message, kind = 'info') {
  const el = document.getElementById('status');
  if (!el) return;
  el.textContent = message;
  el.className = `status status-${kind}`;
  el.dataset.kind = kind;
  clearTimeout(statusTimer);
  if (kind !== 'error') {
    statusTimer = setTimeout(() => {
      el.textContent = '';
      el.className = 'status';
      delete el.dataset.kind;
    }, 8000);
  }
}

/** Shows a backend error ({code, message}) in the status bar. */
export function showError(error) {
  const message = error && typeof error === 'object' && 'message' in error
    ? error.message : String(error);
  status(message, 'error');
}

/** Runs an async action, reporting failures to the status bar; resolves to its result or undefined. */
export async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    showError(e);
    return undefined;
  }
}

/** True when keyboard input goes to a text field (shortcuts like Delete must not fire then). */
export function isTyping(target) {
  if (!target || !(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target.getAttribute('type') || 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

/** "2026-10-14" → "14 Oct 2026" (the date stays as given when it does not parse). */
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] || m[2]} ${m[1]}`;
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
