import Layout
import Typeset

extension Box {
    /// The box with every line of text in it tagged as `tag` (images keep theirs).
    func tagged(_ tag: ContentTag) -> Box {
        var b = self
        b.items = items.map { $0.tagged(tag) }
        return b
    }
}

extension PaintItem {
    /// A text line tagged as `tag`; anything else as it is.
    func tagged(_ tag: ContentTag) -> PaintItem {
        guard case .text(var line, let x, let y) = self else { return self }
        line.tag = tag
        return .text(line, x: x, y: y)
    }
}

extension StructureTree {
    /// A new node under `parent`, as a content tag.
    func tag(_ role: StructureRole, under parent: Int32, alt: String? = nil) -> ContentTag {
        .element(add(role, under: parent, alt: alt))
    }
}

extension ContentTag {
    /// The node a tag names (the root for anything else).
    var node: Int32 {
        if case .element(let n) = self { return n }
        return 0
    }
}
