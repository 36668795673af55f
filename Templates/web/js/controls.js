// Form controls bound to the tree: each control's name is the key path it edits, and its
// `sarabanSet` writes a typed value back (main.js calls it on every input event).
import { h, newId } from './dom.js';
import * as T from './tree.js';
import { editor } from './state.js';
import { fileNamed, keepFile } from './files.js';
import { parseISO, printedDate } from './thaidate.js';

/** A labelled field: the label line also holds the field's problem (a slot of fixed height). */
export function field(label, control, { required = false, hint = null, path = null, cls = '' } = {}) {
  const id = control.id || newId();
  const msgId = `${id}-msg`;
  const target = control.matches('input, textarea, select') ? control : control.querySelector('input:not([type=file]), textarea, select, input');
  if (target) {
    target.id = target.id || id;
    target.setAttribute('aria-describedby', msgId);
  }
  return h('div', { class: `field ${cls}`.trim(), dataset: path ? { path: T.pathName(path) } : {} },
    h('div', { class: 'label' },
      h('label', { for: target ? target.id : id }, h('span', { class: 'lbl' }, label),
        required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
      hint ? h('span', { class: 'hint' }, hint) : null,
      h('span', { class: 'msg', id: msgId })),
    control);
}

function scalarText(v) {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : String(v);
}

/** A text: an input, or a textarea that grows (`multiline`). Optional texts left empty are
 *  removed from the tree; required ones stay as "" so the check names them. */
export function textControl(path, { required = false, multiline = false, long = false, placeholder = null, onEmpty = null, label = null } = {}) {
  const name = T.pathName(path);
  const el = multiline
    ? h('textarea', { name, rows: long ? 3 : 1, class: long ? 'long' : null, placeholder, spellcheck: 'false', 'aria-label': label })
    : h('input', { type: 'text', name, placeholder, spellcheck: 'false', 'aria-label': label });
  if (required) el.setAttribute('aria-required', 'true');
  el.value = scalarText(T.get(editor.tree, path));
  el.sarabanSet = (value) => {
    if (value === '' && onEmpty) onEmpty();
    else if (value === '' && !required) T.remove(editor.tree, path);
    else T.set(editor.tree, path, value);
  };
  return el;
}

/** A number kept as the text typed (the loader reads Thai or Arabic digits). */
export function numberControl(path, { placeholder = null, label = null } = {}) {
  const el = textControl(path, { placeholder, label });
  el.setAttribute('inputmode', 'decimal');
  return el;
}

/** One text or several lines (อ้างถึง, ตำแหน่ง): a line each. One line is written as one text
 *  unless the tree already held a list. */
export function linesControl(path, { placeholder = null } = {}) {
  const name = T.pathName(path);
  const el = h('textarea', { name, rows: 1, placeholder, spellcheck: 'false' });
  el.value = T.linesOf(T.get(editor.tree, path)).join('\n');
  el.sarabanSet = (value) => {
    const items = value.split('\n').filter((s) => s.trim() !== '');
    const wasList = Array.isArray(T.get(editor.tree, path));
    if (items.length === 0) T.remove(editor.tree, path);
    else if (items.length === 1 && !wasList) T.set(editor.tree, path, items[0]);
    else T.set(editor.tree, path, items);
  };
  return el;
}

/** A choice; the default choice removes the key (the loader's default is the same). */
export function selectControl(path, options, defaultValue) {
  const name = T.pathName(path);
  const current = T.get(editor.tree, path);
  const el = h('select', { name });
  const values = options.map(([v]) => v);
  for (const [v, label] of options) el.append(h('option', { value: v }, label));
  if (typeof current === 'string' && !values.includes(current)) el.append(h('option', { value: current }, current));
  el.value = typeof current === 'string' ? current : defaultValue;
  el.sarabanSet = (value) => {
    if (value === defaultValue) T.remove(editor.tree, path);
    else T.set(editor.tree, path, value);
  };
  return el;
}

/** วันที่: a date picker, and beside it the date as it will print (Buddhist Era, the style's
 *  digits). "พิมพ์เอง" takes any other text, printed as written. */
export function dateControl(path, digits) {
  const name = T.pathName(path);
  const value = scalarText(T.get(editor.tree, path));
  const free = value !== '' && !parseISO(value);
  const printed = h('output', { class: 'printed-date', 'aria-live': 'polite' });
  const input = h('input', { type: free ? 'text' : 'date', name, value, min: '1900-01-01', max: '2399-12-31' });
  const show = (v) => {
    const d = parseISO(v);
    printed.textContent = d ? `พิมพ์เป็น ${printedDate(v, digits)}` : (v ? 'พิมพ์ตามที่เขียน' : '');
    if (d && d.year > 2400) printed.textContent = `ปีนี้เป็น พ.ศ. หรือไม่ ให้เลือกปี ค.ศ. (${printedDate(v, digits)})`;
  };
  input.sarabanSet = (v) => {
    show(v);
    if (v === '') T.remove(editor.tree, path);
    else T.set(editor.tree, path, v);
  };
  const toggle = h('input', { type: 'checkbox', checked: free });
  toggle.addEventListener('change', () => {
    input.type = toggle.checked ? 'text' : 'date';
    if (!toggle.checked && !parseISO(input.value)) input.value = '';
    input.focus();
  });
  show(value);
  return h('div', { class: 'date-line' }, input, printed, h('label', {}, toggle, ' พิมพ์วันที่เอง'));
}

const urls = new WeakMap();
/** One object URL a kept file (the form is rebuilt often; its thumbnails must not pile up). */
function blobURL(blob) {
  if (!urls.has(blob)) urls.set(blob, URL.createObjectURL(blob));
  return urls.get(blob);
}

/** A file the document names (ตราครุฑ, ภาพลายมือชื่อ, แฟ้มตาราง): chosen once, kept in the
 *  browser, and sent with every request. */
export function fileControl(path, { accept, image = false, onChosen = null } = {}) {
  const name = T.pathName(path);
  const current = scalarText(T.get(editor.tree, path));
  const kept = current ? fileNamed(current) : null;
  const input = h('input', { type: 'file', name, accept, 'aria-label': current ? `เปลี่ยนแฟ้ม ${current}` : 'เลือกแฟ้ม' });
  const label = current
    ? h('span', { class: 'file-name' }, current, kept ? '' : ' (ยังไม่มีแฟ้มนี้ในเครื่องนี้ เลือกแฟ้มอีกครั้ง)')
    : h('span', { class: 'file-name' }, 'ยังไม่ได้เลือกแฟ้ม');
  const thumb = image && kept ? h('img', { alt: '', src: blobURL(kept) }) : null;
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    await keepFile(file.name, file);
    T.set(editor.tree, path, file.name);
    if (onChosen) onChosen(file);
    editor.changed(input);
    editor.rebuild(name);
  });
  const drop = current ? h('button', {
    type: 'button', class: 'small danger', 'aria-label': 'ไม่ใช้แฟ้มนี้',
    on: { click: () => { T.remove(editor.tree, path); editor.changed(drop); editor.rebuild(name); } },
  }, 'ไม่ใช้') : null;
  return h('div', { class: 'file-line' }, thumb, label, filePicker(input, current ? 'เปลี่ยนแฟ้ม…' : 'เลือกแฟ้ม…'), drop);
}

/** A file input dressed as a Thai button (the browser's own says "Choose File" in its language). */
export function filePicker(input, text) {
  input.classList.add('file-overlay');
  return h('label', { class: 'button file-button' }, h('span', { 'aria-hidden': 'true' }, text), input);
}

/** The slot a block's (or a table's) problem is written in: one line beside its title. */
export function msgSlot() {
  return h('span', { class: 'msg', id: newId('msg') });
}

/** Points a control at the message slot of its block. */
export function describedBy(control, slot) {
  if (control && !control.hasAttribute('aria-describedby')) control.setAttribute('aria-describedby', slot.id);
  return control;
}

/** A small button. */
export function button(text, onClick, { label = null, cls = 'small', disabled = false } = {}) {
  return h('button', { type: 'button', class: cls, 'aria-label': label, title: label, disabled, on: { click: onClick } }, text);
}
