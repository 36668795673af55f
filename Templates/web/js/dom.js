// Small helpers for building the form: one element a call, with its attributes and children.

/** Makes an element: h('button', {type: 'button', class: 'small', on: {click}}, 'text', child…). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'on') for (const [ev, f] of Object.entries(v)) el.addEventListener(ev, f);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = Boolean(v);
    else if (k === 'style') el.setAttribute('style', v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Removes every child. */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Arabic digits as Thai digits. */
export function thaiDigits(s) {
  return String(s).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

/** Thai digits as Arabic digits. */
export function arabicDigits(s) {
  return String(s).replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

let ids = 0;
/** A fresh element id. */
export function newId(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** The element with this name in `root` (names are key paths, which may hold any character). */
export function byName(root, name) {
  return root.querySelector(`[name="${CSS.escape(name)}"]`);
}
