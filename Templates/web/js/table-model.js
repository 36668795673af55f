// A table's written rows placed on its grid, the way the loader's TableGridPlacer places them
// (cells take the next free columns, rowspans hold theirs until a group row), so that rows and
// columns can be added, removed and merged and the rows written back. Typing in a cell does not
// come here: it writes the cell's text in place.
import { arabicDigits } from './dom.js';
import * as T from './tree.js';

/** A span written in the tree as a whole number ≥ 1 (Thai or Arabic digits), else 1. */
export function spanOf(v) {
  const n = Number.parseInt(arabicDigits(String(v ?? '1')).trim(), 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** A cell's text as the grid shows it: lines of a list cell joined by line breaks. */
export function cellText(cell) {
  if (T.isMapping(cell)) return cellText(T.child(cell, 'text'));
  if (Array.isArray(cell)) return cell.map((x) => (typeof x === 'string' ? x : '')).join('\n');
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : String(cell);
}

/** Whether a row is a group row ({group: …}). */
export function isGroup(row) {
  return T.isMapping(row) && T.has(row, 'group');
}

/** How many columns the table has (its columns, else its widest row). */
export function columnCount(table) {
  const cols = T.child(table, 'columns');
  if (Array.isArray(cols) && cols.length > 0) return cols.length;
  const rows = T.child(table, 'rows');
  if (!Array.isArray(rows)) return 0;
  return Math.max(0, ...rows.filter(Array.isArray).map((r) => r.reduce((n, c) => n + (T.isMapping(c) ? spanOf(T.child(c, 'colspan')) : 1), 0)));
}

/** The grid: per row either {group} or {slots, extra}; a slot is null (no cell written: the
 *  loader fills it with an empty one), an origin {cell, rowspan, colspan, orig} or {cover}. */
export function toModel(rows, width) {
  const model = rows.map((row) => (isGroup(row) ? { group: row } : { slots: new Array(width).fill(null), extra: [], raw: Array.isArray(row) ? null : row }));
  const until = new Array(rows.length + 1).fill(0);
  for (let r = rows.length - 1; r >= 0; r -= 1) until[r] = isGroup(rows[r]) ? 0 : until[r + 1] + 1;
  rows.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    let col = 0;
    let overflow = false;
    row.forEach((cell) => {
      const slots = model[r].slots;
      while (col < width && slots[col] !== null) col += 1;
      const rs = T.isMapping(cell) ? spanOf(T.child(cell, 'rowspan')) : 1;
      const cs = T.isMapping(cell) ? spanOf(T.child(cell, 'colspan')) : 1;
      if (overflow || col >= width || col + cs > width) { overflow = true; model[r].extra.push(cell); return; }
      const rowspan = Math.min(rs, until[r]);
      const origin = { cell, rowspan, colspan: cs, orig: { rowspan: rs, colspan: cs } };
      for (let rr = r; rr < r + rowspan; rr += 1) {
        for (let cc = col; cc < col + cs; cc += 1) model[rr].slots[cc] = rr === r && cc === col ? origin : { cover: origin };
      }
      col += cs;
    });
  });
  return model;
}

/** The written form of a placed cell: unchanged when its spans are, else its text with spans. */
function written(o) {
  if (o.rowspan === o.orig.rowspan && o.colspan === o.orig.colspan) return o.cell;
  const text = T.isMapping(o.cell) ? T.child(o.cell, 'text') ?? '' : o.cell ?? '';
  if (o.rowspan === 1 && o.colspan === 1) return text;
  const m = { text };
  if (o.rowspan > 1) m.rowspan = String(o.rowspan);
  if (o.colspan > 1) m.colspan = String(o.colspan);
  return m;
}

/** The rows written back from the grid (empty slots become empty cells). */
export function fromModel(model) {
  return model.map((m) => {
    if (m.group) return m.group;
    if (m.raw !== null && m.raw !== undefined) return m.raw;
    const cells = [];
    for (const s of m.slots) {
      if (s === null) cells.push('');
      else if (!s.cover) cells.push(written(s));
    }
    return cells.concat(m.extra);
  });
}

function origin(model, r, c) {
  const s = model[r] && model[r].slots ? model[r].slots[c] : null;
  if (!s) return null;
  return s.cover || s;
}

/** Where an origin sits: [row, column]. */
function placeOf(model, o) {
  for (let r = 0; r < model.length; r += 1) {
    const slots = model[r].slots;
    if (slots) { const c = slots.indexOf(o); if (c >= 0) return [r, c]; }
  }
  return [-1, -1];
}

function fresh(text = '') {
  return { cell: text, rowspan: 1, colspan: 1, orig: { rowspan: 1, colspan: 1 } };
}

function cover(model, o, r, c) {
  for (let rr = r; rr < r + o.rowspan; rr += 1) {
    for (let cc = c; cc < c + o.colspan; cc += 1) model[rr].slots[cc] = rr === r && cc === c ? o : { cover: o };
  }
}

/** A new row of empty cells before row `at`; cells spanning across that place grow by one. */
export function addRow(model, at, width) {
  const row = { slots: new Array(width).fill(null), extra: [], raw: null };
  const above = at > 0 ? model[at - 1] : null;
  const below = at < model.length ? model[at] : null;
  const grown = new Set();
  for (let c = 0; c < width; c += 1) {
    const o = above && above.slots ? origin(model, at - 1, c) : null;
    const continues = o && below && below.slots && origin(model, at, c) === o;
    if (continues) {
      row.slots[c] = { cover: o };
      if (!grown.has(o)) { o.rowspan += 1; grown.add(o); }
    } else {
      row.slots[c] = fresh();
    }
  }
  model.splice(at, 0, row);
}

/** Removes row r; a cell starting there moves down a row, one spanning it shrinks. */
export function removeRow(model, r) {
  const row = model[r];
  if (row.slots) {
    const seen = new Set();
    row.slots.forEach((s, c) => {
      const o = s && (s.cover || s);
      if (!o || seen.has(o)) return;
      seen.add(o);
      const [or, oc] = placeOf(model, o);
      o.rowspan -= 1;
      if (o.rowspan > 0 && or === r) cover(model, o, r + 1, oc);
    });
  }
  model.splice(r, 1);
}

/** A new empty column before column `at`; cells spanning across that place grow by one. */
export function addColumn(model, at, width) {
  const grown = new Set();
  for (const m of model) {
    if (!m.slots) continue;
    const left = at > 0 ? m.slots[at - 1] : null;
    const right = at < width ? m.slots[at] : null;
    const lo = left && (left.cover || left);
    const ro = right && (right.cover || right);
    if (lo && lo === ro) {
      m.slots.splice(at, 0, { cover: lo });
      if (!grown.has(lo)) { lo.colspan += 1; grown.add(lo); }
    } else {
      m.slots.splice(at, 0, fresh());
    }
  }
}

/** Removes column c; a cell starting there moves right a column, one spanning it shrinks. */
export function removeColumn(model, c) {
  const seen = new Set();
  for (let r = 0; r < model.length; r += 1) {
    const m = model[r];
    if (!m.slots) continue;
    const s = m.slots[c];
    const o = s && (s.cover || s);
    if (o && !seen.has(o)) {
      seen.add(o);
      const [or, oc] = placeOf(model, o);
      o.colspan -= 1;
      if (o.colspan > 0 && oc === c) cover(model, o, or, c + 1);
    }
  }
  for (const m of model) if (m.slots) m.slots.splice(c, 1);
}

/** Sets a cell's spans; cells it now covers give it their text, cells it no longer covers
 *  become empty ones. */
export function setSpans(model, r, c, rowspan, colspan) {
  const o = origin(model, r, c);
  if (!o) return;
  const [or, oc] = placeOf(model, o);
  let last = or;
  while (last + 1 < model.length && model[last + 1].slots && last + 1 < or + rowspan) last += 1;
  const rs = Math.max(1, last - or + 1);
  const cs = Math.max(1, Math.min(colspan, model[or].slots.length - oc));
  for (let rr = or; rr < or + o.rowspan; rr += 1) {
    for (let cc = oc; cc < oc + o.colspan; cc += 1) model[rr].slots[cc] = null;
  }
  o.rowspan = rs;
  o.colspan = cs;
  const absorbed = [];
  for (let rr = or; rr < or + rs; rr += 1) {
    for (let cc = oc; cc < oc + cs; cc += 1) {
      const other = origin(model, rr, cc);
      if (other && other !== o && !absorbed.includes(other)) absorbed.push(other);
    }
  }
  for (const other of absorbed) {
    const [ar, ac] = placeOf(model, other);
    for (let rr = ar; rr < ar + other.rowspan; rr += 1) {
      for (let cc = ac; cc < ac + other.colspan; cc += 1) model[rr].slots[cc] = null;
    }
    const text = cellText(other.cell);
    if (text.trim() !== '') o.cell = joinText(o.cell, text);
  }
  cover(model, o, or, oc);
  for (const m of model) if (m.slots) for (let cc = 0; cc < m.slots.length; cc += 1) if (m.slots[cc] === null) m.slots[cc] = fresh();
}

function joinText(cell, text) {
  const base = cellText(cell);
  const joined = base.trim() === '' ? text : `${base}\n${text}`;
  if (T.isMapping(cell)) return T.put(T.clone(cell), 'text', joined);
  return joined;
}

/** Sets the text of the cell at a grid place (its origin's), keeping the cell's form. */
export function setText(model, r, c, text) {
  const o = origin(model, r, c);
  if (!o) return;
  if (T.isMapping(o.cell)) o.cell = T.put(T.clone(o.cell), 'text', text);
  else if (Array.isArray(o.cell)) o.cell = text.split('\n').filter((s) => s !== '');
  else o.cell = text;
}

/** Makes a group row a row of cells (its text in the first) or a row of cells a group row. */
export function toggleGroup(model, r, width) {
  const m = model[r];
  if (m.group) {
    const text = cellText(T.child(m.group, 'group'));
    model[r] = { slots: Array.from({ length: width }, (_, c) => fresh(c === 0 ? text : '')), extra: [], raw: null };
    return;
  }
  const texts = [];
  const seen = new Set();
  for (const s of m.slots || []) {
    if (!s || s.cover || seen.has(s)) continue;
    seen.add(s);
    const t = cellText(s.cell).trim();
    if (t) texts.push(t.replace(/\n/g, ' '));
  }
  removeRowSpansAt(model, r);
  model[r] = { group: { group: texts.join(' ') } };
}

function removeRowSpansAt(model, r) {
  const m = model[r];
  if (!m.slots) return;
  m.slots.forEach((s) => {
    const o = s && (s.cover || s);
    if (!o) return;
    const [or] = placeOf(model, o);
    if (or < r) o.rowspan = r - or;
  });
}

/** Room for `rows` rows from row r and `cols` columns from column c: rows and columns are added
 *  at the ends; the columns added are returned (titles to add to `columns`). */
export function ensureRoom(model, r, c, rows, cols, width) {
  let w = width;
  while (c + cols > w) { addColumn(model, w, w); w += 1; }
  while (r + rows > model.length) addRow(model, model.length, w);
  for (let rr = r; rr < r + rows; rr += 1) if (model[rr].group) toggleGroup(model, rr, w);
  return w - width;
}
