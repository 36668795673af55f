// The memo's form, built from the tree: a field for every key of DOCUMENT-FORMAT.md, labelled
// with its Thai name; keys the form has no control for are listed at the end and kept.
import { clear, h, thaiDigits } from './dom.js';
import * as T from './tree.js';
import { editor } from './state.js';
import { button, dateControl, field, fileControl, linesControl, numberControl, selectControl, textControl } from './controls.js';
import { blocksEditor } from './blocks.js';

const M = (k) => ['memo', k];
const PICTURES = '.png,.svg,image/png,image/svg+xml';

/** Builds the whole form into `root`. */
export function renderForm(root) {
  clear(root);
  root.append(
    h('ul', { class: 'toc', 'aria-label': 'ส่วนของแบบฟอร์ม' },
      [['sec-head', 'ส่วนหัว'], ['sec-body', 'เนื้อความ'], ['sec-end', 'ท้ายบันทึก'], ['sec-comments', 'ความเห็น'],
        ['sec-attachments', 'สิ่งที่แนบ'], ['sec-style', 'รูปแบบ']].map(([id, t]) => h('li', {}, h('a', { href: `#${id}` }, t)))),
    headSection(), bodySection(), endSection(), commentsSection(), attachmentsSection(), styleSection());
  root.append(keptSection(root));
}

function section(id, title, ...children) {
  return h('fieldset', { class: 'section', id }, h('legend', {}, title), ...children);
}

function digits() {
  const d = T.get(editor.tree, ['style', 'digits']);
  return d === 'arabic' ? 'arabic' : 'thai';
}

function headSection() {
  return section('sec-head', 'ส่วนหัว',
    field('ส่วนราชการ', textControl(M('agency'), { required: true, multiline: true }), { required: true, path: M('agency') }),
    h('div', { class: 'row2' },
      field('ที่', textControl(M('ref'), { required: true }), { required: true, path: M('ref') }),
      field('โทร.', textControl(M('phone'), { placeholder: 'ไม่บังคับ' }), { path: M('phone'), hint: 'พิมพ์ต่อท้ายส่วนราชการ' })),
    field('วันที่', dateControl(M('date'), digits()), { path: M('date') }),
    field('เรื่อง', textControl(M('subject'), { required: true, multiline: true }), { required: true, path: M('subject') }),
    field('เรียน', textControl(M('to'), { required: true, multiline: true }), { required: true, path: M('to') }),
    field('อ้างถึง', linesControl(M('references'), { placeholder: 'ไม่บังคับ' }), { path: M('references'), hint: 'บรรทัดละหนึ่งรายการ' }),
    field('สิ่งที่ส่งมาด้วย', linesControl(M('enclosures'), { placeholder: 'ไม่บังคับ' }), { path: M('enclosures'), hint: 'บรรทัดละหนึ่งรายการ' }));
}

function bodySection() {
  return section('sec-body', 'เนื้อความ', h('div', { dataset: { path: 'memo.body' } }, blocksEditor(M('body'), { what: 'เนื้อความ' })));
}

function endSection() {
  const sig = ['memo', 'signature'];
  const sigName = textControl([...sig, 'name'], {
    onEmpty: () => {
      const s = T.get(editor.tree, sig);
      const others = T.isMapping(s) ? T.entries(s).filter(([k, v]) => k !== 'name' && v !== '' && v !== null && !(Array.isArray(v) && v.length === 0)) : [];
      if (others.length === 0) T.remove(editor.tree, sig);
      else T.set(editor.tree, [...sig, 'name'], '');
    },
  });
  return section('sec-end', 'ท้ายบันทึก',
    field('คำลงท้าย', textControl(M('closing'), { multiline: true, placeholder: 'เช่น จึงเรียนมาเพื่อโปรดทราบ' }), { path: M('closing') }),
    h('fieldset', { class: 'item', dataset: { path: 'memo.signature' } }, h('legend', {}, 'ลายมือชื่อ'),
      field('ชื่อ', sigName, { path: [...sig, 'name'], hint: 'พิมพ์ในวงเล็บ' }),
      field('ตำแหน่ง', linesControl([...sig, 'position']), { path: [...sig, 'position'], hint: 'บรรทัดละหนึ่งบรรทัด' }),
      field('ภาพลายมือชื่อ', fileControl([...sig, 'image'], { accept: PICTURES, image: true }), { path: [...sig, 'image'], hint: 'PNG หรือ SVG ไม่บังคับ' })));
}

/** A list of items (comments, attachments) with add, remove and move. */
function itemTools(listPath, i, count, what, focusOf, addId) {
  const move = (by) => {
    const list = T.get(editor.tree, listPath);
    [list[i], list[i + by]] = [list[i + by], list[i]];
    editor.changed(null);
    editor.rebuild(focusOf(i + by));
  };
  const n = thaiDigits(i + 1);
  return h('div', { class: 'block-head' },
    button('↑', () => move(-1), { label: `ย้าย${what}ที่ ${n} ขึ้น`, disabled: i === 0 }),
    button('↓', () => move(1), { label: `ย้าย${what}ที่ ${n} ลง`, disabled: i === count - 1 }),
    button('ลบ', () => {
      if (!window.confirm(`ลบ${what}ที่ ${n} หรือไม่`)) return;
      const list = T.get(editor.tree, listPath);
      list.splice(i, 1);
      if (list.length === 0) T.remove(editor.tree, listPath);
      editor.changed(null);
      editor.rebuild(addId);
    }, { label: `ลบ${what}ที่ ${n}`, cls: 'small danger' }));
}

function listOf(path) {
  const v = T.get(editor.tree, path);
  return Array.isArray(v) ? v : null;
}

function commentsSection() {
  const path = M('comments');
  const list = listOf(path);
  const items = (list || []).map((c, i) => {
    const p = [...path, i];
    const n = thaiDigits(i + 1);
    if (!T.isMapping(c)) return h('pre', { class: 'raw', 'data-raw': T.pathName(p) }, T.toJSON(c));
    return h('fieldset', { class: 'item', dataset: { path: T.pathName(p) } }, h('legend', {}, `ความเห็นที่ ${n}`),
      itemTools(path, i, list.length, 'ความเห็น', (j) => T.pathName([...path, j, 'title']), '#add-comment'),
      field('หัวข้อ', textControl([...p, 'title'], { required: true, multiline: true }), { required: true, path: [...p, 'title'], hint: 'เช่น ความเห็นหัวหน้าสำนักปลัด' }),
      h('div', { class: 'row2' },
        field('ชื่อ', textControl([...p, 'name']), { path: [...p, 'name'] }),
        field('บรรทัดเขียนความเห็น', numberControl([...p, 'lines'], { placeholder: '2' }), { path: [...p, 'lines'], hint: '0–30' })),
      field('ตำแหน่ง', linesControl([...p, 'position']), { path: [...p, 'position'] }));
  });
  const add = button('+ เพิ่มความเห็น', () => {
    const l = listOf(path) || [];
    l.push({ title: '', name: '', position: '' });
    T.set(editor.tree, path, l);
    editor.changed(null);
    editor.rebuild(T.pathName([...path, l.length - 1, 'title']));
  }, { cls: '' });
  add.id = 'add-comment';
  return section('sec-comments', 'ความเห็น', h('div', { dataset: { path: 'memo.comments' } }, items), add);
}

function attachmentsSection() {
  const path = ['attachments'];
  const list = listOf(path);
  const items = (list || []).map((a, i) => {
    const p = [...path, i];
    const n = thaiDigits(i + 1);
    if (!T.isMapping(a)) return h('pre', { class: 'raw', 'data-raw': T.pathName(p) }, T.toJSON(a));
    return h('fieldset', { class: 'item', dataset: { path: T.pathName(p) } }, h('legend', {}, `สิ่งที่แนบ ${n}`),
      itemTools(path, i, list.length, 'สิ่งที่แนบ', (j) => T.pathName([...path, j, 'title']), '#add-attachment'),
      field('หัวข้อ', textControl([...p, 'title'], { required: true, multiline: true }), { required: true, path: [...p, 'title'], hint: 'ขึ้นบรรทัดใหม่ได้' }),
      field('แนวกระดาษ', selectControl([...p, 'orientation'], [['portrait', 'แนวตั้ง'], ['landscape', 'แนวนอน']], 'portrait'), { path: [...p, 'orientation'], cls: 'narrow' }),
      h('div', { dataset: { path: T.pathName([...p, 'content']) } },
        blocksEditor([...p, 'content'], { kinds: ['paragraph', 'heading', 'list', 'table', 'chart'], what: 'เนื้อหาของสิ่งที่แนบ' })));
  });
  const add = button('+ เพิ่มสิ่งที่แนบ', () => {
    const l = listOf(path) || [];
    l.push({ title: '', content: [''] });
    T.set(editor.tree, path, l);
    editor.changed(null);
    editor.rebuild(T.pathName([...path, l.length - 1, 'title']));
  }, { cls: '' });
  add.id = 'add-attachment';
  return section('sec-attachments', 'สิ่งที่แนบ', h('div', { dataset: { path: 'attachments' } }, items), add);
}

function styleSection() {
  const s = (k) => ['style', k];
  return section('sec-style', 'รูปแบบ',
    field('ตราครุฑ', fileControl(s('emblem'), { accept: PICTURES, image: true }), { path: s('emblem'), hint: 'PNG หรือ SVG เลือกครั้งเดียว เครื่องนี้จำไว้ใช้ครั้งต่อไป' }),
    h('div', { class: 'row2' },
      field('ตัวเลข', selectControl(s('digits'), [['thai', 'เลขไทย ๑ ๒ ๓'], ['arabic', 'เลขอารบิก 1 2 3']], 'thai'), { path: s('digits') }),
      field('แบบอักษร', textControl(s('font'), { placeholder: 'ค่าเริ่มต้น: TH SarabunIT๙ …' }), { path: s('font') })));
}

/** A dotted name back as a path (numbers are list places where the tree has a list). */
function keyPath(name) {
  const path = [];
  let v = editor.tree;
  for (const k of name.split('.')) {
    const key = Array.isArray(v) && /^[0-9]+$/.test(k) ? Number(k) : k;
    path.push(key);
    v = T.child(v, key);
  }
  return path;
}

/** Every value of the tree no control edits: listed so the clerk knows it is kept. */
function keptSection(root) {
  const covered = new Set([...root.querySelectorAll('[name]')].map((e) => e.getAttribute('name')));
  for (const e of root.querySelectorAll('[data-raw]')) covered.add(e.dataset.raw);
  const kept = [];
  const walk = (v, path) => {
    for (let n = path.length; n > 0; n -= 1) if (covered.has(T.pathName(path.slice(0, n)))) return;
    // A cell's spans are set with the grid's รวมแถว and รวมคอลัมน์.
    if (/^(rowspan|colspan)$/.test(String(path[path.length - 1])) && covered.has(T.pathName([...path.slice(0, -1), 'text']))) return;
    if (v !== null && typeof v === 'object') {
      const pairs = Array.isArray(v) ? v.map((x, i) => [i, x]) : T.entries(v);
      if (pairs.length === 0 && path.length > 0) kept.push(T.pathName(path));
      for (const [k, x] of pairs) walk(x, [...path, k]);
      return;
    }
    kept.push(T.pathName(path));
  };
  walk(editor.tree, []);
  if (kept.length === 0) return h('p', { class: 'kept', id: 'kept-keys', tabindex: '-1' });
  return h('div', { class: 'kept', id: 'kept-keys', tabindex: '-1' }, 'ค่าที่แบบฟอร์มนี้ไม่มีช่องให้แก้ จะคงไว้ตามเดิมเมื่อบันทึก: ',
    kept.slice(0, 40).map((k, i) => [i ? ', ' : '', h('span', { class: 'kept-key', 'data-path': k }, h('code', {}, k), ' ', button('ลบ', () => {
      T.remove(editor.tree, keyPath(k));
      editor.changed(null);
      editor.rebuild('#kept-keys');
    }, { label: `ลบค่า ${k}`, cls: 'small danger' }))]), kept.length > 40 ? ` และอีก ${kept.length - 40} ค่า` : '');
}
