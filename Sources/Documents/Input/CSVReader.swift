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
        var stream = CSVStream(delimiter: delimiter)
        stream.append(text.utf8)
        var records = [CSVRecord]()
        while let r = try stream.next(final: true) { records.append(r) }
        return records
    }
}

/// The same reading as `CSVReader.records`, over text that arrives in pieces (a data file read a
/// megabyte at a time): `next` gives each record once its bytes are all there, so a file of any
/// length is read in the memory of its longest record. Lines, cells and failures are exactly
/// those of reading the whole text at once.
public struct CSVStream {
    var parser: Parser
    /// Records with text so far (a failure's `row`).
    var filled = 0

    public init(delimiter: Unicode.Scalar) {
        parser = Parser(bytes: [], delimiter: UInt8(truncatingIfNeeded: delimiter.value))
    }

    /// Bytes held for the record not yet whole.
    public var held: Int { parser.bytes.count - parser.i }
    /// The line the next record starts on.
    public var line: Int { parser.line }

    /// Adds the next piece of the text (UTF-8 bytes).
    public mutating func append<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        parser.dropConsumed()
        parser.bytes.append(contentsOf: bytes)
    }

    /// The next whole record, or nil when more text is needed (`final`: there is none, so nil is the end).
    public mutating func next(final: Bool) throws(CSVFailure) -> CSVRecord? {
        parser.final = final
        guard parser.i < parser.bytes.count else { return nil }
        let start = (i: parser.i, line: parser.line)
        let cells: [String]
        do { cells = try parser.record() } catch {
            var failure = error
            failure.row = filled
            throw failure
        }
        if parser.starved {
            parser.starved = false
            parser.i = start.i
            parser.line = start.line
            return nil
        }
        let r = CSVRecord(line: start.line, cells: cells)
        if !r.isBlank { filled += 1 }
        return r
    }

    /// The parser's place in the bytes. Before the last piece (`final` false), reaching the end
    /// of the bytes sets `starved` instead of ending a cell, and the record is read again later.
    struct Parser {
        var bytes: [UInt8]
        let delimiter: UInt8
        var i = 0
        var line = 1
        var final = true
        var starved = false

        static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

        /// Forgets the bytes of records already given (kept while a record is unfinished).
        mutating func dropConsumed() {
            guard i > 0 else { return }
            bytes.removeSubrange(0..<i)
            i = 0
        }

        /// Whether the bytes end here while more may come.
        mutating func atEnd() -> Bool {
            guard i >= bytes.count else { return false }
            if !final { starved = true }
            return true
        }

        /// One row's cells, up to and past its line break.
        mutating func record() throws(CSVFailure) -> [String] {
            var cells = [String]()
            while true {
                cells.append(try cell())
                if starved || atEnd() { return cells }
                let b = bytes[i]
                i += 1
                if b == delimiter { continue }
                if b == Parser.cr {
                    if i >= bytes.count && !final {
                        starved = true
                        return cells
                    }
                    if i < bytes.count, bytes[i] == Parser.lf { i += 1 }
                }
                line += 1
                return cells
            }
        }

        /// One cell, stopping before the delimiter or line break that ends it.
        mutating func cell() throws(CSVFailure) -> String {
            if atEnd() { return "" }
            guard bytes[i] == Parser.quote else { return plainCell() }
            return try quotedCell()
        }

        mutating func plainCell() -> String {
            let start = i
            while i < bytes.count, bytes[i] != delimiter, bytes[i] != Parser.lf, bytes[i] != Parser.cr { i += 1 }
            if i >= bytes.count && !final { starved = true }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func quotedCell() throws(CSVFailure) -> String {
            let opened = line
            i += 1
            var out = [UInt8]()
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if b == Parser.cr && i >= bytes.count && !final {
                    starved = true
                    return ""
                }
                if b == Parser.lf || b == Parser.cr && (i >= bytes.count || bytes[i] != Parser.lf) { line += 1 }
                guard b == Parser.quote else {
                    out.append(b)
                    continue
                }
                if i >= bytes.count && !final {
                    starved = true
                    return ""
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
            if !final {
                starved = true
                return ""
            }
            throw CSVFailure(line: opened, message: "the quote that opens a cell here is never closed, so every row after it would be one cell; close it with \"",
                             thai: "เครื่องหมายคำพูดที่เปิดช่องตรงนี้ไม่ได้ปิด แถวที่ตามมาทั้งหมดจะกลายเป็นช่องเดียว ให้ปิดด้วย \"")
        }
    }
}
