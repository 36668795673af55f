// A bar chart: its title, the end of its scale, and its data as rows of label and number (a
// mapping in the tree, kept in the order written; a label may be any text, "2566" too).
import { h, thaiDigits } from './dom.js';
import * as T from './tree.js';
import { editor } from './state.js';
import { button, field, numberControl, selectControl, textControl } from './controls.js';

/** A new bar chart with two empty bars. */
export function newChart() {
  return { kind: 'bar', title: '', data: new Map([['รายการที่ 1', '0'], ['รายการที่ 2', '0']]) };
}

export function chartEditor(path) {
  const chart = T.get(editor.tree, path);
  if (!T.isMapping(chart)) return h('pre', { class: 'raw', 'data-raw': T.pathName(path) }, T.toJSON(chart));
  const dataPath = [...path, 'data'];
  const data = T.child(chart, 'data');
  const wrap = h('div', { class: 'chart-editor' },
    h('div', { class: 'row2' },
      field('ชื่อแผนภูมิ', textControl([...path, 'title']), { path: [...path, 'title'] }),
      field('ค่าสูงสุดของมาตราส่วน', numberControl([...path, 'max'], { placeholder: '100' }), { path: [...path, 'max'] })),
    field('ชนิด', selectControl([...path, 'kind'], [['bar', 'แผนภูมิแท่ง']], 'bar'), { path: [...path, 'kind'], cls: 'narrow' }));
  if (data !== undefined && !T.isMapping(data)) {
    wrap.append(h('pre', { class: 'raw', 'data-raw': T.pathName(dataPath) }, T.toJSON(data)));
    return wrap;
  }
  const pairs = data ? T.entries(data) : [];
  const rows = h('div', { class: 'chart-rows', dataset: { path: T.pathName(dataPath) } },
    h('span', { class: 'head' }, 'ชื่อแท่ง'), h('span', { class: 'head' }, 'ค่า'), h('span'));
  const writeAll = (list) => T.set(editor.tree, dataPath, T.mapping(list));
  pairs.forEach(([label, value], i) => {
    const n = thaiDigits(i + 1);
    const valuePath = [...dataPath, label];
    const name = T.pathName(valuePath);
    const labelInput = h('input', { type: 'text', name, value: label, 'aria-label': `ชื่อแท่งที่ ${n}`, spellcheck: 'false' });
    const valueInput = h('input', { type: 'text', name, inputmode: 'decimal', value: value == null ? '' : String(value), 'aria-label': `ค่าของแท่งที่ ${n}` });
    labelInput.sarabanSet = (v) => {
      const list = T.entries(T.get(editor.tree, dataPath));
      if (list.some(([k], j) => k === v && j !== i)) {
        editor.status(`ชื่อแท่ง "${v}" ซ้ำกับแท่งอื่น ชื่อแท่งต้องไม่ซ้ำกัน`);
        return;
      }
      list[i] = [v, list[i][1]];
      writeAll(list);
      labelInput.name = T.pathName([...dataPath, v]);
      valueInput.name = labelInput.name;
    };
    valueInput.sarabanSet = (v) => {
      const list = T.entries(T.get(editor.tree, dataPath));
      list[i] = [list[i][0], v];
      writeAll(list);
    };
    rows.append(labelInput, valueInput, button('ลบ', () => {
      const list = T.entries(T.get(editor.tree, dataPath));
      list.splice(i, 1);
      writeAll(list);
      editor.changed(null);
      editor.rebuild(T.pathName([...path, 'title']));
    }, { label: `ลบแท่งที่ ${n}`, cls: 'small danger' }));
  });
  wrap.append(rows, button('+ เพิ่มแท่ง', () => {
    const list = data ? T.entries(T.get(editor.tree, dataPath)) : [];
    let k = list.length + 1;
    while (list.some(([x]) => x === `รายการที่ ${k}`)) k += 1;
    list.push([`รายการที่ ${k}`, '0']);
    writeAll(list);
    editor.changed(null);
    editor.rebuild(T.pathName([...dataPath, `รายการที่ ${k}`]));
  }, { cls: '' }));
  return wrap;
}
