import Typeset

/// Cuts a section's units into pages: boxes never split, breakable blocks split where they
/// say, and a page never ends between a box and the next one it must stay with.
public struct Flow {
    let layouter: ParagraphLayouter
    public init(layouter: ParagraphLayouter) { self.layouter = layouter }

    struct Placed { var box: Box; var y: Double; var unit: Int }

    /// The pages of a section, decorated (page numbers, continuation words). Past `limit` pages
    /// it stops early: the caller sees more than `limit` and refuses the document.
    public func pages(_ section: Section, atMost limit: Int = .max) -> [Page] {
        let g = section.geometry
        let reserve = section.decoration.continuation.map { layouter.singleLine($0("ก")).height } ?? 0
        let bottom = g.bottom - reserve
        var units = section.units
        var pages = [[Placed]]()
        var page = [Placed]()
        var top = g.firstTop
        var y = top
        var i = 0
        func newPage() {
            pages.append(page); page = []; top = g.laterTop; y = top
        }
        while i < units.count, pages.count <= limit {
            // An abandoned render stops placing blocks; its pages are thrown away.
            if let c = layouter.cancellation, c.isCancelled { break }
            switch units[i] {
            case .box(let box):
                let space = page.isEmpty ? 0 : box.spaceBefore
                if page.isEmpty || y + space + box.height <= bottom + 0.001 {
                    page.append(Placed(box: box, y: y + space, unit: i)); y += space + box.height; i += 1
                } else {
                    i = backtrack(&page, to: i)
                    i = backtrackToWordEnd(&page, to: i, units, lines: section.wordCutLines)
                    newPage()
                }
            case .breakable(let block):
                let space = page.isEmpty ? 0 : block.spaceBefore
                switch block.place(available: bottom - y - space, atPageTop: page.isEmpty) {
                case .fitted(let box):
                    page.append(Placed(box: box, y: y + space, unit: i)); y += space + box.height; i += 1
                case .split(let box, let rest):
                    page.append(Placed(box: box, y: y + space, unit: i)); units[i] = .breakable(rest)
                    newPage()
                case .nothingFits:
                    if page.isEmpty { i += 1 } else { i = backtrack(&page, to: i); newPage() }
                }
            }
        }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        return decorate(pages.map { finish($0, g) }, section)
    }

    /// Moves the chain of keep-with-next boxes that ends the page over to the next page, unless
    /// that would leave the page empty. Returns the unit index to continue from.
    private func backtrack(_ page: inout [Placed], to i: Int) -> Int {
        var k = page.count
        while k > 0, page[k - 1].box.keepWithNext { k -= 1 }
        guard k > 0, k < page.count else { return i }
        let resume = page[k].unit
        page.removeSubrange(k...)
        return resume
    }

    /// A page that would end inside a run of text its next line continues cuts a word in two, and
    /// every reader then puts the continuation word between its halves: end it instead after an
    /// earlier line that ends between words and may end a page (see `Box.keepWithNext`), moving
    /// at most `lines` lines over. Returns the unit index to continue from.
    private func backtrackToWordEnd(_ page: inout [Placed], to i: Int, _ units: [FlowUnit], lines: Int) -> Int {
        guard lines > 0, let last = page.last, !last.box.endsWord else { return i }
        var k = page.count - 1
        while k > 0, page.count - k <= lines {
            guard case .box = units[page[k].unit] else { return i }
            k -= 1
            let b = page[k].box
            if b.endsWord, !b.keepWithNext {
                let resume = page[k + 1].unit
                page.removeSubrange((k + 1)...)
                return resume
            }
        }
        return i
    }

    private func finish(_ placed: [Placed], _ g: PageGeometry) -> Page {
        var items = [PaintItem]()
        for p in placed { items.append(contentsOf: p.box.items.map { $0.shifted(p.y) }) }
        let bottom = placed.last.map { $0.y + $0.box.height } ?? g.firstTop
        let first = placed.first { $0.box.firstWord != nil }?.box.firstWord
        let area = placed.lazy.compactMap { p in p.box.signatureArea.map { $0.shifted(p.y) } }.first
        return Page(size: g.size, items: items, bookmark: nil, signatureArea: area, contentBottom: bottom, firstWord: first)
    }

    private func decorate(_ pages: [Page], _ section: Section) -> [Page] {
        var result = pages
        let g = section.geometry
        for n in result.indices {
            result[n].structure = section.structure
            if let number = section.decoration.pageNumber?(n + 1) {
                var line = layouter.singleLine(number)
                line.tag = .artifact(.pageHeader)
                result[n].items.append(.text(line, x: (g.size.width - line.width) / 2, y: section.decoration.pageNumberTop))
            }
            if let cont = section.decoration.continuation, n + 1 < result.count, let word = result[n + 1].firstWord {
                var line = layouter.singleLine(cont(word))
                line.tag = .artifact(.pageFooter)
                result[n].items.append(.text(line, x: g.size.width - g.right - line.width, y: result[n].contentBottom))
            }
        }
        if !result.isEmpty { result[0].bookmark = section.bookmark; result[0].startsSection = true }
        return result
    }
}
