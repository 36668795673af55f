import Documents
import Foundation

/// `index.html`: a plain page listing every document with its page-1 thumbnail, for an agency to
/// upload beside the PDFs. Static HTML only: no scripts, every value escaped, links percent-encoded.
struct IndexPage {
    let entries: EntryStream

    init(entries: EntryStream) { self.entries = entries }
    init(manifest: Manifest) { entries = EntryStream(manifest.documents) }

    /// Writes index.html row by row.
    func write(dir: String) throws {
        let file = try StreamedFile(path: dir + "/index.html")
        try html { try file.write($0) }
        try file.commit()
    }

    /// The page, in pieces.
    func html(_ emit: (String) throws -> Void) rethrows {
        let okCount = entries.okCount
        var s = """
        <!DOCTYPE html>
        <html lang="th">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>รายการเอกสาร (\(okCount) ฉบับ)</title>
        <style>
        body { font-family: "TH Sarabun New", Sarabun, Garuda, sans-serif; margin: 2em; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #999; padding: 0.4em; vertical-align: top; text-align: left; }
        td.n { text-align: right; white-space: nowrap; }
        img { border: 1px solid #ccc; }
        </style>
        </head>
        <body>
        <h1>รายการเอกสาร</h1>
        <p>\(okCount) ฉบับ</p>
        <table>
        <thead><tr><th>ตัวอย่าง</th><th>เรื่อง</th><th>หน่วยงาน</th><th>วันที่</th><th>จำนวนหน้า</th><th>ขนาด</th><th>แฟ้ม</th></tr></thead>
        <tbody>

        """
        try emit(s)
        for i in 0..<entries.count {
            guard let e = entries.entry(i), e.status == .ok else { continue }
            s = ""
            let link = IndexPage.href(e.file)
            let thumb = e.thumbnail.map { "<a href=\"\(link)\"><img src=\"\(IndexPage.href($0))\" alt=\"หน้า ๑ ของ \(IndexPage.escape(e.file))\"></a>" } ?? ""
            s += "<tr><td>\(thumb)</td><td>\(IndexPage.escape(e.title ?? ""))</td><td>\(IndexPage.escape(e.unit ?? ""))</td>"
            s += "<td>\(IndexPage.escape(e.date ?? ""))</td><td class=\"n\">\(e.pages ?? 0)</td><td class=\"n\">\(IndexPage.size(e.bytes ?? 0))</td>"
            s += "<td><a href=\"\(link)\">\(IndexPage.escape(e.file))</a></td></tr>\n"
            try emit(s)
        }
        try emit("</tbody>\n</table>\n</body>\n</html>\n")
    }

    /// The whole page as one string (tests).
    var html: String {
        var all = ""
        html { all += $0 }
        return all
    }

    /// `&<>"'` as entities, byte by byte (by Character it was a twelfth of a 10,000-row re-run;
    /// a mark after `&` no longer hides it).
    static func escape(_ s: String) -> String {
        var r = [UInt8]()
        r.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case 0x26: r.append(contentsOf: "&amp;".utf8)
            case 0x3C: r.append(contentsOf: "&lt;".utf8)
            case 0x3E: r.append(contentsOf: "&gt;".utf8)
            case 0x22: r.append(contentsOf: "&quot;".utf8)
            case 0x27: r.append(contentsOf: "&#39;".utf8)
            default: r.append(b)
            }
        }
        return String(decoding: r, as: UTF8.self)
    }

    /// A relative link: each path component percent-encoded, so `#`, `?` and spaces stay part of the name.
    static func href(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;&'\"")
        return path.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            .joined(separator: "/")
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, (bytes + 512) / 1024)) KB"
    }
}
