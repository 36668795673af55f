import Documents
import Foundation

/// A units list in a workbook: the header row names the keys, every further row is a unit.
extension DataReader {
    static func workbook(_ data: Data, path: String, sheet: String?) throws -> [DataRow] {
        let read: (keys: [String], rows: [[String]])
        do { read = try SpreadsheetRecords.read(data: data, name: (path as NSString).lastPathComponent, sheet: sheet) } catch {
            throw BatchError("\(path): \(error.message)", error.thai)
        }
        if let dup = duplicate(read.keys) {
            throw BatchError("\(path): column '\(dup)' appears twice in the header", "หัวตาราง \(path) มีคอลัมน์ '\(dup)' ซ้ำ")
        }
        return read.rows.enumerated().map { k, fields in
            DataRow(number: k + 1, columns: zip(read.keys, fields.map(DataValue.text)).map { ($0, $1) })
        }
    }
}
