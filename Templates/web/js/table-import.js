// Imports a table file (Excel, LibreOffice, Word, CSV …) into the grid: the service reads it with
// the readers a `source:` table uses (POST /v1/table) and answers the inline table's columns and
// rows, merged cells and group rows included. The rows then belong to the document: the clerk
// edits them as if typed, and the file itself is not kept.
import { h, thaiDigits } from './dom.js';
import * as T from './tree.js';
import { editor } from './state.js';
import { call, failure } from './api.js';
import { filePicker } from './controls.js';

const ACCEPT = '.xlsx,.xlsm,.ods,.docx,.csv,.tsv,.md';

/** The import control of the table at `path`; `cellName(r, c)` names a grid cell to focus. */
export function importControl(path, cellName) {
  const input = h('input', { type: 'file', name: `import:${T.pathName(path)}`, accept: ACCEPT, 'aria-label': 'นำตารางจากแฟ้มมาแก้ในตารางนี้' });
  const sheet = h('input', { type: 'text', class: 'import-which', name: `import-sheet:${T.pathName(path)}`, placeholder: 'แผ่นงานที่', 'aria-label': 'แผ่นงาน (Excel) หรือตารางที่ (Word) ที่จะนำเข้า' });
  const note = h('span', { class: 'msg import-msg', role: 'status' });
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    if (!empty(T.get(editor.tree, path)) && !window.confirm('แทนแถวที่พิมพ์ไว้ด้วยตารางจากแฟ้มนี้หรือไม่')) return;
    note.textContent = `กำลังอ่าน ${file.name}…`;
    const result = await read(file, sheet.value.trim());
    if (result.message) {
      note.textContent = result.message;
      editor.status(result.message);
      return;
    }
    T.set(editor.tree, [...path, 'columns'], T.child(result.table, 'columns'));
    T.set(editor.tree, [...path, 'rows'], T.child(result.table, 'rows'));
    editor.changed(null);
    const rows = T.child(result.table, 'rows');
    editor.status(`นำเข้าตารางจาก ${file.name} ${thaiDigits(rows.length)} แถว × ${thaiDigits(T.child(result.table, 'columns').length)} คอลัมน์`);
    editor.rebuild(cellName(0, 0));
  });
  return h('div', { class: 'file-line' }, h('span', { class: 'kept' }, 'นำเข้าจากแฟ้มมาแก้ต่อ (Excel, Word, CSV):'),
    sheet, filePicker(input, 'นำเข้าตาราง…'), note);
}

/** Whether the table's rows hold no text yet (a new table's empty cells). */
function empty(table) {
  const text = (v) => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.some(text)
    : T.isMapping(v) ? T.entries(v).some(([k, x]) => k !== 'rowspan' && k !== 'colspan' && text(x)) : false);
  return !text(T.child(table, 'rows'));
}

/** The service's reading of the file: { table } or { message } in Thai. */
async function read(file, which) {
  const form = new FormData();
  form.append('file', file, file.name);
  const word = /\.docx?m?$/i.test(file.name);
  const query = which ? `?${word ? 'table' : 'sheet'}=${encodeURIComponent(which)}` : '';
  let response;
  try {
    response = await call(`/v1/table${query}`, { method: 'POST', body: form });
  } catch {
    return { message: 'ติดต่อเครื่องบริการไม่ได้ ลองใหม่อีกครั้ง' };
  }
  if (!response.ok) {
    const f = await failure(response);
    return { message: f.problems ? f.problems.map((p) => p.message_th || p.message).join(' · ') : f.message };
  }
  return { table: T.parseTree(await response.text()) };
}
