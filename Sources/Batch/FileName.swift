import Foundation

/// Output names that can never leave the output folder: one path component, no control
/// characters, no leading dots (so no `..` and no hidden files), NFC, short enough for any file system.
enum FileName {
    /// Longest name in UTF-8 bytes, leaving room for the `.pdf`/`.png` and a temporary suffix under 255.
    static let maxBytes = 180

    /// `raw` made safe and ending in `.pdf`; nil when nothing usable is left.
    static func pdf(_ raw: String) -> String? {
        var s = String(raw.unicodeScalars.map { c -> Character in
            let bad = c == "/" || c == "\\" || c == ":" || c.properties.generalCategory == .control
                || c.properties.generalCategory == .lineSeparator || c.properties.generalCategory == .paragraphSeparator
            return bad ? "_" : Character(c)
        })
        s = s.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        if s.lowercased().hasSuffix(".pdf") { s.removeLast(4) }
        while s.hasPrefix(".") || s.hasPrefix(" ") { s.removeFirst() }
        while s.hasSuffix(".") || s.hasSuffix(" ") { s.removeLast() }
        while s.utf8.count > maxBytes { s.removeLast() }
        guard !s.isEmpty, s.contains(where: { $0 != "_" }) else { return nil }
        return s + ".pdf"
    }

    /// Zero-padded row number, so the files sort in data order.
    static func number(_ n: Int, of total: Int) -> String {
        let width = String(total).count
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits + ".pdf"
    }

    /// The page-1 thumbnail beside a PDF, in the thumbnails folder.
    static func thumbnail(for pdf: String) -> String {
        "thumbnails/" + String(pdf.dropLast(4)) + ".png"
    }
}
