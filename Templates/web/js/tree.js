// The document tree: the same tree the YAML contract describes (DOCUMENT-FORMAT.md), every
// scalar a string or null, mappings in their written order. A JavaScript object puts keys that
// look like array indexes ("2566") first, so a mapping with such a key (a chart's data labelled
// by years) is a Map; every other mapping is a plain object. Paths are arrays of keys.

const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;

/** Whether a key cannot live in a plain object without changing its place (or its prototype). */
export function needsMap(key) {
  return key === '__proto__' || (INDEX_LIKE.test(key) && Number(key) < 4294967295);
}

/** Parses JSON keeping every mapping's order (Map where a plain object would reorder). */
export function parseTree(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`JSON: ${what} at ${i}`);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i += 1;
  };
  const string = () => {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) fail('unterminated string');
    const s = JSON.parse(text.slice(i, j + 1));
    i = j + 1;
    return s;
  };
  const literal = () => {
    const m = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 64));
    if (!m) fail(`unexpected ${JSON.stringify(text[i] ?? 'end')}`);
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const array = () => {
    i += 1;
    const out = [];
    ws();
    if (text[i] === ']') { i += 1; return out; }
    for (;;) {
      out.push(value());
      ws();
      if (text[i] === ',') { i += 1; continue; }
      if (text[i] === ']') { i += 1; return out; }
      fail("expected ',' or ']'");
    }
  };
  const object = () => {
    i += 1;
    const pairs = [];
    ws();
    if (text[i] === '}') { i += 1; return {}; }
    for (;;) {
      ws();
      if (text[i] !== '"') fail('expected a key');
      const k = string();
      ws();
      if (text[i] !== ':') fail("expected ':'");
      i += 1;
      pairs.push([k, value()]);
      ws();
      if (text[i] === ',') { i += 1; continue; }
      if (text[i] === '}') { i += 1; break; }
      fail("expected ',' or '}'");
    }
    return mapping(pairs);
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    return literal();
  };
  const v = value();
  ws();
  if (i !== text.length) fail('text after the value');
  return v;
}

/** A mapping from [key, value] pairs, in their order. */
export function mapping(pairs) {
  if (pairs.some(([k]) => needsMap(k))) return new Map(pairs);
  const o = {};
  for (const [k, v] of pairs) o[k] = v;
  return o;
}

/** Whether a value is a mapping (plain object or Map). */
export function isMapping(v) {
  return v instanceof Map || (v !== null && typeof v === 'object' && !Array.isArray(v));
}

/** A mapping's [key, value] pairs in order. */
export function entries(v) {
  return v instanceof Map ? [...v.entries()] : Object.entries(v);
}

/** A JSON string, with the line separators JSON allows but YAML reads as breaks escaped. */
function quote(s) {
  return JSON.stringify(s).replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON text of the tree in its order (drafts are kept as this). */
export function toJSON(v) {
  return write(v, 'null');
}

/** The tree as YAML the service reads as this tree: JSON, except that null is written as an
 *  explicitly tagged null (JSON's null would be read as the text "null"). */
export function toYAMLFlow(v) {
  return write(v, '!!null ""');
}

function write(v, nullText) {
  if (v === null || v === undefined) return nullText;
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return quote(String(v));
  if (Array.isArray(v)) return `[${v.map((x) => write(x, nullText)).join(',')}]`;
  return `{${entries(v).map(([k, x]) => `${quote(k)}:${write(x, nullText)}`).join(',')}}`;
}

/** The value a key names in a mapping or list. */
export function child(v, k) {
  if (v instanceof Map) return v.get(String(k));
  if (Array.isArray(v)) return v[Number(k)];
  if (v !== null && typeof v === 'object') return Object.prototype.hasOwnProperty.call(v, k) ? v[k] : undefined;
  return undefined;
}

/** The value at a path, or undefined. */
export function get(root, path) {
  let v = root;
  for (const k of path) {
    if (v === undefined || v === null) return undefined;
    v = child(v, k);
  }
  return v;
}

/** Whether a mapping or list holds the key. */
export function has(v, k) {
  if (v instanceof Map) return v.has(String(k));
  if (Array.isArray(v)) return Number(k) < v.length;
  return v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, k);
}

/** Sets a key of a mapping or list in place (a plain object becomes a Map first if it must:
 *  the caller gets the container to keep). */
export function put(container, k, value) {
  if (Array.isArray(container)) { container[Number(k)] = value; return container; }
  if (container instanceof Map) { container.set(String(k), value); return container; }
  if (needsMap(String(k))) {
    const m = new Map(Object.entries(container));
    m.set(String(k), value);
    return m;
  }
  container[k] = value;
  return container;
}

/** Sets the value at a path, making mappings (or lists, for numeric keys) on the way. */
export function set(root, path, value) {
  let parent = root;
  for (let n = 0; n < path.length - 1; n += 1) {
    let next = child(parent, path[n]);
    if (next === undefined || next === null || typeof next !== 'object') {
      next = typeof path[n + 1] === 'number' ? [] : {};
      replaceIn(root, path.slice(0, n + 1), next);
    }
    parent = next;
  }
  const k = path[path.length - 1];
  const after = put(parent, k, value);
  if (after !== parent) replaceIn(root, path.slice(0, -1), after);
}

function replaceIn(root, path, value) {
  const parent = get(root, path.slice(0, -1));
  const after = put(parent, path[path.length - 1], value);
  if (after !== parent) replaceIn(root, path.slice(0, -1), after);
}

/** Removes a key of a mapping (or an item of a list) at a path. */
export function remove(root, path) {
  const parent = get(root, path.slice(0, -1));
  const k = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(k), 1);
  else if (parent instanceof Map) parent.delete(String(k));
  else if (parent && typeof parent === 'object') delete parent[k];
}

/** A deep copy (Maps stay Maps). */
export function clone(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, clone(x)]));
  const o = {};
  for (const [k, x] of Object.entries(v)) o[k] = clone(x);
  return o;
}

/** A path as a control's name: `memo.body.2.list.0`. */
export function pathName(path) {
  return path.join('.');
}

/** Texts of a value the loader reads as one text or a list of texts. */
export function linesOf(v) {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : ''));
  return [typeof v === 'string' ? v : String(v)];
}
