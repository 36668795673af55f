// Files a document names (the emblem, a signature image, a table's source), kept in this
// browser's IndexedDB by file name: uploaded once, they stay for every later memo. The service
// reads no file of its own for a document: each request sends the files the tree names.

const DB_NAME = 'saraban-editor';
const STORE = 'files';
const memory = new Map();
let db = null;

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Opens the store and reads every kept file into memory (requests are built synchronously). */
export async function openFiles() {
  try {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'name' });
    db = await request(open);
    const all = await request(db.transaction(STORE).objectStore(STORE).getAll());
    for (const f of all) memory.set(f.name, f.blob);
  } catch (e) {
    db = null; // Private windows may refuse IndexedDB: files then last until the tab closes.
    console.warn('IndexedDB unavailable', e);
  }
}

/** Keeps a file under its name (a later file of the same name replaces it). */
export async function keepFile(name, blob) {
  memory.set(name, blob);
  if (!db) return;
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put({ name, blob, kept: Date.now() });
  await new Promise((resolve) => { tx.oncomplete = resolve; tx.onerror = resolve; });
}

/** The kept file of this name, if any. */
export function fileNamed(name) {
  return memory.get(name);
}

/** Every file name the tree refers to: the emblem, the signature image, tables' sources. */
export function namedFiles(tree) {
  const names = [];
  const add = (v) => { if (typeof v === 'string' && v !== '' && !names.includes(v)) names.push(v); };
  const style = tree && tree.style;
  if (style && typeof style === 'object') add(style instanceof Map ? style.get('emblem') : style.emblem);
  const sig = tree && tree.memo && tree.memo.signature;
  if (sig && typeof sig === 'object') add(sig.image);
  const attachments = tree && Array.isArray(tree.attachments) ? tree.attachments : [];
  for (const a of attachments) {
    const content = a && Array.isArray(a.content) ? a.content : [];
    for (const block of content) {
      if (block && typeof block === 'object' && block.table && typeof block.table === 'object') add(block.table.source);
    }
  }
  return names;
}

/** The kept files among those the tree names, as [name, blob]. */
export function filesFor(tree) {
  return namedFiles(tree).filter((n) => memory.has(n)).map((n) => [n, memory.get(n)]);
}
