/// How much one document may hold, so that every input ends in a PDF or a message within seconds
/// and a few hundred megabytes: beyond these a document is refused with a message saying which
/// limit and where. README's "Limits" lists them.
public enum InputLimits {
    /// A document (or batch template) file.
    public static let documentBytes = 8 << 20
    /// One text: a paragraph, heading, list item, field or table cell (a 1 MB pasted paragraph is
    /// set in about a second).
    public static let textBytes = 1 << 20
    /// All the text of one document, its tables' sources included.
    public static let documentTextBytes = 8 << 20
    /// Texts (paragraphs, list items, cells, labels) in one document.
    public static let texts = 200_000
    /// Rows of one table, and its columns.
    public static let tableRows = 20_000
    public static let tableColumns = 100
    /// Pages of one document (memo and attachments).
    public static let pages = 2_000
    /// A column's relative width.
    public static let columnWidth = 10_000.0
    /// The largest chart value or scale end: beyond it a double no longer holds the cents.
    public static let chartValue = 1e12
    static let chartValueText = "1000000000000"

    /// A size in bytes as messages write it: "1 MiB", "8 MiB".
    static func mib(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
}
