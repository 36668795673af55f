import Foundation
import Yams

/// The message for a template that is not valid YAML, at its line and column, with a hint when a
/// Mustache tag stands unquoted where YAML reads "{" as the start of a mapping: inside a flow
/// list (`- [ "ตัวชี้วัด", งานของ {{unit}} ]`) or at the start of a value (`agency: {{unit}} ดี`).
enum TemplateSyntax {
    static func error(_ error: Error, path: String, text: String) -> BatchError {
        guard let (line, column, problem) = place(error) else {
            return BatchError("\(path): the template is not valid YAML: \(error)", "แฟ้มแม่แบบ \(path) ไม่ใช่ YAML ที่ถูกต้อง: \(error)")
        }
        var message = "\(path):\(line):\(column): the template is not valid YAML: \(problem)"
        var thai = "\(path) บรรทัด \(line) คอลัมน์ \(column): แฟ้มแม่แบบไม่ใช่ YAML ที่ถูกต้อง (\(problem))"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The parser may stop on the line after the tag (a flow list written over two lines).
        for n in [line, line - 1] where n >= 1 && n <= lines.count {
            guard let hint = hint(for: lines[n - 1]) else { continue }
            message += "\n  line \(n): " + hint.english
            thai += "\n  บรรทัด \(n): " + hint.thai
            break
        }
        return BatchError(message, thai)
    }

    /// Line, column and the parser's own words.
    static func place(_ error: Error) -> (Int, Int, String)? {
        guard let e = error as? YamlError else { return nil }
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (mark.line, mark.column, problem)
        default:
            return nil
        }
    }

    /// How to fix a line whose Mustache tag YAML cannot read, with the line rewritten when it can be.
    static func hint(for line: String) -> (english: String, thai: String)? {
        let unquoted = outsideQuotes(line)
        guard let tag = unquoted.range(of: "{{") else { return nil }
        let before = unquoted[..<tag.lowerBound]
        if before.contains("[") {
            let fixed = quoteFlowItems(line)
            let example = fixed == line ? "" : " such as: \(fixed.drop { $0 == " " })"
            let thaiExample = fixed == line ? "" : " เช่น \(fixed.drop { $0 == " " })"
            return ("a Mustache tag inside a YAML flow list [ … ] must be in a quoted string\(example); "
                        + "or write the list in block style, one item a line after \"- \"",
                    "แท็ก Mustache ในรายการแบบวงเล็บ [ … ] ต้องอยู่ในเครื่องหมายคำพูด\(thaiExample) "
                        + "หรือเขียนรายการทีละบรรทัดขึ้นต้นด้วย \"- \"")
        }
        return ("a value that starts with a Mustache tag must be in quotes, such as: agency: \"{{unit}} …\"",
                "ค่าที่ขึ้นต้นด้วยแท็ก Mustache ต้องอยู่ในเครื่องหมายคำพูด เช่น agency: \"{{unit}} …\"")
    }

    /// The line with every quoted string blanked out (same length), so brackets and tags in
    /// quotes are not counted.
    static func outsideQuotes(_ line: String) -> String {
        var out = ""
        var quote: Character?
        for c in line {
            if let q = quote {
                out.append(" ")
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                out.append(" ")
            } else if c == "#" {
                break
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The line with each unquoted flow-list item that holds a tag put in double quotes.
    static func quoteFlowItems(_ line: String) -> String {
        var out = ""
        var item = ""
        var quote: Character?
        var depth = 0
        func flush() {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            if depth > 0, trimmed.contains("{{"), !trimmed.hasPrefix("\""), !trimmed.hasPrefix("'") {
                let lead = item.prefix { $0 == " " }
                let tail = item.reversed().prefix { $0 == " " }
                out += lead + "\"" + trimmed.replacingOccurrences(of: "\"", with: "\\\"") + "\"" + String(tail)
            } else {
                out += item
            }
            item = ""
        }
        for c in line {
            if let q = quote {
                item.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'":
                quote = c
                item.append(c)
            case "[":
                flush()
                depth += 1
                out.append(c)
            case "]", ",":
                flush()
                if c == "]" { depth -= 1 }
                out.append(c)
            default:
                item.append(c)
            }
        }
        flush()
        return out
    }
}
