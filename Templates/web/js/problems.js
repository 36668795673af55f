// The document's problems, in Thai: listed in #problems (a box of fixed height), and written in
// the message slot of the field each one's key names (or of the nearest block or section that
// holds it). Each listed problem takes the clerk to its field.
import { byName, clear, h } from './dom.js';

let current = [];
let form = null;
let box = null;

/** Where the problems go. */
export function setUpProblems(formRoot, problemsBox) {
  form = formRoot;
  box = problemsBox;
}

/** The control a key path names, or the nearest holder of it (a block, a section). */
export function placeOf(key) {
  if (!key || !form) return null;
  const parts = key.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const name = parts.slice(0, n).join('.');
    const control = byName(form, name);
    if (control) return { control, holder: control.closest('.field, .block, .table-editor, fieldset') };
    const holder = form.querySelector(`[data-path="${CSS.escape(name)}"]`);
    if (holder) return { control: holder.querySelector('textarea, input:not([type=file]), select, input, button'), holder };
  }
  return null;
}

function slotOf(place) {
  if (!place) return null;
  const control = place.control;
  const described = control && control.getAttribute('aria-describedby');
  const slot = described ? document.getElementById(described.split(' ')[0]) : null;
  if (slot) return slot;
  const holder = place.holder;
  return holder ? holder.querySelector(':scope > .label > .msg, :scope > .block-head > .msg, :scope > .grid-tools > .msg') : null;
}

/** Shows a list of problems ({key, message_th, …}); an empty list says there are none. */
export function showProblems(problems, { note = null } = {}) {
  current = problems;
  render(note);
  mark();
}

/** Marks the fields again (after the form was rebuilt). */
export function markAgain() {
  mark();
}

/** The service's Thai message, said the way a form says it where the message is about YAML. */
export function thaiMessage(p) {
  const text = p.message_th || p.message || '';
  const empty = /^'[^']+' \(([^)]+)\) ว่างอยู่ ต้องเขียนข้อความต่อจากเครื่องหมาย :$/.exec(text);
  if (empty) return `${empty[1]} ว่างอยู่ ต้องกรอก`;
  const missing = /^ขาดหัวข้อ '[^']+' \(([^)]+)\) ซึ่งต้องมี$/.exec(text);
  if (missing) return `ยังไม่ได้กรอก${missing[1]} ซึ่งต้องมี`;
  return text;
}

function render(note) {
  clear(box);
  if (current.length === 0) {
    box.append(h('p', { class: 'none' }, note || 'ไม่พบปัญหา เอกสารพร้อมพิมพ์'));
    box.dataset.count = '0';
    return;
  }
  box.dataset.count = String(current.length);
  const ul = h('ul', {});
  for (const p of current) {
    const text = thaiMessage(p);
    const item = h('li', { dataset: { key: p.key || '' } },
      h('button', { type: 'button', class: 'link', on: { click: () => goTo(p.key) } }, text),
      p.key ? h('span', { class: 'where' }, ` (${p.key})`) : null);
    ul.append(item);
  }
  box.append(ul);
}

function mark() {
  if (!form) return;
  for (const el of form.querySelectorAll('[aria-invalid=true]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.msg')) { el.textContent = ''; el.removeAttribute('title'); }
  for (const p of current) {
    const place = placeOf(p.key);
    if (!place) continue;
    if (place.control) place.control.setAttribute('aria-invalid', 'true');
    const slot = slotOf(place);
    if (slot && !slot.textContent) {
      slot.textContent = thaiMessage(p);
      slot.title = slot.textContent;
    }
  }
}

/** Focuses the field of a key and scrolls it into view. */
export function goTo(key) {
  const place = placeOf(key);
  if (!place || !place.control) return;
  place.control.focus({ preventScroll: true });
  place.control.scrollIntoView({ block: 'center' });
}
