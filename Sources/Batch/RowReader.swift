import Documents
import Foundation

/// One reading of a data file from its start, a row at a time: the file's bytes a megabyte at a
/// time, checked as UTF-8 (its byte-order mark dropped), parsed as CSV, TSV or JSON. A reading
/// error waits until the rest of the file is checked, since a byte that is not UTF-8 is named
/// first, as when the whole file is read.
public final class RowReader {
    private enum Parse {
        case rows([DataRow], Int)
        case delimited(CSVStream)
        case json(JSONRows)
    }

    private let source: DataSource?
    private var file: DataFile?
    private var parse: Parse
    private var check = TextFile.Check()
    /// The piece read ahead (to know which piece is the last) and where the upload's next one starts.
    private var ahead: [UInt8]?
    private var offset = 0
    private var final = false
    private var first = true
    private var pending: Error?
    /// CSV: the header's names, or why the header cannot be used (it waits like a reading error).
    private var header: [String]?
    private var headerError: Error?
    private var count = 0

    init(rows: [DataRow]) {
        source = nil
        parse = .rows(rows, 0)
    }

    init(source: DataSource, file: DataFile?) {
        self.source = source
        self.file = file
        if let d = source.isDelimited { parse = .delimited(CSVStream(delimiter: d)) }
        else { parse = .json(JSONRows(file: (source.name as NSString).lastPathComponent)) }
    }

    deinit { file?.close() }

    /// The next row, or nil after the last.
    public func next() throws -> DataRow? {
        guard let source else { return nextListed() }
        while true {
            if pending == nil, let row = try parsed() {
                count += 1
                return row
            }
            if final { return try end(source) }
            try read(source)
        }
    }

    private func nextListed() -> DataRow? {
        guard case .rows(let rows, let k) = parse, k < rows.count else { return nil }
        parse = .rows(rows, k + 1)
        return rows[k]
    }

    /// A row from the bytes held, if they hold a whole one.
    private func parsed() throws -> DataRow? {
        do {
            switch parse {
            case .rows: return nil
            case .delimited(var stream):
                // Out of the enum while it changes, so its bytes are not copied.
                parse = .rows([], 0)
                defer { parse = .delimited(stream) }
                while let record = try stream.next(final: final) {
                    if let row = try row(record) { return row }
                }
                try held(stream.held, line: stream.line)
                return nil
            case .json(var reader):
                parse = .rows([], 0)
                defer { parse = .json(reader) }
                let row = try reader.next(final: final)
                try held(reader.held, line: reader.line)
                return row
            }
        } catch let e as CSVFailure {
            pending = e
        } catch let e as JSONRows.Unusual {
            pending = e
        }
        return nil
    }

    /// A CSV record as a row (nil for a blank record and for the header).
    private func row(_ record: CSVRecord) throws -> DataRow? {
        guard !record.isBlank, headerError == nil, let source else { return nil }
        guard let names = header else {
            do { header = try DataReader.header(record, path: source.name) } catch { headerError = error }
            return nil
        }
        return DataReader.row(record, number: count + 1, header: names, path: source.name)
    }

    /// Reads and checks the next piece, and hands it to the parser unless reading already failed.
    private func read(_ source: DataSource) throws {
        var piece = try ahead ?? nextPiece(source)
        ahead = piece.isEmpty ? [] : try nextPiece(source)
        final = ahead?.isEmpty ?? true
        do { try piece.withUnsafeBytes { try check.feed($0, final: final) } } catch let e as TextFile.NotUTF8 { throw DataReader.notUTF8(e, path: source.name) }
        guard pending == nil else { return }
        if first {
            first = false
            if piece.starts(with: [0xEF, 0xBB, 0xBF]) { piece.removeFirst(3) }
        }
        switch parse {
        case .rows: break
        case .delimited(var stream):
            parse = .rows([], 0)
            stream.append(piece)
            parse = .delimited(stream)
        case .json(var reader):
            parse = .rows([], 0)
            piece.withUnsafeBytes { reader.append($0) }
            parse = .json(reader)
        }
    }

    private func nextPiece(_ source: DataSource) throws -> [UInt8] {
        if let file { return try file.read(DataSource.pieceBytes) }
        let piece = source.memory(from: offset, count: DataSource.pieceBytes)
        offset += piece.count
        return piece
    }

    /// After the last byte: the error that waited, else the end.
    private func end(_ source: DataSource) throws -> DataRow? {
        if let pending {
            if let csv = pending as? CSVFailure { throw DataReader.failure(csv, path: source.name) }
            if let u = pending as? JSONRows.Unusual {
                guard source.size > DataReader.maxBytes else { try source.readWholeInstead() }
                throw BatchError("\(source.name):\(u.line):\(u.column): \(u.what); a data file over \(DataReader.maxBytes >> 20) MiB is read a row at a time and must be plain JSON: a list of objects",
                                 "แฟ้มข้อมูล \(source.name) บรรทัดที่ \(u.line) อักขระที่ \(u.column): ไม่ใช่ JSON ธรรมดา แฟ้มข้อมูลที่ใหญ่เกิน \(DataReader.maxBytes >> 20) MiB ต้องเป็น JSON ที่เป็นรายการของชุดหัวข้อเท่านั้น")
            }
            throw pending
        }
        if let headerError { throw headerError }
        if count == 0 { throw source.noRows }
        return nil
    }

    /// A row that grows past the limit stops the batch (a file read row by row has no size limit).
    private func held(_ bytes: Int, line: Int) throws {
        guard bytes > DataReader.maxBytes, let source else { return }
        throw BatchError("\(source.name):\(line): a row of the data file is larger than \(DataReader.maxBytes >> 20) MiB",
                         "แฟ้มข้อมูล \(source.name) บรรทัดที่ \(line): รายการเดียวใหญ่เกิน \(DataReader.maxBytes >> 20) MiB")
    }
}
