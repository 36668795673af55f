// What is being edited, on its page: the text around the caret is looked for in the lines the
// preview lists for each page (white space, markup and the kind of digits set aside), the line
// is marked and its page scrolled into view. A field whose text is not found (empty, or not yet
// refreshed) shows its section's first page.
import { arabicDigits } from './dom.js';
import { currentPages } from './preview.js';
import { printedDate } from './thaidate.js';

function normalize(s) {
  return arabicDigits(String(s).normalize('NFC')).replace(/\*\*|__/g, '').replace(/[\s\u00a0\u200b]/g, '');
}

/** The section a key path belongs to: 0 for the memo, k for attachment k−1. */
function sectionOf(name) {
  const m = /^attachments\.([0-9]+)/.exec(name || '');
  return m ? Number(m[1]) + 1 : 0;
}

function searchable(control) {
  if (control.type === 'date') return printedDate(control.value, 'arabic');
  return control.value || '';
}

let marked = null;

/** Marks the line of the focused control's caret and shows its page. */
export function locate(control, preview) {
  const pages = currentPages();
  if (!control || !control.name || pages.length === 0) return;
  const section = sectionOf(control.name);
  const found = find(pages, section, searchable(control), caret(control));
  const page = found ? found.page : pages.find((p) => p.section === section);
  if (marked && marked !== (found && found.page.mark)) marked.classList.remove('on');
  if (!page || !page.box) return;
  if (found && page.mark) {
    const line = found.line;
    const s = page.mark.style;
    s.left = `${(line.x / page.width) * 100}%`;
    s.top = `${(line.y / page.height) * 100}%`;
    s.width = `${(Math.max(line.width, 8) / page.width) * 100}%`;
    s.height = `${(line.height / page.height) * 100}%`;
    page.mark.classList.add('on');
    marked = page.mark;
    scrollInto(preview, page.box, (line.y + line.height / 2) / page.height);
  } else {
    scrollInto(preview, page.box, 0);
  }
}

function caret(control) {
  try {
    return typeof control.selectionStart === 'number' ? control.selectionStart : control.value.length;
  } catch {
    return (control.value || '').length;
  }
}

/** The page and line where the caret's text is; null when the text is not on the pages. The
 *  field is found by its beginning (on its own section if it is there); the caret by the few
 *  letters before it (or after it), the occurrence nearest after the field's beginning: a
 *  table's cells are drawn line by line across the row, so a cell's text is not one run. */
function find(pages, section, value, at) {
  const full = normalize(value);
  if (full.length < 2) return null;
  const lines = [];
  let all = '';
  for (const p of pages) {
    for (const line of p.lines || []) {
      lines.push({ page: p, line, start: all.length });
      all += normalize(line.text);
    }
  }
  const start = fieldStart(all, lines, full, section);
  if (start < 0) return null;
  const before = normalize(value.slice(0, at));
  const after = normalize(value.slice(at));
  if (before.length === 0) return lineAt(lines, start);
  for (const n of [10, 6, 3]) {
    const b = before.slice(-n);
    const i = nearest(all, b, start);
    if (b.length >= Math.min(n, before.length) && i >= 0) return lineAt(lines, i + b.length - 1);
    const f = after.slice(0, n);
    const j = f.length >= 2 ? nearest(all, f, start) : -1;
    if (j >= 0) return lineAt(lines, j);
  }
  return lineAt(lines, start);
}

/** Where the field's text begins: the place the most of it follows, its own section first. */
function fieldStart(all, lines, full, section) {
  const head = full.slice(0, Math.min(full.length, 12));
  let start = -1;
  let best = -1;
  for (let i = all.indexOf(head); i >= 0; i = all.indexOf(head, i + 1)) {
    const entry = lineAt(lines, i);
    let n = head.length;
    while (n < full.length && all[i + n] === full[n]) n += 1;
    const score = n + (entry && entry.page.section === section ? full.length + 1 : 0);
    if (score > best) { best = score; start = i; }
  }
  return start;
}

/** The occurrence of `text` at or after `from` nearest to it, else the last before it. */
function nearest(all, text, from) {
  if (!text) return -1;
  const after = all.indexOf(text, from);
  if (after >= 0) return after;
  return all.lastIndexOf(text, from);
}

function lineAt(lines, i) {
  let found = null;
  for (const l of lines) {
    if (l.start <= i) found = l; else break;
  }
  return found;
}

/** Scrolls the preview so that a point of a page (a fraction of its height) is in view, only
 *  when it is not already: the pages stay still while the clerk types on one line. */
function scrollInto(preview, box, fraction) {
  const y = box.offsetTop + box.offsetHeight * fraction;
  const top = preview.scrollTop;
  const bottom = top + preview.clientHeight;
  const margin = Math.min(80, preview.clientHeight / 4);
  if (y >= top + margin && y <= bottom - margin) return;
  preview.scrollTo({ top: Math.max(0, y - preview.clientHeight / 3) });
}
