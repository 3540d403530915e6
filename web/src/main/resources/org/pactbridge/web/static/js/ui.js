// Small DOM helpers. Text always goes in as text nodes, never as HTML: item titles and content are
// whatever a user typed.

/** Builds an element: h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [children]). */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  applyAttrs(element, attrs);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  applyAttrs(element, attrs);
  append(element, children);
  return element;
}

function applyAttrs(element, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'style') {
      // Through the CSSOM: the Content-Security-Policy refuses style attributes (inline styles).
      element.style.cssText = String(value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of {@code element}. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled form control: the label is tied to the control by id. */
export function field(labelText, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const parts = [h('label', { for: id }, labelText), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

export function select(attrs, options, selected) {
  return h('select', attrs, options.map((option) => {
    const [value, text] = Array.isArray(option) ? option : [option, option];
    return h('option', { value, selected: value === selected }, text);
  }));
}

/** Shows a short message in the live region (read out by screen readers). */
export function toast(message, kind) {
  const element = document.getElementById('toast');
  element.className = kind || '';
  element.textContent = message;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => {
    element.textContent = '';
    element.className = '';
  }, 6000);
}

/** An error box for a failed call, naming the problem the node gave. */
export function problemBox(error) {
  const problem = error && error.problem ? error.problem : {};
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, problem.title || 'Request failed'),
    problem.code ? h('code', {}, ` ${problem.code}`) : null,
    h('p', {}, error && error.message ? error.message : String(error)));
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The date part of an ISO instant. */
export const day = (instant) => (instant ? String(instant).slice(0, 10) : '');

/** A human form of an instant: the date, plus the time when it is not midnight UTC. */
export function when(instant) {
  if (!instant) {
    return '';
  }
  const text = String(instant).replace(/\.\d+Z$/, 'Z');
  return /T00:00:00Z$/.test(text) ? text.slice(0, 10) : text.replace('T', ' ').replace(/:00Z$/, 'Z');
}

export const label = (code) => String(code || '').replace(/_/g, ' ').toLowerCase();

/**
 * A party's levels in the scheme valid at {@code date} (YYYY-MM-DD), lowest first, as
 * {code: 'II', qualified: 'KOR:II', rank, nativeName, englishName}. Schemes change by date (Japan's 特定秘密
 * from 2014-12-10); the node lists every version.
 */
export function levelsAt(party, date) {
  const schemes = (party.schemes || []).slice().sort((a, b) => String(a.validFrom || '').localeCompare(String(b.validFrom || '')));
  let chosen = schemes[0];
  for (const scheme of schemes) {
    if (!scheme.validFrom || scheme.validFrom.slice(0, 10) <= date) {
      chosen = scheme;
    }
  }
  const levels = chosen ? chosen.levels || [] : party.levels || [];
  return levels.map((level) => {
    const text = String(level.code);
    const code = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text;
    return { ...level, code, qualified: `${party.code}:${code}` };
  });
}

/**
 * Names levels the way their owners write them: `KOR:II 군사 II급 비밀`, `JPN:GOKUHI 極秘`. Built once
 * from GET /api/v1/parties for a date (schemes change by date); a level the list does not know is shown
 * as its code alone.
 */
export function levelNamer(parties, date) {
  const names = new Map();
  for (const party of parties || []) {
    for (const level of levelsAt(party, date)) {
      if (level.nativeName) {
        names.set(level.qualified, level.nativeName);
      }
    }
  }
  return (qualified) => (qualified ? (names.has(qualified) ? `${qualified} ${names.get(qualified)}` : String(qualified)) : '');
}

/** "A, B and C". */
export function listing(words) {
  const list = (words || []).filter(Boolean);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
