/// One row of delimited text as written: the line it starts on and its cells.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var cells: [String]
    public init(line: Int, cells: [String]) { self.line = line; self.cells = cells }

    /// Whether every cell is empty (a blank line, or only delimiters).
    public var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
}

/// Why delimited text cannot be read, at a line of the file.
public struct CSVFailure: Error, Sendable {
    public var line: Int
    /// Rows with text before the failing one: its number as a data row after a header row.
    public var row = 0
    public var message: String
    public var thai: String
}

/// Reads CSV and TSV (RFC 4180): cells separated by the delimiter, rows by LF, CR LF or CR; a
/// cell in double quotes may hold delimiters, line breaks and doubled quotes. Every row keeps
/// its line, so messages can name it; a quote that never closes is an error at the line where it
/// opened, never a cell that silently swallows the rows after it.
public enum CSVReader {
    public static func records(_ text: String, delimiter: Unicode.Scalar) throws(CSVFailure) -> [CSVRecord] {
        var parser = Parser(bytes: Array(text.utf8), delimiter: UInt8(truncatingIfNeeded: delimiter.value))
        return try parser.all()
    }

    /// The parser's place in the bytes.
    struct Parser {
        let bytes: [UInt8]
        let delimiter: UInt8
        var i = 0
        var line = 1

        static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

        mutating func all() throws(CSVFailure) -> [CSVRecord] {
            var records = [CSVRecord]()
            var filled = 0
            while i < bytes.count {
                let start = line
                do {
                    let r = CSVRecord(line: start, cells: try record())
                    records.append(r)
                    if !r.isBlank { filled += 1 }
                } catch {
                    var failure = error
                    failure.row = filled
                    throw failure
                }
            }
            return records
        }

        /// One row's cells, up to and past its line break.
        mutating func record() throws(CSVFailure) -> [String] {
            var cells = [String]()
            while true {
                cells.append(try cell())
                guard i < bytes.count else { return cells }
                let b = bytes[i]
                i += 1
                if b == delimiter { continue }
                if b == Parser.cr, i < bytes.count, bytes[i] == Parser.lf { i += 1 }
                line += 1
                return cells
            }
        }

        /// One cell, stopping before the delimiter or line break that ends it.
        mutating func cell() throws(CSVFailure) -> String {
            guard i < bytes.count, bytes[i] == Parser.quote else { return plainCell() }
            return try quotedCell()
        }

        mutating func plainCell() -> String {
            let start = i
            while i < bytes.count, bytes[i] != delimiter, bytes[i] != Parser.lf, bytes[i] != Parser.cr { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func quotedCell() throws(CSVFailure) -> String {
            let opened = line
            i += 1
            var out = [UInt8]()
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if b == Parser.lf || b == Parser.cr && (i >= bytes.count || bytes[i] != Parser.lf) { line += 1 }
                guard b == Parser.quote else {
                    out.append(b)
                    continue
                }
                if i < bytes.count, bytes[i] == Parser.quote {
                    out.append(Parser.quote)
                    i += 1
                    continue
                }
                guard i >= bytes.count || bytes[i] == delimiter || bytes[i] == Parser.lf || bytes[i] == Parser.cr else {
                    throw CSVFailure(line: line, message: "text follows the closing quote of a cell; inside a quoted cell write a quote twice (\"\")",
                                     thai: "มีข้อความต่อจากเครื่องหมายคำพูดปิดของช่อง ถ้าต้องการเครื่องหมายคำพูดในช่อง ให้เขียนซ้ำสองตัว (\"\")")
                }
                return String(decoding: out, as: UTF8.self)
            }
            throw CSVFailure(line: opened, message: "the quote that opens a cell here is never closed, so every row after it would be one cell; close it with \"",
                             thai: "เครื่องหมายคำพูดที่เปิดช่องตรงนี้ไม่ได้ปิด แถวที่ตามมาทั้งหมดจะกลายเป็นช่องเดียว ให้ปิดด้วย \"")
        }
    }
}
