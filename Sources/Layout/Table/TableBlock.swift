import Typeset
/// A table that flows over pages: the header repeats on every page, rows split between lines
/// of text (two lines at least on each side, and between words when that costs the page at most
/// `TableStyle.wordCutLines` lines), and a rowspan cut by a page repeats its text.
public struct TableBlock: Breakable {
    let grid: TableGrid
    /// The first row not yet finished, and how many lines of each unfinished cell are placed.
    var next: Int
    var done: [CellKey: Int]
    public var spaceBefore: Double

    /// A table whose columns are fixed by `edges` (left edges and the right edge, in page points).
    public init(edges: [Double], header: TableRow?, rows: [TableRow], style: TableStyle, spaceBefore: Double = 0) {
        self.init(edges: edges, headers: header.map { [$0] } ?? [], rows: rows, style: style, spaceBefore: spaceBefore)
    }

    /// A table whose header has several rows (their cells may span rows and columns of the header).
    public init(edges: [Double], headers: [TableRow], rows: [TableRow], style: TableStyle, spaceBefore: Double = 0) {
        grid = TableGrid(edges: edges, headers: headers, rows: rows, style: style)
        next = 0; done = [:]; self.spaceBefore = spaceBefore
    }

    public func place(available: Double, atPageTop: Bool) -> Placement {
        var page = TablePage(grid: grid, available: available, done: done)
        let forcedAllowed = atPageTop
        if grid.headerHeight > available && !forcedAllowed { return .nothingFits }
        page.start(at: next)
        var r = next
        while r < grid.rows.count {
            page.openSpans(startingAt: r)
            let need = page.need(r)
            if page.y + need <= available + 0.001 {
                page.placeWhole(r, height: need)
                r += 1
                continue
            }
            // The two-line rule first; only a page with no other row may cut anywhere.
            let split = page.split(r, forced: false) || (forcedAllowed && page.bodyFragments == 0 && page.split(r, forced: true))
            if !split && page.bodyFragments == 0 { return .nothingFits }
            page.closeSpans()
            var rest = self
            rest.next = r; rest.done = page.done; rest.spaceBefore = 0
            return .split(page.box(), rest: rest)
        }
        return .fitted(page.box())
    }
}

/// What one page of a table holds while it is being filled.
struct TablePage {
    let grid: TableGrid
    let available: Double
    var done: [CellKey: Int]
    var y = 0.0
    var fragments: [CellFragment] = []
    var bodyFragments = 0
    /// Top of each rowspan cell's piece on this page.
    var spanTop: [CellKey: Double] = [:]

    init(grid: TableGrid, available: Double, done: [CellKey: Int]) {
        self.grid = grid; self.available = available; self.done = done
    }

    var style: TableStyle { grid.style }

    /// Draws the header and opens the rowspan cells that reach this page from earlier rows.
    /// The header is the table's own content on its first page and repeated page furniture after.
    mutating func start(at row: Int) {
        fragments += grid.header.fragments(grid, first: row == 0 && done.isEmpty)
        y = grid.headerHeight
        for key in grid.spanKeys where key.row < row && grid.lastRow[key]! >= row { spanTop[key] = y }
    }

    mutating func openSpans(startingAt r: Int) {
        for key in grid.keys(ofRow: r) where !grid.isOwn(key) && spanTop[key] == nil { spanTop[key] = y }
    }

    /// Height row `r` needs from `y`: its own cells' remaining lines, and the remaining lines of
    /// rowspan cells that end here less what their piece on this page already gives them.
    func need(_ r: Int) -> Double {
        var h = style.paddingY
        for key in grid.keys(ofRow: r) where grid.isOwn(key) {
            let t = grid.texts[key]!
            h = max(h, t.height(done[key] ?? 0, t.count) + style.paddingY)
        }
        for (key, top) in spanTop where grid.lastRow[key] == r {
            let t = grid.texts[key]!, a = done[key] ?? 0
            if a < t.count { h = max(h, t.height(a, t.count) + style.paddingY - (y - top)) }
        }
        return h
    }

    mutating func placeWhole(_ r: Int, height: Double) {
        for key in grid.keys(ofRow: r) where grid.isOwn(key) {
            let t = grid.texts[key]!
            addFragment(key, top: y, height: height, lines: (done[key] ?? 0)..<t.count)
            done[key] = nil
        }
        y += height
        for key in spanTop.keys.sorted() where grid.lastRow[key] == r { closeSpan(key, final: true) }
    }

    /// Places the part of row `r` that fits. Unforced, each cut cell keeps two lines on either
    /// side and the page gets two lines of the row; forced (a page holds nothing else), whatever fits.
    mutating func split(_ r: Int, forced: Bool) -> Bool {
        let space = available - y - style.paddingY
        var take = [CellKey: Int]()
        var continues = false
        for key in grid.keys(ofRow: r) where grid.isOwn(key) {
            let t = grid.texts[key]!, a = done[key] ?? 0, n = t.count - a
            var k = max(0, t.fitting(from: a, in: space))
            if !forced && k < n {
                k = min(k, n - 2)
                // A word cut by the page comes back from no PDF reader whole (the repeated header
                // comes between its halves): cut where a line ends between words, giving the
                // next page up to `wordCutLines` lines for it (all of the cell's, if no more).
                var b = k
                while b > 0, k - b < style.wordCutLines, !t.cutsBetweenWords(after: a + b - 1) { b -= 1 }
                if b <= 0 || t.cutsBetweenWords(after: a + b - 1) { k = b }
                if k < 2 { k = 0 }
            }
            take[key] = k
            if k < n { continues = true }
        }
        let most = take.values.max() ?? 0
        if !continues {
            // Only a rowspan cell ending here runs on: its lines go where the row's do.
            guard available - y > style.paddingY else { return false }
        } else if most < (forced ? 1 : 2) {
            guard forced, let key = take.keys.max(by: { remaining($0) < remaining($1) }) else { return false }
            take[key] = 1 // a line taller than the page: it must still go somewhere
        }
        // A cut row's part takes the rest of the page: its borders close at the page foot and
        // reopen under the repeated header.
        let height = available - y
        for key in take.keys.sorted() {
            let a = done[key] ?? 0
            addFragment(key, top: y, height: height, lines: a..<(a + take[key]!))
            done[key] = a + take[key]!
        }
        y += height
        return true
    }

    func remaining(_ key: CellKey) -> Int { grid.texts[key]!.count - (done[key] ?? 0) }

    /// Ends every rowspan piece at the page's table bottom.
    mutating func closeSpans() {
        for key in spanTop.keys.sorted() { closeSpan(key, final: false) }
    }

    /// Gives a rowspan piece the lines that fit: the next unplaced ones, or once all were placed,
    /// its text again from the start so the new page says what the rows belong to.
    mutating func closeSpan(_ key: CellKey, final: Bool) {
        guard let top = spanTop.removeValue(forKey: key) else { return }
        let t = grid.texts[key]!, a = done[key] ?? 0
        let space = y - top - style.paddingY
        if a < t.count {
            let k = final ? t.count - a : t.fitting(from: a, in: space)
            addFragment(key, top: top, height: y - top, lines: a..<(a + k))
            done[key] = a + k == t.count && final ? nil : a + k
        } else {
            addFragment(key, top: top, height: y - top, lines: 0..<t.fitting(from: 0, in: space), repeated: true)
            if final { done[key] = nil }
        }
    }

    /// A piece of a cell; `repeated` for a rowspan's text shown again on a later page (an artifact).
    mutating func addFragment(_ key: CellKey, top: Double, height: Double, lines: Range<Int>, repeated: Bool = false) {
        let cell = grid.cell(key)
        let (x0, x1) = grid.span(cell)
        fragments.append(CellFragment(x0: x0, x1: x1, top: top, height: height, text: grid.texts[key]!,
                                      lines: lines, fill: grid.rows[key.row].fill, tag: repeated ? .artifact(.repeated) : cell.tag))
        bodyFragments += 1
    }

    /// The page's part of the table as one box; rules come last so the painter draws them on top.
    func box() -> Box {
        let items = fragments.flatMap { $0.items(style) }
        let firstText = items.first { if case .text = $0 { return true } else { return false } }
        var word: String?
        if case let .text(line, _, _)? = firstText { word = line.firstWord }
        return Box(height: y, items: items, firstWord: word)
    }
}
