// The editor page: the draft is read back (or a new memo made), the form built, and every edit
// written to the tree, to the draft and to the preview. The bar's commands: open, new memo,
// drafts, download PDF and YAML, print.
import { byName, h, thaiDigits } from './dom.js';
import { editor } from './state.js';
import * as T from './tree.js';
import { openFiles, keepFile } from './files.js';
import { currentDraftId, listDrafts, loadDraft, newDraftId, rememberAgency, saveDraft, starterMemo } from './drafts.js';
import { renderForm } from './form.js';
import { markAgain, setUpProblems, showProblems } from './problems.js';
import { resetPreview, schedule, setUpPreview } from './preview.js';
import { locate } from './locate.js';
import { failure, parseFile, post } from './api.js';

const form = document.getElementById('form');
const statusLine = document.getElementById('status');
const preview = document.getElementById('preview');
const draftsSelect = document.getElementById('drafts');
const DOCUMENT_FILE = /\.(ya?ml|json)$/i;

function say(text, bad = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('bad', bad);
  statusLine.title = text;
}

/** Writes the draft now: nothing typed is lost to a reload or a closed tab. */
function keep() {
  if (!saveDraft(editor.draftId, editor.tree, editor.name)) say('พื้นที่เก็บร่างในเบราว์เซอร์เต็ม ให้บันทึกเป็นแฟ้ม YAML ไว้', true);
  rememberAgency(editor.tree);
}

editor.onChange = () => {
  keep();
  schedule();
};
editor.status = (text) => say(text);

/** Rebuilds the form, keeping its scroll, and focuses a control by name (or a move button). */
editor.onRebuild = (focus) => {
  const scroll = form.scrollTop;
  renderForm(form);
  markAgain();
  fillDrafts();
  form.scrollTop = scroll;
  if (focus) focusNamed(focus);
};

function focusNamed(focus) {
  let el = null;
  const move = /^move:(.*):(up|down)$/.exec(focus);
  if (move) {
    const block = form.querySelector(`[data-path="${CSS.escape(move[1])}"]`);
    el = block && block.querySelector(`.block-head button[aria-label*="${move[2] === 'up' ? 'ขึ้น' : 'ลง'}"]:not(:disabled)`);
    el = el || (block && block.querySelector('textarea, input'));
  } else if (focus.startsWith('#')) {
    el = document.getElementById(focus.slice(1));
  } else if (focus.startsWith('cell:')) {
    el = form.querySelector(`[data-cell="${CSS.escape(focus)}"]`);
  } else {
    el = byName(form, focus);
  }
  if (el) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }
}

form.addEventListener('input', (e) => {
  const el = e.target;
  if (typeof el.sarabanSet !== 'function' || el.type === 'file') return;
  el.sarabanSet(el.value);
  editor.changed(el);
});
form.addEventListener('submit', (e) => e.preventDefault());

// What is being edited is shown on its page: on focus, caret moves and after each refresh.
let focused = null;
form.addEventListener('focusin', (e) => { focused = e.target; locate(focused, preview); });
document.addEventListener('selectionchange', () => {
  if (focused && document.activeElement === focused) locate(focused, preview);
});

form.addEventListener('keydown', (e) => {
  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
  const block = e.target.closest('.block');
  if (!block || typeof block.sarabanMove !== 'function') return;
  e.preventDefault();
  block.sarabanMove(e.key === 'ArrowUp' ? -1 : 1);
});

/** Starts editing a tree: a new draft unless `id` names the draft it is. */
function load(tree, { id = null, name = null } = {}) {
  editor.tree = T.isMapping(tree) ? tree : { memo: {} };
  editor.draftId = id || newDraftId();
  editor.name = name;
  resetPreview();
  showProblems([], { note: 'กำลังตรวจเอกสาร…' });
  renderForm(form);
  form.scrollTop = 0;
  preview.scrollTop = 0;
  keep();
  fillDrafts();
  schedule({ now: true });
}

function fillDrafts() {
  const drafts = listDrafts();
  draftsSelect.replaceChildren(h('option', { value: '' }, `ร่างที่เก็บไว้ (${thaiDigits(drafts.length)})`),
    ...drafts.map((d) => h('option', { value: d.id }, `${d.id === editor.draftId ? '● ' : ''}${d.title} · ${new Date(d.saved).toLocaleString('th-TH', { dateStyle: 'short', timeStyle: 'short' })}`)));
  draftsSelect.value = '';
}

draftsSelect.addEventListener('change', () => {
  const id = draftsSelect.value;
  if (!id || id === editor.draftId) { draftsSelect.value = ''; return; }
  const d = loadDraft(id);
  if (d) { load(d.tree, { id, name: d.name }); say(`เปิดร่าง "${listDrafts().find((x) => x.id === id)?.title || ''}"`); }
});

document.getElementById('new-memo').addEventListener('click', () => {
  keep();
  load(starterMemo());
  say('บันทึกใหม่จากค่าของหน่วยงานที่ใช้ล่าสุด ร่างก่อนหน้าเก็บไว้ในรายการร่าง');
  focusNamed('memo.subject');
});

const openInput = document.querySelector('input[type=file][name=open]');
openInput.addEventListener('change', async () => {
  const files = [...(openInput.files || [])];
  openInput.value = '';
  const docs = files.filter((f) => DOCUMENT_FILE.test(f.name));
  for (const f of files.filter((x) => !DOCUMENT_FILE.test(x.name))) await keepFile(f.name, f);
  if (docs.length === 0) {
    if (files.length) { say(`เก็บแฟ้ม ${files.map((f) => f.name).join(', ')} ไว้แล้ว`); editor.rebuild(null); schedule({ now: true }); }
    return;
  }
  say(`กำลังเปิด ${docs[0].name}…`);
  try {
    const read = await parseFile(docs[0]);
    if (read.failed) {
      showProblems(read.failed.problems || [{ key: null, message_th: read.failed.message }]);
      say(`เปิด ${docs[0].name} ไม่ได้ ดูปัญหาที่กรอบด้านขวา`, true);
      return;
    }
    keep();
    load(T.parseTree(read.text), { name: docs[0].name.replace(DOCUMENT_FILE, '') });
    say(`เปิด ${docs[0].name} แล้ว`);
  } catch (e) {
    say('ติดต่อเครื่องบริการไม่ได้ เปิดแฟ้มไม่ได้', true);
    console.warn(e);
  }
});

function baseName() {
  const subject = editor.tree.memo && typeof editor.tree.memo.subject === 'string' ? editor.tree.memo.subject : '';
  const name = editor.name || subject.slice(0, 60) || 'บันทึกข้อความ';
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'บันทึกข้อความ';
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, style: 'display:none' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The PDF from /v1/render (the same bytes `saraban render` writes), or null with the problems shown. */
async function pdf() {
  const response = await post('/v1/render', editor.tree);
  if (response.ok) return response.blob();
  const why = await failure(response);
  if (why.problems) showProblems(why.problems);
  say(why.problems ? 'ยังทำ PDF ไม่ได้ แก้ปัญหาที่แสดงก่อน' : why.message, true);
  return null;
}

async function downloadPDF() {
  say('กำลังทำแฟ้ม PDF…');
  try {
    const blob = await pdf();
    if (!blob) return;
    download(blob, `${baseName()}.pdf`);
    say(`ดาวน์โหลด ${baseName()}.pdf แล้ว`);
  } catch (e) {
    say('ติดต่อเครื่องบริการไม่ได้', true);
  }
}

async function downloadYAML() {
  try {
    const response = await post('/v1/yaml', editor.tree);
    if (!response.ok) { const why = await failure(response); say(why.message || 'บันทึก YAML ไม่ได้', true); return; }
    download(new Blob([await response.text()], { type: 'application/yaml' }), `${baseName()}.yaml`);
    say(`บันทึก ${baseName()}.yaml แล้ว (แฟ้มภาพและแฟ้มตารางที่อ้างถึงต้องอยู่โฟลเดอร์เดียวกัน)`);
  } catch (e) {
    say('ติดต่อเครื่องบริการไม่ได้', true);
  }
}

/** Prints the PDF itself (the browser's PDF viewer in a hidden frame), not the preview's pictures. */
async function print() {
  say('กำลังเตรียมพิมพ์…');
  try {
    const blob = await pdf();
    if (!blob) return;
    const frame = document.getElementById('print-frame');
    const url = URL.createObjectURL(blob);
    frame.onload = () => {
      say('เปิดหน้าต่างพิมพ์แล้ว');
      try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch { window.open(url, '_blank'); }
    };
    frame.dataset.pdf = url;
    frame.src = url;
  } catch (e) {
    say('ติดต่อเครื่องบริการไม่ได้', true);
  }
}

document.getElementById('download-pdf').addEventListener('click', downloadPDF);
document.getElementById('download-yaml').addEventListener('click', downloadYAML);
document.getElementById('print').addEventListener('click', print);
document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey)) return;
  const key = e.key.toLowerCase();
  if (key === 's') { e.preventDefault(); if (e.shiftKey) downloadPDF(); else downloadYAML(); }
  if (key === 'p') { e.preventDefault(); print(); }
});
window.addEventListener('pagehide', keep);
window.addEventListener('resize', () => schedule());

/** The tree as JSON in its order, for scripts driving the page. */
window.sarabanTree = () => T.toJSON(editor.tree);

async function start() {
  setUpProblems(form, document.getElementById('problems'));
  setUpPreview(preview, document.getElementById('page-count'), document.getElementById('preview-state'),
    () => { if (focused && document.activeElement === focused) locate(focused, preview); });
  await openFiles();
  const id = currentDraftId();
  const draft = id ? loadDraft(id) : null;
  if (draft) load(draft.tree, { id, name: draft.name });
  else load(starterMemo());
  document.body.dataset.ready = 'true';
}

start();
