// The table editor: a grid of growing text boxes (a line break starts a new paragraph in the
// cell), column titles and widths above, group rows across, spans shown as merged cells. A
// paste from Excel, LibreOffice or Word (an HTML table or tab-separated text) fills rows and
// cells from the focused one, adding rows and columns as needed. A table read from a file
// (source:) shows the file and its options instead of rows.
import { arabicDigits, h, thaiDigits } from './dom.js';
import * as T from './tree.js';
import { editor } from './state.js';
import { button, field, fileControl, filePicker, msgSlot, numberControl, textControl } from './controls.js';
import * as M from './table-model.js';
import { clipboardTable, placed } from './paste.js';
import { keepFile } from './files.js';
import { importControl } from './table-import.js';

const SOURCE_ACCEPT = '.csv,.tsv,.md,.txt,.xlsx,.xlsm,.ods,.docx';
const OFFICE_KEYS = ['sheet', 'range', 'header_rows', 'table'];

/** A new table: two columns, two empty rows. */
export function newTable() {
  return { columns: [{ title: '', width: '1' }, { title: '', width: '1' }], rows: [['', ''], ['', '']] };
}

export function tableEditor(path) {
  const table = T.get(editor.tree, path);
  if (!T.isMapping(table)) return h('pre', { class: 'raw', 'data-raw': T.pathName(path) }, T.toJSON(table));
  if (T.has(table, 'source')) return sourceEditor(path, table);
  return gridEditor(path, table);
}

function sourceEditor(path, table) {
  const wrap = h('div', { class: 'table-source' },
    field('แฟ้มข้อมูล (CSV, TSV, Markdown, Excel, LibreOffice, Word)', fileControl([...path, 'source'], { accept: SOURCE_ACCEPT }), { path: [...path, 'source'], required: true }),
    h('div', { class: 'row2' },
      field('แผ่นงาน', textControl([...path, 'sheet'], { placeholder: 'แผ่นแรก' }), { path: [...path, 'sheet'], hint: 'ชื่อหรือลำดับ' }),
      field('ช่วงเซลล์', textControl([...path, 'range'], { placeholder: 'ทุกเซลล์ที่ใช้' }), { path: [...path, 'range'], hint: 'เช่น A2:F40' })),
    h('div', { class: 'row2' },
      field('แถวหัวตาราง', numberControl([...path, 'header_rows'], { placeholder: '1' }), { path: [...path, 'header_rows'] }),
      field('ตารางที่ (Word)', numberControl([...path, 'table'], { placeholder: '1' }), { path: [...path, 'table'] })));
  if (Array.isArray(T.child(table, 'columns'))) wrap.append(h('p', { class: 'kept' }, 'หัวคอลัมน์และความกว้าง'), columnsOnly(path, table));
  wrap.append(button('พิมพ์ตารางเองแทนแฟ้ม', () => {
    const width = Math.max(2, M.columnCount(table));
    for (const k of ['source', ...OFFICE_KEYS]) T.remove(editor.tree, [...path, k]);
    if (!Array.isArray(T.child(table, 'columns'))) T.set(editor.tree, [...path, 'columns'], Array.from({ length: width }, () => ({ title: '', width: '1' })));
    T.set(editor.tree, [...path, 'rows'], [new Array(width).fill('')]);
    editor.changed(null);
    editor.rebuild(T.pathName([...path, 'rows', 0, 0]));
  }, { cls: '' }));
  return wrap;
}

function columnsOnly(path, table) {
  const cols = T.child(table, 'columns');
  const tr = h('tr', {}, cols.map((_, c) => columnHead(path, c, null)));
  return h('div', { class: 'grid-wrap' }, h('table', { class: 'grid' }, h('thead', {}, tr)));
}

function columnHead(path, c, onPaste) {
  const colPath = [...path, 'columns', c];
  const col = T.get(editor.tree, colPath);
  const n = thaiDigits(c + 1);
  const titlePath = T.isMapping(col) ? [...colPath, 'title'] : colPath;
  const title = textControl(titlePath, { placeholder: `หัวคอลัมน์ ${n}`, label: `หัวคอลัมน์ที่ ${n}` });
  if (!T.isMapping(col)) title.sarabanSet = (v) => T.set(editor.tree, colPath, v);
  const width = h('input', { type: 'text', inputmode: 'decimal', name: T.pathName([...colPath, 'width']), placeholder: '1', 'aria-label': `ความกว้างคอลัมน์ที่ ${n}` });
  width.value = T.isMapping(col) && T.child(col, 'width') != null ? String(T.child(col, 'width')) : '';
  width.sarabanSet = (v) => {
    const current = T.get(editor.tree, colPath);
    const m = T.isMapping(current) ? current : { title: typeof current === 'string' ? current : '' };
    if (v.trim() === '') { if (T.isMapping(current)) T.remove(editor.tree, [...colPath, 'width']); return; }
    T.set(editor.tree, colPath, T.put(m, 'width', v));
  };
  if (onPaste) title.addEventListener('paste', (e) => onPaste(e, -1, c));
  return h('th', { scope: 'col', dataset: { col: c } }, title, h('label', { class: 'width' }, 'กว้าง', width));
}

function gridEditor(path, table) {
  const rowsPath = [...path, 'rows'];
  const rows = T.child(table, 'rows');
  if (rows !== undefined && !Array.isArray(rows)) return h('pre', { class: 'raw', 'data-raw': T.pathName(path) }, T.toJSON(table));
  if (!Array.isArray(T.child(table, 'columns'))) {
    return h('div', {}, h('p', { class: 'kept' }, 'ตารางนี้ยังไม่มีหัวคอลัมน์ (columns)'), button('เพิ่มหัวคอลัมน์', () => {
      T.set(editor.tree, [...path, 'columns'], Array.from({ length: Math.max(1, M.columnCount(table)) }, () => ({ title: '', width: '1' })));
      editor.changed(null);
      editor.rebuild(T.pathName([...path, 'columns', 0, 'title']));
    }, { cls: '' }));
  }
  const width = M.columnCount(table);
  const model = M.toModel(rows || [], width);
  const at = { r: 0, c: 0 };
  const slot = msgSlot();
  const spans = { rowspan: spanInput('รวมแถว'), colspan: spanInput('รวมคอลัมน์') };
  const op = (f, focus) => {
    const m = M.toModel(T.get(editor.tree, rowsPath) || [], M.columnCount(T.get(editor.tree, path)));
    f(m);
    T.set(editor.tree, rowsPath, M.fromModel(m));
    editor.changed(null);
    editor.rebuild(focus ? focus() : null);
  };
  const cellName = (r, c) => `cell:${T.pathName(rowsPath)}:${r}:${c}`;
  const columns = () => T.get(editor.tree, [...path, 'columns']);
  const tools = h('div', { class: 'grid-tools', role: 'toolbar', 'aria-label': 'เครื่องมือตาราง' },
    button('+ แถวบน', () => op((m) => M.addRow(m, at.r, width), () => cellName(at.r, at.c))),
    button('+ แถวล่าง', () => op((m) => M.addRow(m, at.r + 1, width), () => cellName(at.r + 1, at.c))),
    button('ลบแถว', () => op((m) => { if (m.length > 1) M.removeRow(m, at.r); }, () => cellName(Math.max(0, at.r - 1), at.c)), { cls: 'small danger' }),
    button('+ คอลัมน์ซ้าย', () => op((m) => { M.addColumn(m, at.c, width); columns().splice(at.c, 0, { title: '', width: '1' }); }, () => cellName(at.r, at.c))),
    button('+ คอลัมน์ขวา', () => op((m) => { M.addColumn(m, at.c + 1, width); columns().splice(at.c + 1, 0, { title: '', width: '1' }); }, () => cellName(at.r, at.c + 1))),
    button('ลบคอลัมน์', () => op((m) => { if (width > 1) { M.removeColumn(m, at.c); columns().splice(at.c, 1); } }, () => cellName(at.r, Math.max(0, at.c - 1))), { cls: 'small danger' }),
    button('แถวหัวข้อกลุ่ม', () => op((m) => M.toggleGroup(m, at.r, width), () => cellName(at.r, 0)), { label: 'ทำแถวนี้เป็นแถวหัวข้อกลุ่ม หรือกลับเป็นแถวธรรมดา' }),
    spans.rowspan.label, spans.colspan.label, slot);
  const setSpans = () => op((m) => M.setSpans(m, at.r, at.c, M.spanOf(spans.rowspan.input.value), M.spanOf(spans.colspan.input.value)), () => cellName(at.r, at.c));
  spans.rowspan.input.addEventListener('change', setSpans);
  spans.colspan.input.addEventListener('change', setSpans);
  const onPaste = (e, r, c) => paste(e, { path, rowsPath, width, r, c, cellName });
  const head = h('tr', {}, h('th', { class: 'rowhead', 'aria-hidden': 'true' }), columns().map((_, c) => columnHead(path, c, onPaste)));
  const body = h('tbody', {}, model.map((m, r) => gridRow(rowsPath, model, m, r, width, onPaste)));
  const widths = columns().map(colWidth);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const grid = h('table', { class: 'grid', 'aria-label': 'ตาราง', style: `min-width:${2.2 + 7 * widths.length}rem` },
    h('colgroup', {}, h('col', { class: 'rowhead-col' }), widths.map((w) => h('col', { style: `width:${((w / total) * 100).toFixed(2)}%` }))),
    h('thead', {}, head), body);
  grid.addEventListener('focusin', (e) => {
    const td = e.target.closest('td[data-row]');
    if (!td) return;
    at.r = Number(td.dataset.row);
    at.c = Number(td.dataset.col);
    const o = model[at.r] && model[at.r].slots ? model[at.r].slots[at.c] : null;
    spans.rowspan.input.value = o && !o.cover ? String(o.rowspan) : '1';
    spans.colspan.input.value = o && !o.cover ? String(o.colspan) : '1';
    for (const k of ['rowspan', 'colspan']) spans[k].input.name = td.dataset.key ? `${td.dataset.key}.${k}` : '';
  });
  for (const c of grid.querySelectorAll('textarea, input')) if (!c.hasAttribute('aria-describedby')) c.setAttribute('aria-describedby', slot.id);
  return h('div', { class: 'table-editor', dataset: { path: T.pathName(path) } }, tools, h('div', { class: 'grid-wrap' }, grid),
    h('p', { class: 'kept' }, 'วางตารางจาก Excel หรือ Word ได้ที่ช่องใดก็ได้ (Ctrl+V) · Enter ขึ้นย่อหน้าใหม่ในช่อง · Tab ไปช่องถัดไป'),
    importControl(path, cellName), fromFile(path));
}

/** Reads the table from a file instead (CSV, Excel, Word …): the rows typed here are dropped. */
function fromFile(path) {
  const input = h('input', { type: 'file', name: T.pathName([...path, 'source']), accept: SOURCE_ACCEPT, 'aria-label': 'ใช้ตารางจากแฟ้มแทน' });
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    if (!window.confirm('ใช้ตารางจากแฟ้มนี้แทนแถวที่พิมพ์ไว้หรือไม่')) return;
    await keepFile(file.name, file);
    T.remove(editor.tree, [...path, 'rows']);
    T.set(editor.tree, [...path, 'source'], file.name);
    editor.changed(null);
    editor.rebuild(T.pathName([...path, 'source']));
  });
  return h('div', { class: 'file-line' }, h('span', { class: 'kept' }, 'หรือใช้ตารางจากแฟ้มแทน (CSV, Excel, LibreOffice, Word):'),
    filePicker(input, 'เลือกแฟ้มตาราง…'));
}

/** A column's relative width as written (1 when it is not a number). */
function colWidth(col) {
  const w = T.isMapping(col) ? Number.parseFloat(arabicDigits(String(T.child(col, 'width') ?? '1'))) : 1;
  return Number.isFinite(w) && w > 0 ? Math.min(w, 100) : 1;
}

function spanInput(text) {
  const input = h('input', { type: 'number', min: '1', max: '1000', step: '1', value: '1' });
  return { input, label: h('label', {}, text, input) };
}

function gridRow(rowsPath, model, m, r, width, onPaste) {
  const n = thaiDigits(r + 1);
  const tr = h('tr', { class: m.group ? 'group' : null }, h('th', { class: 'rowhead', scope: 'row' }, n));
  if (m.group) {
    const ta = textControl([...rowsPath, r, 'group'], { multiline: true, label: `แถวหัวข้อกลุ่มที่ ${n}` });
    ta.dataset.cell = `cell:${T.pathName(rowsPath)}:${r}:0`;
    tr.append(h('td', { colspan: width, dataset: { row: r, col: 0 } }, ta));
    return tr;
  }
  let k = 0;
  m.slots.forEach((s, c) => {
    if (s && s.cover) return;
    tr.append(cellTd(rowsPath, r, k, c, s, onPaste, n));
    k += 1;
  });
  for (const cell of m.extra) {
    tr.append(cellTd(rowsPath, r, k, width, { cell, rowspan: 1, colspan: 1 }, onPaste, n));
    k += 1;
  }
  return tr;
}

function cellTd(rowsPath, r, k, c, s, onPaste, n) {
  const written = T.get(editor.tree, [...rowsPath, r]);
  const exists = Array.isArray(written) && k < written.length;
  const cell = exists ? written[k] : '';
  const keyPath = T.isMapping(cell) ? [...rowsPath, r, k, 'text'] : [...rowsPath, r, k];
  const ta = h('textarea', { name: T.pathName(keyPath), rows: 1, spellcheck: 'false', 'aria-label': `แถว ${n} คอลัมน์ ${thaiDigits(c + 1)}` });
  ta.value = M.cellText(cell);
  ta.dataset.cell = `cell:${T.pathName(rowsPath)}:${r}:${c}`;
  ta.sarabanSet = (value) => writeCell(rowsPath, r, k, value);
  ta.addEventListener('paste', (e) => onPaste(e, r, c));
  const spanned = s && (s.rowspan > 1 || s.colspan > 1);
  return h('td', {
    rowspan: s && s.rowspan > 1 ? s.rowspan : null, colspan: s && s.colspan > 1 ? s.colspan : null,
    class: [spanned ? 'spanned' : '', s && s.rowspan > 1 ? 'rowspanned' : ''].join(' ').trim() || null,
    dataset: { row: r, col: c, key: T.pathName([...rowsPath, r, k]) },
  }, ta);
}

/** Writes a cell's text in place: a list cell stays a list (a line each), a {text, …} cell
 *  keeps its spans; a place with no written cell yet gets the empty cells before it. */
function writeCell(rowsPath, r, k, value) {
  let row = T.get(editor.tree, [...rowsPath, r]);
  if (!Array.isArray(row)) { row = []; T.set(editor.tree, [...rowsPath, r], row); }
  while (row.length <= k) row.push('');
  const cell = row[k];
  const lines = () => value.split('\n').filter((s) => s !== '');
  if (T.isMapping(cell)) row[k] = T.put(cell, 'text', Array.isArray(T.child(cell, 'text')) ? lines() : value);
  else if (Array.isArray(cell)) row[k] = lines();
  else row[k] = value;
}

/** A paste of a table from the clipboard at row r, column c (r = -1: the column titles). */
function paste(e, ctx) {
  const rows = e.clipboardData ? clipboardTable(e.clipboardData) : null;
  if (!rows) return;
  e.preventDefault();
  const { grid, width: w, height } = placed(rows);
  let top = 0;
  let startRow = ctx.r;
  const columns = T.get(editor.tree, [...ctx.path, 'columns']);
  if (ctx.r < 0) {
    grid[0].forEach((cell, j) => {
      const c = ctx.c + j;
      if (!cell) return;
      while (columns.length <= c) columns.push({ title: '', width: '1' });
      const col = columns[c];
      columns[c] = T.isMapping(col) ? T.put(col, 'title', cell.text) : cell.text;
    });
    top = 1;
    startRow = 0;
  }
  const current = M.columnCount(T.get(editor.tree, ctx.path));
  const model = M.toModel(T.get(editor.tree, ctx.rowsPath) || [], current);
  const added = M.ensureRoom(model, startRow, ctx.c, height - top, w, current);
  for (let i = 0; i < added; i += 1) columns.push({ title: '', width: '1' });
  const wide = current + added;
  for (let i = top; i < height; i += 1) {
    for (let j = 0; j < w; j += 1) {
      const cell = grid[i] && grid[i][j];
      if (!cell) continue;
      const r = startRow + i - top;
      const c = ctx.c + j;
      M.setSpans(model, r, c, 1, 1);
      M.setText(model, r, c, cell.text);
      if (cell.rowspan > 1 || cell.colspan > 1) M.setSpans(model, r, c, cell.rowspan, cell.colspan);
    }
  }
  groupWideRows(model, grid, top, startRow, ctx.c, wide);
  T.set(editor.tree, ctx.rowsPath, M.fromModel(model));
  editor.changed(null);
  editor.status(`วางข้อมูล ${thaiDigits(height - top)} แถว × ${thaiDigits(w)} คอลัมน์`);
  editor.rebuild(ctx.cellName(startRow, ctx.c));
}

/** A pasted row that is one cell across the whole table (Excel's merged ตัวชี้วัด row) is a group row. */
function groupWideRows(model, grid, top, startRow, c0, width) {
  if (c0 !== 0) return;
  for (let i = top; i < grid.length; i += 1) {
    const cells = (grid[i] || []).filter(Boolean);
    if (cells.length === 1 && grid[i][0] && grid[i][0].colspan >= width && width > 1) M.toggleGroup(model, startRow + i - top, width);
  }
}
