// Drafts in this browser's localStorage: every change is written at once, so a reload or a
// closed tab loses nothing. The last values of the agency (ส่วนราชการ, ที่, เรียน, ลายมือชื่อ,
// ความเห็น, รูปแบบ) are kept apart, for "บันทึกใหม่".
import { clone, parseTree, toJSON } from './tree.js';

const INDEX = 'saraban.drafts.v1';
const CURRENT = 'saraban.current.v1';
const AGENCY = 'saraban.agency.v1';
const PREFIX = 'saraban.draft.v1.';
const MAX_DRAFTS = 20;

function readJSON(key, fallback) {
  try {
    const s = localStorage.getItem(key);
    return s === null ? fallback : JSON.parse(s);
  } catch {
    return fallback;
  }
}

/** The drafts kept, newest first: {id, title, saved, name}. */
export function listDrafts() {
  const list = readJSON(INDEX, []);
  return Array.isArray(list) ? list.filter((d) => d && typeof d.id === 'string') : [];
}

/** A kept draft: {tree, name}, or null. */
export function loadDraft(id) {
  const text = localStorage.getItem(PREFIX + id);
  if (text === null) return null;
  try {
    const meta = listDrafts().find((d) => d.id === id);
    return { tree: parseTree(text), name: meta ? meta.name : null };
  } catch {
    return null;
  }
}

/** Writes a draft; false when the browser's storage is full even after dropping old drafts. */
export function saveDraft(id, tree, name) {
  const text = toJSON(tree);
  const title = (tree && tree.memo && typeof tree.memo.subject === 'string' && tree.memo.subject.trim()) || 'ไม่มีชื่อเรื่อง';
  const list = listDrafts().filter((d) => d.id !== id);
  list.unshift({ id, title: title.slice(0, 80), saved: Date.now(), name: name || null });
  for (;;) {
    try {
      localStorage.setItem(PREFIX + id, text);
      localStorage.setItem(INDEX, JSON.stringify(list.slice(0, MAX_DRAFTS)));
      localStorage.setItem(CURRENT, id);
      break;
    } catch {
      const dropped = list.length > 1 ? list.pop() : null;
      if (!dropped) return false;
      localStorage.removeItem(PREFIX + dropped.id);
    }
  }
  for (const old of list.slice(MAX_DRAFTS)) localStorage.removeItem(PREFIX + old.id);
  return true;
}

/** The draft open when the page was last used. */
export function currentDraftId() {
  return localStorage.getItem(CURRENT);
}

/** A new draft's id. */
export function newDraftId() {
  return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** `ปข ๗๕๐๐๑/๔๑๒` → `ปข ๗๕๐๐๑/`: the running number is the next memo's own. */
export function refPrefix(ref) {
  const m = /^(.*\/)\s*[0-9๐-๙]+\s*$/.exec(ref);
  return m ? m[1] : ref;
}

/** Remembers the agency's values from a memo that names its agency. */
export function rememberAgency(tree) {
  const memo = tree && tree.memo;
  if (!memo || typeof memo.agency !== 'string' || memo.agency.trim() === '') return;
  const v = {};
  for (const k of ['agency', 'phone', 'to', 'closing']) {
    if (typeof memo[k] === 'string' && memo[k].trim() !== '') v[k] = memo[k];
  }
  if (typeof memo.ref === 'string') v.ref = refPrefix(memo.ref);
  if (memo.signature && typeof memo.signature === 'object') v.signature = clone(memo.signature);
  if (Array.isArray(memo.comments)) v.comments = clone(memo.comments);
  if (tree.style && typeof tree.style === 'object') v.style = clone(tree.style);
  try {
    localStorage.setItem(AGENCY, toJSON(v));
  } catch {
    // Storage full: the drafts matter more than this.
  }
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayISO(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A new memo: the agency's last values, today's date, an empty subject and body. */
export function starterMemo(now = new Date()) {
  let v = {};
  try {
    const s = localStorage.getItem(AGENCY);
    v = s === null ? {} : parseTree(s);
  } catch {
    v = {};
  }
  const memo = { agency: v.agency || '' };
  if (v.phone) memo.phone = v.phone;
  memo.ref = v.ref || '';
  memo.date = todayISO(now);
  memo.subject = '';
  memo.to = v.to || '';
  memo.body = [''];
  memo.closing = v.closing || 'จึงเรียนมาเพื่อโปรดทราบ';
  memo.signature = v.signature || { name: '', position: '' };
  if (v.comments) memo.comments = v.comments;
  const tree = { memo };
  if (v.style) tree.style = v.style;
  return tree;
}
