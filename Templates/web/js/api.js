// Requests to the service: the document goes as YAML (JSON-shaped, nulls tagged), with the files
// it names as multipart parts when there are any.
import { toYAMLFlow } from './tree.js';
import { filesFor } from './files.js';

/** A request's body and headers for the tree. */
export function documentBody(tree) {
  const text = toYAMLFlow(tree);
  const files = filesFor(tree);
  if (files.length === 0) return { body: text, headers: { 'Content-Type': 'application/yaml; charset=utf-8' } };
  const form = new FormData();
  form.append('document', new Blob([text], { type: 'application/yaml' }), 'document.yaml');
  for (const [name, blob] of files) form.append('file', blob, name);
  return { body: form, headers: {} };
}

/** What went wrong, from a service's error answer: problems, or one message in Thai. */
export async function failure(response) {
  let json = null;
  try { json = await response.json(); } catch { json = null; }
  if (json && Array.isArray(json.problems)) return { problems: json.problems };
  const thai = json && (json.error_th || json.error);
  return { message: thai || `เครื่องบริการตอบกลับ ${response.status}` };
}

const TOKEN = 'saraban.token';
let asking = null;

/** A request to the service. A service started with --token-file answers 401 without its
 *  token: the clerk is asked once, and the token kept for this tab (sessionStorage). */
export async function call(route, init) {
  const send = () => {
    const token = sessionStorage.getItem(TOKEN);
    const headers = { ...(init.headers || {}) };
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(route, { ...init, headers });
  };
  const response = await send();
  if (response.status !== 401) return response;
  asking = asking || Promise.resolve(window.prompt('เครื่องบริการนี้ต้องใช้รหัสผ่าน (token) ใส่รหัสผ่านที่ผู้ดูแลให้มา'));
  const token = await asking;
  asking = null;
  if (!token) return response;
  sessionStorage.setItem(TOKEN, token.trim());
  return send();
}

/** POSTs the tree to a /v1 route; the response (or a thrown network error). */
export function post(route, tree) {
  const { body, headers } = documentBody(tree);
  return call(route, { method: 'POST', body, headers });
}

/** A file's text read by the service into the tree (YAML or JSON). */
export async function parseFile(file) {
  const json = /\.json$/i.test(file.name) || file.type === 'application/json';
  const response = await call('/v1/parse', {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': json ? 'application/json' : 'application/yaml; charset=utf-8' },
  });
  if (!response.ok) return { failed: await failure(response) };
  return { text: await response.text() };
}
