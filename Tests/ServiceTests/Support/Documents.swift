import Foundation

/// Documents the tests send.
enum TestDocuments {
    static let memoHead = "memo:\n  agency: สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ\n  ref: ที่ ทด ๑/๒๕๖๙\n  date: 2026-03-05\n  subject: ทดสอบ\n  to: นายก\n"

    /// A memo whose attachment is a table of `rows` different rows: quick to load, long to lay out.
    static func longTable(rows: Int) -> Data {
        var s = memoHead + "  body:\n    - ข้อความ\nattachments:\n  - title: ตาราง\n    content:\n      - table:\n"
        s += "          columns:\n            - { title: มาตรการ, width: 3 }\n            - { title: ผู้รับผิดชอบ, width: 2 }\n"
        s += "            - { title: คะแนน, width: 1 }\n          rows:\n"
        for i in 0..<rows {
            s += "            - [\"แถวที่ \(i) มาตรการส่งเสริมคุณธรรม \(i * 7)\", \"ผู้รับผิดชอบ \(i)\", \"\(i * 3)\"]\n"
        }
        return Data(s.utf8)
    }

    /// A memo with a style override and extra memo keys appended.
    static func memo(memoExtra: String = "", style: String = "", rest: String = "") -> Data {
        var s = memoHead + "  body:\n    - ข้อความทดสอบ\n" + memoExtra
        if !style.isEmpty { s += "style:\n" + style }
        return Data((s + rest).utf8)
    }

    /// Nine anchors, each a list of nine of the one before: 9^9 strings if expanded.
    static var aliasBomb: Data {
        var s = memoHead + "  references: &r0 [\"ก\", \"ก\", \"ก\", \"ก\", \"ก\", \"ก\", \"ก\", \"ก\", \"ก\"]\n"
        s += "  enclosures: &r1 [" + Array(repeating: "*r0", count: 9).joined(separator: ", ") + "]\n  comments:\n"
        for i in 2..<10 {
            s += "    - title: &r\(i) [" + Array(repeating: "*r\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        s += "style:\n  digits: *r9\n"
        return Data(s.utf8)
    }
}
