/// A table of an attachment: columns with relative widths, then rows, already placed on the grid.
public struct Table: Sendable, Hashable {
    public var columns: [TableColumn]
    public var rows: [TableRowContent]
    /// A source's header of several rows (or with spans), placed on the grid; empty: one header
    /// row of the columns' titles.
    public var headerRows: [[TableCellContent]] = []
}

/// A column's header title and its width relative to the others.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Double
}

/// A row: a group row spanning every column, or cells.
public enum TableRowContent: Sendable, Hashable {
    case group(String)
    case cells([TableCellContent])
}

/// A cell: its paragraphs (list items and `<p>` parts each make one), its first column and spans.
public struct TableCellContent: Sendable, Hashable {
    public var paragraphs: [String]
    public var column: Int
    public var rowspan: Int
    public var colspan: Int
}

/// A chart of an attachment; only horizontal bars so far.
public struct Chart: Sendable {
    public enum Kind: String, Sendable { case bar }
    public var kind: Kind
    public var title: String?
    /// Labels and values in the document's order.
    public var data: [(label: String, value: Double)]
    /// End of the scale (default from the style).
    public var max: Double?
}

extension Chart: Hashable {
    public static func == (a: Chart, b: Chart) -> Bool {
        a.kind == b.kind && a.title == b.title && a.max == b.max
            && a.data.map(\.label) == b.data.map(\.label) && a.data.map(\.value) == b.data.map(\.value)
    }
    public func hash(into h: inout Hasher) {
        h.combine(kind); h.combine(title); h.combine(max)
        for d in data { h.combine(d.label); h.combine(d.value) }
    }
}
