// The body (and an attachment's content) as a list of blocks: paragraph, heading, numbered list,
// and in attachments table and bar chart. Add, insert, remove, move (buttons or Alt+↑/↓), change
// kind. A block the form cannot show (a mapping of two kinds, a list) is kept and shown as text.
import { h, thaiDigits } from './dom.js';
import * as T from './tree.js';
import { editor } from './state.js';
import { button, describedBy, msgSlot, textControl } from './controls.js';
import { tableEditor, newTable } from './table.js';
import { chartEditor, newChart } from './chart.js';

export const KIND_NAMES = { paragraph: 'ย่อหน้า', heading: 'หัวข้อย่อย', list: 'รายการ', table: 'ตาราง', chart: 'แผนภูมิ', raw: 'ส่วนที่แก้ในแบบฟอร์มไม่ได้' };
const TEXT_KINDS = ['paragraph', 'heading', 'list'];

/** What a block is: a bare text or a one-key mapping of a known kind; anything else is raw. */
export function blockKind(b) {
  if (typeof b === 'string' || b === null || b === undefined) return 'paragraph';
  if (T.isMapping(b)) {
    const keys = T.entries(b).map(([k]) => k);
    if (keys.length === 1 && KIND_NAMES[keys[0]] && keys[0] !== 'raw') return keys[0];
  }
  return 'raw';
}

/** A block's text, for changing its kind. */
function blockText(b) {
  const kind = blockKind(b);
  if (typeof b === 'string') return b;
  if (kind === 'heading' || kind === 'paragraph') return typeof T.child(b, kind) === 'string' ? T.child(b, kind) : '';
  if (kind === 'list') return T.linesOf(T.child(b, 'list')).join('\n');
  return '';
}

function withKind(b, kind) {
  const text = blockText(b);
  if (kind === 'paragraph') return text;
  if (kind === 'heading') return { heading: text.replace(/\n+/g, ' ') };
  return { list: text === '' ? [''] : text.split('\n') };
}

function newBlock(kind) {
  if (kind === 'table') return { table: newTable() };
  if (kind === 'chart') return { chart: newChart() };
  return withKind('', kind);
}

/** The editor of the block list at `path`; `kinds` are the kinds that may be added. */
export function blocksEditor(path, { kinds = TEXT_KINDS, what = 'ย่อหน้า' } = {}) {
  const list = T.get(editor.tree, path);
  const name = T.pathName(path);
  if (list !== undefined && !Array.isArray(list)) {
    return h('div', { class: 'kept', dataset: { path: name } }, `${name} ไม่ใช่รายการ จึงแก้ในแบบฟอร์มไม่ได้ (คงไว้ตามเดิม): `,
      h('pre', { class: 'raw', 'data-raw': name }, T.toJSON(list)));
  }
  const blocks = list || [];
  const ul = h('ol', { class: 'blocks', dataset: { path: name }, 'aria-label': what });
  blocks.forEach((b, i) => ul.append(blockItem(path, blocks, i, kinds)));
  const adders = h('div', { class: 'adders' },
    kinds.map((k) => button(`+ ${KIND_NAMES[k]}`, () => insert(path, blocks.length, newBlock(k)), { label: `เพิ่ม${KIND_NAMES[k]}ท้าย${what}`, cls: '' })));
  return h('div', { class: 'blocks-editor' }, ul, adders);
}

function insert(path, at, block) {
  const list = T.get(editor.tree, path);
  if (Array.isArray(list)) list.splice(at, 0, block);
  else T.set(editor.tree, path, [block]);
  editor.changed(null);
  editor.rebuild(firstControlName([...path, at], block));
}

/** The name of the first control of a block, to focus after it is made or moved. */
function firstControlName(p, block) {
  const kind = blockKind(block);
  if (typeof block === 'string' || block === null) return T.pathName(p);
  if (kind === 'list') return T.pathName([...p, 'list', 0]);
  if (kind === 'table') return T.pathName([...p, 'table', 'columns', 0, 'title']);
  if (kind === 'chart') return T.pathName([...p, 'chart', 'title']);
  return T.pathName([...p, kind]);
}

/** Moves block i of the list at `path` by `by` places (keyboard: Alt+↑ / Alt+↓). */
export function moveBlock(path, i, by, { fromKeyboard = false } = {}) {
  const list = T.get(editor.tree, path);
  const j = i + by;
  if (!Array.isArray(list) || j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j], list[i]];
  editor.changed(null);
  editor.rebuild(fromKeyboard ? firstControlName([...path, j], list[j]) : `move:${T.pathName([...path, j])}:${by < 0 ? 'up' : 'down'}`);
}

function blockItem(path, blocks, i, kinds) {
  const b = blocks[i];
  const p = [...path, i];
  const kind = blockKind(b);
  const number = thaiDigits(i + 1);
  const slot = msgSlot();
  const head = h('div', { class: 'block-head' }, h('span', { class: 'kind' }, `${KIND_NAMES[kind]} ${number}`), slot);
  if (TEXT_KINDS.includes(kind)) {
    const select = h('select', { 'aria-label': `ชนิดของส่วนที่ ${number}` },
      TEXT_KINDS.map((k) => h('option', { value: k }, KIND_NAMES[k])));
    select.value = kind;
    select.addEventListener('change', () => {
      blocks[i] = withKind(blocks[i], select.value);
      editor.changed(null);
      editor.rebuild(firstControlName(p, blocks[i]));
    });
    head.append(select);
  }
  head.append(
    button('↑', () => moveBlock(path, i, -1), { label: `ย้ายส่วนที่ ${number} ขึ้น`, disabled: i === 0 }),
    button('↓', () => moveBlock(path, i, 1), { label: `ย้ายส่วนที่ ${number} ลง`, disabled: i === blocks.length - 1 }),
    button('+ แทรก', () => insert(path, i + 1, ''), { label: `แทรกย่อหน้าต่อจากส่วนที่ ${number}` }),
    button('ลบ', () => {
      blocks.splice(i, 1);
      editor.changed(null);
      const k = Math.min(i, blocks.length - 1);
      editor.rebuild(blocks.length ? firstControlName([...path, k], blocks[k]) : null);
    }, { label: `ลบส่วนที่ ${number}`, cls: 'small danger' }));
  const body = blockBody(p, b, kind, `${KIND_NAMES[kind]} ${number}`);
  for (const c of body.matches('textarea, input') ? [body] : body.querySelectorAll(':scope > ol textarea')) describedBy(c, slot);
  const li = h('li', { class: 'block', dataset: { path: T.pathName(p), kind }, 'data-index': i }, head, body);
  li.sarabanMove = (by) => moveBlock(path, i, by, { fromKeyboard: true });
  return li;
}

function blockBody(p, b, kind, label) {
  if (kind === 'paragraph' && (typeof b !== 'object' || b === null)) {
    return textControl(p, { multiline: true, long: true, required: true, label });
  }
  if (kind === 'paragraph') return textControl([...p, 'paragraph'], { multiline: true, long: true, required: true, label });
  if (kind === 'heading') return textControl([...p, 'heading'], { required: true, label });
  if (kind === 'list') return listItems([...p, 'list'], label);
  if (kind === 'table') return tableEditor([...p, 'table']);
  if (kind === 'chart') return chartEditor([...p, 'chart']);
  return h('div', {}, h('p', { class: 'kept' }, 'ส่วนนี้แก้ในแบบฟอร์มไม่ได้ แต่จะคงไว้ตามเดิมเมื่อบันทึก'), h('pre', { class: 'raw', 'data-raw': T.pathName(p) }, T.toJSON(b)));
}

/** A numbered list: one growing text box an item. */
function listItems(path, label) {
  const items = T.get(editor.tree, path);
  if (!Array.isArray(items)) return h('pre', { class: 'raw', 'data-raw': T.pathName(path) }, T.toJSON(items));
  const ol = h('ol', { class: 'list-items', dataset: { path: T.pathName(path) } });
  items.forEach((_, j) => {
    const n = thaiDigits(j + 1);
    ol.append(h('li', { class: 'list-item' }, h('span', { class: 'num', 'aria-hidden': 'true' }, `${n}.`),
      textControl([...path, j], { multiline: true, required: true, label: `${label} ข้อ ${n}` }),
      button('ลบ', () => {
        items.splice(j, 1);
        editor.changed(null);
        editor.rebuild(T.pathName([...path, Math.max(0, Math.min(j, items.length - 1))]));
      }, { label: `ลบข้อ ${n}`, cls: 'small danger' })));
  });
  const add = button('+ เพิ่มข้อ', () => {
    items.push('');
    editor.changed(null);
    editor.rebuild(T.pathName([...path, items.length - 1]));
  }, { label: 'เพิ่มข้อในรายการ' });
  return h('div', {}, ol, add);
}
