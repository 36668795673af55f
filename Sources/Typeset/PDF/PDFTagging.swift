/// The marked content of a tagged PDF and the structure tree it is written into: each piece of
/// real content gets a marked-content id on its page and belongs to one node of its section's
/// tree; artifacts are marked as such. Sections follow one another under one Document element.
struct PDFTagging {
    /// A section as drawn: its tree, and the content of each node as (page, marked-content id).
    struct Section {
        let tree: StructureTree
        var content: [[(page: Int, mcid: Int)]]
    }

    private(set) var sections: [Section] = []
    /// Per page, the (section, node) of each marked-content id.
    private(set) var parents: [[(section: Int, node: Int32)]] = []
    private var page: [(section: Int, node: Int32)] = []
    private var open: ContentTag?
    /// What the next content drawn is: its sequence starts when something is drawn.
    private var wanted: ContentTag = .artifact(.layout)

    mutating func beginSection(_ tree: StructureTree) {
        sections.append(Section(tree: tree, content: Array(repeating: [], count: tree.nodes.count)))
    }

    mutating func beginPage() { page = []; open = nil }

    mutating func endPage() { parents.append(page); page = [] }

    /// Ends the open marked-content sequence, if any.
    mutating func close(_ c: inout PDFBytes) {
        if open != nil { c.append("EMC\n") }
        open = nil
    }

    /// Says what the content drawn from now on is.
    mutating func want(_ tag: ContentTag) { wanted = tag }

    /// Before drawing: starts a sequence for what is wanted unless it is the one open (a tag set
    /// and then left without drawing writes nothing).
    mutating func emit(_ c: inout PDFBytes) {
        let tag = wanted
        if open == tag { return }
        close(&c)
        open = tag
        switch tag {
        case .artifact(let kind):
            c.append(PDFTagging.artifactOperator(kind))
        case .element(let node):
            begin(node, in: &c)
        case .untagged:
            begin(0, in: &c)
        }
    }

    private mutating func begin(_ node: Int32, in c: inout PDFBytes) {
        if sections.isEmpty { beginSection(StructureTree(root: .part)) }
        let s = sections.count - 1
        let n = Int(node) < sections[s].tree.nodes.count ? node : 0
        let mcid = page.count
        page.append((s, n))
        sections[s].content[Int(n)].append((parents.count, mcid))
        c.byte(0x2F); c.append(sections[s].tree.nodes[Int(n)].role.rawValue)
        c.append(" <</MCID "); c.integer(mcid); c.append(">> BDC\n")
    }

    static func artifactOperator(_ kind: ArtifactKind) -> StaticString {
        switch kind {
        case .pageHeader: return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"
        case .pageFooter: return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
        case .repeated: return "/Artifact <</Type /Pagination>> BDC\n"
        case .layout: return "/Artifact <</Type /Layout>> BDC\n"
        }
    }
}

extension PDFTagging {
    /// Writes the structure tree: the root, a Document element holding every section's root, each
    /// node with its children (in the tree's order) and then its own content; and the parent tree
    /// that takes each page's marked content back to its element. Returns the root's number.
    func write(into w: PDFObjectWriter, pages: [Int]) -> Int {
        let root = w.reserve(), document = w.reserve()
        var objects = [[Int]]()
        for s in sections { objects.append(s.tree.nodes.map { _ in w.reserve() }) }
        var sectionRoots = [Int]()
        for (k, s) in sections.enumerated() {
            var children = [[Int32]](repeating: [], count: s.tree.nodes.count)
            for (i, n) in s.tree.nodes.enumerated() where n.parent >= 0 { children[Int(n.parent)].append(Int32(i)) }
            for (i, node) in s.tree.nodes.enumerated() {
                let parent = node.parent < 0 ? document : objects[k][Int(node.parent)]
                let kids = children[i].map { objects[k][Int($0)] }
                w.object(objects[k][i], element(node, parent: parent, kids: kids, content: s.content[i], pages: pages))
            }
            sectionRoots.append(objects[k][0])
        }
        var d = PDFBytes()
        d.append("<< /Type /StructElem /S /Document /P "); d.integer(root); d.append(" 0 R /K [")
        for (i, r) in sectionRoots.enumerated() { if i > 0 { d.byte(0x20) }; d.integer(r); d.append(" 0 R") }
        d.append("] >>")
        w.object(document, d.bytes)
        let parentTree = w.reserve()
        d = PDFBytes()
        d.append("<< /Nums [")
        for (p, ids) in parents.enumerated() {
            d.integer(p); d.append(" [")
            for (i, e) in ids.enumerated() { if i > 0 { d.byte(0x20) }; d.integer(objects[e.section][Int(e.node)]); d.append(" 0 R") }
            d.append("]\n")
        }
        d.append("] >>")
        w.object(parentTree, d.bytes)
        d = PDFBytes()
        d.append("<< /Type /StructTreeRoot /K "); d.integer(document); d.append(" 0 R /ParentTree ")
        d.integer(parentTree); d.append(" 0 R /ParentTreeNextKey "); d.integer(parents.count); d.append(" >>")
        w.object(root, d.bytes)
        return root
    }

    private func element(_ node: StructureTree.Node, parent: Int, kids: [Int], content: [(page: Int, mcid: Int)], pages: [Int]) -> [UInt8] {
        var d = PDFBytes()
        d.append("<< /Type /StructElem /S /"); d.append(node.role.rawValue)
        d.append(" /P "); d.integer(parent); d.append(" 0 R")
        let home = content.first?.page
        if let home { d.append(" /Pg "); d.integer(pages[home]); d.append(" 0 R") }
        if let alt = node.alt { d.append(" /Alt "); d.textString(alt) }
        attributes(node, &d)
        d.append(" /K [")
        var first = true
        func space() { if !first { d.byte(0x20) }; first = false }
        for k in kids { space(); d.integer(k); d.append(" 0 R") }
        for m in content {
            space()
            if m.page == home { d.integer(m.mcid); continue }
            d.append("<< /Type /MCR /Pg "); d.integer(pages[m.page]); d.append(" 0 R /MCID "); d.integer(m.mcid); d.append(" >>")
        }
        d.append("] >>")
        return d.bytes
    }

    private func attributes(_ node: StructureTree.Node, _ d: inout PDFBytes) {
        guard node.role == .headerCell || node.role == .dataCell else { return }
        d.append(" /A << /O /Table")
        if node.rowSpan > 1 { d.append(" /RowSpan "); d.integer(node.rowSpan) }
        if node.colSpan > 1 { d.append(" /ColSpan "); d.integer(node.colSpan) }
        if node.role == .headerCell { d.append(node.scopeColumn ? " /Scope /Column" : " /Scope /Row") }
        d.append(" >>")
    }
}
