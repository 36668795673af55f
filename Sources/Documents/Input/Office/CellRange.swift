/// A rectangle of sheet cells, 0-based and inclusive, written the spreadsheet way (`A2:F40`).
struct CellRange: Hashable, Sendable {
    var top: Int, left: Int, bottom: Int, right: Int

    /// The sheet's largest extent (Excel's XFD1048576).
    static let maxRow = 1_048_575, maxColumn = 16_383

    init(top: Int, left: Int, bottom: Int, right: Int) {
        self.top = min(top, bottom); self.bottom = max(top, bottom)
        self.left = min(left, right); self.right = max(left, right)
    }

    /// `A2:F40`, `f40:a2` or a single `C7`; nil for anything else.
    init?(_ text: String) {
        let parts = text.replacingOccurrences(of: "$", with: "").split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellRange.cell(String(parts[0])) else { return nil }
        let b = parts.count == 2 ? CellRange.cell(String(parts[1])) : a
        guard let b else { return nil }
        self.init(top: a.row, left: a.column, bottom: b.row, right: b.column)
    }

    /// `C7` → (row 6, column 2).
    static func cell(_ text: String) -> (row: Int, column: Int)? {
        let s = Array(text.trimmingCharacters(in: .whitespaces).uppercased().unicodeScalars)
        var i = 0, column = 0
        while i < s.count, (65...90).contains(s[i].value), i < 3 { column = column * 26 + Int(s[i].value) - 64; i += 1 }
        guard i > 0, i < s.count, s.count - i <= 7 else { return nil }
        var row = 0
        while i < s.count, (48...57).contains(s[i].value) { row = row * 10 + Int(s[i].value) - 48; i += 1 }
        guard i == s.count, row >= 1, row - 1 <= maxRow, column - 1 <= maxColumn else { return nil }
        return (row - 1, column - 1)
    }

    /// `C` for column 2, `AA` for 26.
    static func columnName(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    static func name(_ row: Int, _ column: Int) -> String { columnName(column) + String(row + 1) }

    var text: String {
        top == bottom && left == right ? CellRange.name(top, left) : CellRange.name(top, left) + ":" + CellRange.name(bottom, right)
    }

    func contains(_ row: Int, _ column: Int) -> Bool { (top...bottom).contains(row) && (left...right).contains(column) }

    func intersection(_ o: CellRange) -> CellRange? {
        let t = max(top, o.top), b = min(bottom, o.bottom), l = max(left, o.left), r = min(right, o.right)
        return t <= b && l <= r ? CellRange(top: t, left: l, bottom: b, right: r) : nil
    }
}
