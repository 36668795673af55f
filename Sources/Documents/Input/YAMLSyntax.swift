import ThaiText
import Yams

/// A YAML parser's error as a problem at its line and column, in English and Thai, without the
/// parser's own text (Yams prints the whole file into a duplicate key's message).
public enum YAMLSyntax {
    /// The problem for an error Yams threw while composing `file`'s text.
    public static func problem(_ error: Error, file: String) -> Problem {
        guard let e = error as? YamlError else {
            return Problem(file: file, line: 0, column: 0, message: "the YAML cannot be read (\(error))",
                           thai: "อ่านแฟ้ม YAML ไม่ได้")
        }
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return syntax(problem, context: context, mark: mark, file: file)
        case let .reader(problem, offset, value, yaml):
            return reader(problem, offset: offset, value: value, yaml: yaml, file: file)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let thaiKeys = duplicates.map(FieldNames.named).joined(separator: ", ")
            return Problem(file: file, line: context.mark.line, column: context.mark.column,
                           message: "the key \(keys) is written more than once in this mapping; keep one",
                           thai: "หัวข้อ \(thaiKeys) เขียนซ้ำมากกว่าหนึ่งครั้งในชุดเดียวกัน ให้เหลือไว้เพียงหนึ่ง")
        case .memory:
            return Problem(file: file, line: 0, column: 0, message: "the YAML is too large to read", thai: "แฟ้ม YAML ใหญ่เกินกว่าจะอ่านได้")
        default:
            return Problem(file: file, line: 0, column: 0, message: "the YAML cannot be read", thai: "อ่านแฟ้ม YAML ไม่ได้")
        }
    }

    static func syntax(_ problem: String, context: YamlError.Context?, mark: Mark, file: String) -> Problem {
        var message = "YAML syntax error: \(problem)"
        if let c = context { message += " (\(c.text) from line \(c.mark.line))" }
        let (hint, thai) = advice(problem)
        return Problem(file: file, line: mark.line, column: mark.column, message: message + "; " + hint,
                       thai: "รูปแบบ YAML ไม่ถูกต้อง: " + thai)
    }

    /// A reader error (a control character, a broken byte): its place found from the character offset.
    static func reader(_ problem: String, offset: Int?, value: Int32, yaml: String, file: String) -> Problem {
        var line = 1, column = 1
        if let offset {
            for ch in yaml.prefix(offset) {
                if ch == "\n" || ch == "\r\n" || ch == "\r" { line += 1; column = 1 } else { column += 1 }
            }
        }
        guard problem.hasPrefix("control characters"), value >= 0, let s = Unicode.Scalar(UInt32(value)) else {
            return Problem(file: file, line: line, column: column, message: "the YAML cannot be read: \(problem)",
                           thai: "อ่านแฟ้ม YAML ไม่ได้ (อักขระที่ตำแหน่งนี้ใช้ไม่ได้)")
        }
        return Problem(file: file, line: line, column: column,
                       message: "the invisible control character \(ControlCharacters.name(s)) cannot be in a document; delete it",
                       thai: "มีอักขระควบคุม \(ControlCharacters.code(s)) ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก")
    }

    /// What to do about libyaml's commonest problems, in English and Thai.
    static func advice(_ problem: String) -> (String, String) {
        let table: [(String, String, String)] = [
            ("found unexpected end of stream", "a quote is opened and never closed",
             "เปิดเครื่องหมายคำพูดแล้วไม่ได้ปิด"),
            ("mapping values are not allowed", "a ':' stands where a value goes; put the value in quotes",
             "มีเครื่องหมาย : อยู่ในค่า ให้ใส่ค่านั้นในเครื่องหมายคำพูด"),
            ("did not find expected key", "check the indentation of this line and the one above",
             "ตรวจการย่อหน้าของบรรทัดนี้และบรรทัดก่อนหน้า"),
            ("did not find expected '-' indicator", "check the indentation of the list's items",
             "ตรวจการย่อหน้าของรายการ (บรรทัดที่ขึ้นต้นด้วย -)"),
            ("could not find expected ':'", "a key needs a ':' after it, or a value with ':' needs quotes",
             "หัวข้อต้องตามด้วยเครื่องหมาย : หรือค่าที่มี : ต้องอยู่ในเครื่องหมายคำพูด"),
            ("found a tab character", "indent with spaces, not tabs", "ย่อหน้าด้วยการเว้นวรรค ห้ามใช้แท็บ"),
            ("found character that cannot start any token", "a value may not start with this character; put it in quotes",
             "ค่าขึ้นต้นด้วยอักขระนี้ไม่ได้ ให้ใส่ค่านั้นในเครื่องหมายคำพูด"),
            ("found unknown escape character", "in double quotes a backslash starts an escape; write \\\\ for one backslash",
             "ในเครื่องหมายคำพูดคู่ เครื่องหมาย \\ ต้องเขียนเป็น \\\\"),
            ("did not find expected ','", "a list or mapping in brackets is not closed",
             "วงเล็บของรายการหรือชุดหัวข้อเปิดแล้วไม่ได้ปิด"),
            ("block sequence entries are not allowed", "a '-' list item stands where it cannot; check the indentation",
             "มีรายการ (-) อยู่ในที่ที่ใช้ไม่ได้ ตรวจการย่อหน้า"),
            ("did not find expected node content", "a value is missing here", "ไม่มีค่าในตำแหน่งที่ต้องมี"),
            ("found undefined alias", "an alias (*name) names no anchor (&name)", "ชื่ออ้างอิง (*ชื่อ) ไม่ได้กำหนดไว้ (&ชื่อ)"),
            ("did not find expected <document start>", "there is text after the document's end",
             "มีข้อความเกินมาหลังจบเอกสาร"),
        ]
        for (start, hint, thai) in table where problem.hasPrefix(start) { return (hint, thai) }
        return ("check the indentation, colons and quotes here", "ตรวจการย่อหน้า เครื่องหมาย : และเครื่องหมายคำพูดที่ตำแหน่งนี้")
    }
}
