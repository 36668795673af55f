import Foundation
import Layout
import Typeset

/// `?dpi=D&page=N&have=F,F&lines=true` of /v1/preview.
struct PreviewQuery: Sendable {
    var dpi = 96.0
    var page: Int?
    /// Fingerprints of pictures the client holds: those pages come back without their PNG.
    var have: Set<String> = []
    /// Whether each page lists its lines of text and where they are.
    var lines = false

    static let dpiRange = 10.0...300.0
    /// The most pixels one answer may paint (about 280 A4 pages at 96 dpi, 30 at 300 dpi).
    static let maxPixels = 250_000_000.0
    /// The most fingerprints `have` may list (a URL stays well under any proxy's limit).
    static let maxHave = 500

    /// A preview of many pages at a high resolution would hold hundreds of megabytes: refused.
    static func checkSize(_ pages: [Page], dpi: Double) throws {
        let scale = dpi / 72
        let pixels = pages.reduce(0.0) { $0 + $1.size.width * scale * $1.size.height * scale }
        guard pixels <= maxPixels else {
            throw ServiceError(.contentTooLarge,
                               "a preview of \(pages.count) pages at \(Int(dpi)) dpi is too large; ask for one page (?page=N) or a lower dpi",
                               "ภาพตัวอย่าง \(pages.count) หน้าที่ \(Int(dpi)) dpi ใหญ่เกินไป ให้ขอทีละหน้า (?page=N) หรือลดความละเอียด")
        }
    }

    init(dpi d: String?, page p: String?, have h: String? = nil, lines l: String? = nil) throws {
        if let d {
            guard let v = Double(d), PreviewQuery.dpiRange.contains(v) else {
                throw ServiceError.badRequest("dpi must be a number from 10 to 300, found '\(d)'",
                                              "ความละเอียด (dpi) ต้องเป็นตัวเลข ๑๐–๓๐๐")
            }
            dpi = v
        }
        if let p {
            guard let n = Int(p), n >= 1 else {
                throw ServiceError.badRequest("page must be a whole number from 1, found '\(p)'",
                                              "หมายเลขหน้า (page) ต้องเป็นจำนวนเต็มตั้งแต่ ๑")
            }
            page = n
        }
        if let h { have = try Self.fingerprints(h) }
        if let l {
            guard let v = ["true": true, "1": true, "false": false, "0": false][l] else {
                throw ServiceError.badRequest("lines must be true or false, found '\(l)'", "lines ต้องเป็น true หรือ false")
            }
            lines = v
        }
    }

    /// Comma-separated fingerprints of sixteen hex digits, at most maxHave.
    static func fingerprints(_ s: String) throws -> Set<String> {
        let items = s.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
        let valid = items.allSatisfy { item in item.count == 16 && item.allSatisfy { c in c.isHexDigit && !c.isUppercase } }
        guard items.count <= maxHave, valid else {
            throw ServiceError.badRequest("have must list at most \(maxHave) page fingerprints (16 lowercase hex digits each), separated by commas",
                                          "have ต้องเป็นรหัสหน้า (เลขฐานสิบหก ๑๖ หลัก) คั่นด้วยจุลภาค ไม่เกิน \(maxHave) รายการ")
        }
        return Set(items)
    }
}

/// One page of a preview: its size in points, its fingerprint, its section (0: the memo, k: the
/// k-th attachment), its picture unless the client has it, and its lines when asked.
struct PreviewPage: Encodable, Sendable {
    var width: Double
    var height: Double
    var hash: String
    var section: Int
    var lines: [PreviewLine]?
    var png: Data?

    enum CodingKeys: String, CodingKey { case width, height, hash, section, lines, png }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(hash, forKey: .hash)
        try c.encode(section, forKey: .section)
        try c.encodeIfPresent(lines, forKey: .lines)
        try c.encodeIfPresent(png?.base64EncodedString(), forKey: .png)
    }
}

struct PreviewBody: Encodable, Sendable {
    var pages: [PreviewPage]
}
