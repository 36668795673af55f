// The live preview: a short pause after an edit, the pages from /v1/preview (the renderer that
// makes the PDF) and the problems from /v1/check. The service is told which pictures are already
// here (their fingerprints) and paints only the pages that changed; the new pictures are decoded
// before any is shown, then all are swapped at once into boxes that keep their size. A document
// that does not load keeps the last good pages on screen. Every refresh is timed.
import { clear, h, thaiDigits } from './dom.js';
import { editor } from './state.js';
import { failure, post } from './api.js';
import { showProblems } from './problems.js';
import * as T from './tree.js';

// For measuring (bench-editor): ?pause=MS changes the pause, ?paint-all asks for every picture.
const options = new URLSearchParams(window.location.search);
export const PAUSE_MS = Math.max(0, Math.min(2000, Number(options.get('pause') ?? 80) || 0));
const PAINT_ALL = options.has('paint-all');
const MAX_HAVE = 500;

const state = {
  pages: [], // {hash, width, height, section, lines, box, img, mark}
  timer: 0,
  inFlight: false,
  pending: false,
  lastInput: 0,
  seq: 0,
  shown: 0,
};

/** Timings of every refresh: {seq, input, sent, answered, decoded, shown, painted, pages, bytes, server}. */
export const metrics = [];
window.sarabanMetrics = metrics;

let root = null;
let countEl = null;
let stateEl = null;
let onShown = () => {};

export function setUpPreview(previewRoot, count, stateLine, shown) {
  root = previewRoot;
  countEl = count;
  stateEl = stateLine;
  onShown = shown;
}

/** Call after every edit: the preview follows a short pause later. */
export function schedule({ now = false } = {}) {
  state.lastInput = performance.now();
  clearTimeout(state.timer);
  state.timer = setTimeout(run, now ? 0 : PAUSE_MS);
}

/** The pages as they are now (for finding the line being edited). */
export function currentPages() {
  return state.pages;
}

/** Resolution for the pictures: the pane's width in device pixels over an A4 page's width. */
function dpi() {
  const width = Math.max(240, root.clientWidth - 32) * (window.devicePixelRatio || 1);
  const raw = width / (595.28 / 72);
  return Math.max(40, Math.min(200, Math.round(raw / 8) * 8));
}

/** Whether no refresh is waiting or under way (tests and scripts wait for this). */
export function idle() {
  return !state.inFlight && !state.pending && state.timer === 0;
}
window.sarabanIdle = idle;

function run() {
  state.timer = 0;
  if (state.inFlight) { state.pending = true; return; }
  refresh();
}

async function refresh() {
  state.inFlight = true;
  state.pending = false;
  const seq = ++state.seq;
  const m = { seq, input: state.lastInput, sent: performance.now(), answered: 0, decoded: 0, shown: 0, painted: 0, pages: 0, bytes: 0, server: {} };
  const tree = editor.tree;
  const resolution = dpi();
  const have = state.pages.length <= MAX_HAVE && !PAINT_ALL ? [...new Set(state.pages.map((p) => p.hash))] : [];
  const query = `dpi=${resolution}&lines=true${have.length ? `&have=${have.join(',')}` : ''}`;
  try {
    const check = post('/v1/check', tree).then(checked, () => null);
    const response = await post(`/v1/preview?${query}`, previewTree(tree));
    m.answered = performance.now();
    m.server = serverTiming(response.headers.get('Server-Timing'));
    if (response.ok) {
      const body = await response.text();
      m.bytes = body.length;
      await show(JSON.parse(body).pages, m);
      stale(false);
    } else {
      const why = await failure(response);
      stale(true, why);
    }
    await check;
  } catch (e) {
    stale(true, { message: 'ติดต่อเครื่องบริการไม่ได้ ตัวอย่างที่เห็นเป็นฉบับล่าสุดที่ทำได้' });
    console.warn(e);
  } finally {
    metrics.push(m);
    if (metrics.length > 1000) metrics.splice(0, metrics.length - 1000);
    state.inFlight = false;
    if (state.pending) refresh();
  }
}

/** The tree the preview draws: a required text left empty is drawn as "…" (the problem is
 *  listed from the check of the real tree, and nothing is downloaded until it is filled). */
export function previewTree(tree) {
  const empty = (v) => typeof v !== 'string' || v.trim() === '';
  const holes = [];
  const memo = T.isMapping(tree.memo) ? tree.memo : null;
  if (memo) {
    for (const k of ['agency', 'ref', 'subject', 'to']) if (empty(T.child(memo, k))) holes.push(['memo', k]);
    const sig = T.child(memo, 'signature');
    if (T.isMapping(sig) && empty(T.child(sig, 'name'))) holes.push(['memo', 'signature', 'name']);
    const comments = T.child(memo, 'comments');
    if (Array.isArray(comments)) comments.forEach((c, i) => { if (T.isMapping(c) && empty(T.child(c, 'title'))) holes.push(['memo', 'comments', i, 'title']); });
  }
  if (Array.isArray(tree.attachments)) tree.attachments.forEach((a, i) => { if (T.isMapping(a) && empty(T.child(a, 'title'))) holes.push(['attachments', i, 'title']); });
  if (holes.length === 0) return tree;
  const copy = T.clone(tree);
  for (const p of holes) T.set(copy, p, '…');
  return copy;
}

async function checked(response) {
  if (response.ok) { showProblems([]); return; }
  const why = await failure(response);
  if (why.problems) showProblems(why.problems);
  else showProblems([{ key: null, message_th: why.message }]);
}

function serverTiming(header) {
  const out = {};
  for (const part of (header || '').split(',')) {
    const m = /^\s*([a-z]+);dur=([0-9.]+)/.exec(part);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

/** Decodes every new picture, then swaps all pages at once. */
async function show(pages, m) {
  const byHash = new Map(state.pages.map((p) => [p.hash, p]));
  const used = new Set();
  const made = await Promise.all(pages.map(async (p) => {
    if (!p.png) {
      const had = byHash.get(p.hash);
      let img = had ? had.img : null;
      // Two pages alike (a blank page twice) share a picture, not an element.
      if (img && used.has(img)) img = img.cloneNode();
      if (img) used.add(img);
      return { ...p, img, lines: had ? had.lines : [] };
    }
    const img = new Image();
    img.alt = '';
    img.src = URL.createObjectURL(new Blob([decodeBase64(p.png)], { type: 'image/png' }));
    try { await img.decode(); } catch { /* shown when it loads */ }
    return { ...p, img, fresh: true };
  }));
  m.decoded = performance.now();
  m.painted = pages.filter((p) => p.png).length;
  m.pages = pages.length;
  place(made);
  m.shown = performance.now();
  state.shown = m.seq;
  onShown();
}

function decodeBase64(s) {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Puts the pages into their boxes: a box keeps its size, so nothing moves but what changed. */
function place(made) {
  const old = state.pages;
  const kept = new Set(made.map((p) => p.img));
  made.forEach((p, i) => {
    let box = root.children[i];
    if (!box) {
      box = h('div', { class: 'page', role: 'img' }, h('div', { class: 'mark' }), h('span', { class: 'number', 'aria-hidden': 'true' }));
      root.append(box);
    }
    box.style.setProperty('--w', p.width);
    box.style.setProperty('--h', p.height);
    box.classList.toggle('landscape', p.width > p.height);
    box.setAttribute('aria-label', `หน้า ${thaiDigits(i + 1)} จาก ${thaiDigits(made.length)}`);
    box.dataset.hash = p.hash;
    box.dataset.section = p.section;
    box.querySelector('.number').textContent = `${thaiDigits(i + 1)}/${thaiDigits(made.length)}`;
    const img = p.img || h('img', { alt: '' });
    const shown = box.querySelector('img');
    if (shown !== img) {
      if (shown) shown.replaceWith(img); else box.prepend(img);
    }
    p.box = box;
    p.mark = box.querySelector('.mark');
  });
  while (root.children.length > made.length) root.lastElementChild.remove();
  for (const p of old) {
    if (p.img && !kept.has(p.img) && p.img.src.startsWith('blob:')) URL.revokeObjectURL(p.img.src);
  }
  state.pages = made;
  countEl.textContent = `${thaiDigits(made.length)} หน้า`;
  countEl.dataset.count = String(made.length);
}

function stale(on, why = null) {
  root.classList.toggle('stale', on);
  stateEl.classList.toggle('stale', on);
  if (!on) { stateEl.textContent = 'ตรงกับที่พิมพ์ล่าสุด'; return; }
  const text = why && why.problems ? 'เอกสารยังมีปัญหา ตัวอย่างที่เห็นเป็นฉบับล่าสุดที่ถูกต้อง' : (why && why.message) || 'สร้างตัวอย่างไม่ได้';
  stateEl.textContent = text;
  if (why && why.problems) showProblems(why.problems);
}

/** Removes every page (a newly opened document). */
export function resetPreview() {
  for (const p of state.pages) if (p.img && p.img.src.startsWith('blob:')) URL.revokeObjectURL(p.img.src);
  state.pages = [];
  clear(root);
}
