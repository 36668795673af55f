import Foundation

/// The commented starting document `saraban new` writes (Templates/new/): a memo, and with a
/// table an attachment with a table and a chart. Every key has a Thai and an English comment,
/// and the text renders as it is.
public enum StarterDocument {
    /// The document's text, from Templates/new/.
    public static func text(_ resources: Resources, withTable: Bool) throws -> String {
        var parts = ["memo.yaml"]
        if withTable { parts.append("attachment-table.yaml") }
        return try parts.map { name in
            let path = resources.templates + "/new/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Problems([Problem(file: path, line: 0, column: 0, message: "cannot read the starting document",
                                        thai: "อ่านแฟ้มเอกสารเริ่มต้นไม่ได้")])
            }
            return text
        }.joined()
    }

    /// Writes the document to `path`; an existing file is kept unless `overwrite`.
    public static func write(to path: String, _ resources: Resources, withTable: Bool, overwrite: Bool) throws {
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw Problems([Problem(file: path, line: 0, column: 0, message: "the file exists; choose another name or add --force",
                                    thai: "มีแฟ้มชื่อนี้อยู่แล้ว ตั้งชื่ออื่นหรือเพิ่ม --force เพื่อเขียนทับ")])
        }
        try OutputFile.write(Data(text(resources, withTable: withTable).utf8), to: path)
    }
}
