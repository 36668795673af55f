// What Excel, LibreOffice and Word put on the clipboard for a table: an HTML table (with merged
// cells as rowspan/colspan) and tab-separated text (cells with line breaks or tabs in double
// quotes). Either becomes rows of {text, rowspan, colspan}.

/** Tab-separated text as rows of cells; "" inside quotes is one quote. */
export function parseTSV(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' && cell === '') {
      let j = i + 1;
      let quoted = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') { quoted += '"'; j += 2; } else if (s[j] === '"') { j += 1; break; } else { quoted += s[j]; j += 1; }
      }
      if (j >= s.length || s[j] === '\t' || s[j] === '\n') { cell = quoted; i = j; continue; }
      cell = s.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '\t') { row.push(cell); cell = ''; i += 1; continue; }
    if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; continue; }
    cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows.map((r) => r.map((t) => ({ text: t.trim(), rowspan: 1, colspan: 1 })));
}

/** The first table of clipboard HTML as rows of cells, or null when there is none. */
export function parseHTMLTable(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return null;
  const rows = [];
  for (const tr of table.querySelectorAll('tr')) {
    if (tr.closest('table') !== table) continue;
    const cells = [];
    for (const td of tr.children) {
      if (td.tagName !== 'TD' && td.tagName !== 'TH') continue;
      if (/display\s*:\s*none/i.test(td.getAttribute('style') || '')) continue;
      cells.push({ text: cellText(td), rowspan: span(td.getAttribute('rowspan')), colspan: span(td.getAttribute('colspan')) });
    }
    if (cells.length) rows.push(cells);
  }
  return rows.length ? rows : null;
}

function span(v) {
  const n = Number.parseInt(v || '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** A cell's text: paragraphs and <br> as line breaks, runs of spaces as one. */
function cellText(td) {
  const parts = [];
  let line = '';
  const flush = () => { parts.push(line); line = ''; };
  const walk = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) line += n.textContent;
      else if (n.nodeType === Node.ELEMENT_NODE) {
        const tag = n.tagName;
        if (tag === 'BR') { flush(); continue; }
        if (tag === 'STYLE' || tag === 'SCRIPT') continue;
        const block = /^(P|DIV|LI|H[1-6]|TR)$/.test(tag);
        if (block && line.trim() !== '') flush();
        walk(n);
        if (block) flush();
      }
    }
  };
  walk(td);
  flush();
  return parts.map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim()).filter((p) => p !== '').join('\n');
}

/** The clipboard's table, or null when what is pasted is plain text for one cell. */
export function clipboardTable(data) {
  const html = data.getData('text/html');
  if (html && /<table[\s>]/i.test(html)) {
    const rows = parseHTMLTable(html);
    if (rows) return rows;
  }
  const text = data.getData('text/plain');
  if (text && text.includes('\t')) return parseTSV(text);
  return null;
}

/** Rows of pasted cells placed on a grid: [row][column] → {text, rowspan, colspan} at each
 *  cell's top-left place, and how wide and tall it is. */
export function placed(rows) {
  const grid = [];
  let width = 0;
  rows.forEach((cells, r) => {
    grid[r] = grid[r] || [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c += 1;
      for (let rr = r; rr < r + cell.rowspan; rr += 1) {
        grid[rr] = grid[rr] || [];
        for (let cc = c; cc < c + cell.colspan; cc += 1) grid[rr][cc] = rr === r && cc === c ? cell : null;
      }
      c += cell.colspan;
      width = Math.max(width, c);
    }
  });
  return { grid, width, height: grid.length };
}
