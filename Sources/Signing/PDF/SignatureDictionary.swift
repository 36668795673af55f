import Foundation

/// The signature dictionary as written before the signature exists: a /ByteRange of fixed-width
/// placeholders and /Contents of zeros, both filled in place once the file's bytes are final.
struct SignatureDictionary {
    let bytes: [UInt8]
    /// Offsets inside `bytes`: the ByteRange numbers and the Contents string's '<'.
    private let byteRange: Int
    private let contents: Int
    private let reserve: Int
    private static let width = 10

    init(request: SignatureRequest, reserve: Int) {
        self.reserve = reserve
        var d = Array("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M ".utf8)
        PDFSerializer.write(.string(Array(SignatureDictionary.pdfDate(request.date).utf8)), into: &d)
        if let reason = request.reason { d += Array(" /Reason ".utf8); PDFSerializer.write(.text(reason), into: &d) }
        if let location = request.location { d += Array(" /Location ".utf8); PDFSerializer.write(.text(location), into: &d) }
        d += Array(" /ByteRange [".utf8)
        byteRange = d.count
        d += [UInt8](repeating: 0x20, count: 4 * (SignatureDictionary.width + 1))
        d += Array("] /Contents ".utf8)
        contents = d.count
        d.append(0x3C)
        d += [UInt8](repeating: 0x30, count: 2 * reserve)
        d += Array("> >>".utf8)
        bytes = d
    }

    /// Writes the byte ranges (all of the file but the Contents string) at the dictionary, which
    /// starts at `start` in `data`; returns them as (start, end, start, end).
    func fill(_ data: inout [UInt8], at start: Int) -> (Int, Int, Int, Int) {
        let a = start + contents, b = a + 2 * reserve + 2
        let numbers = [0, a, b, data.count - b]
        var text = [UInt8]()
        for n in numbers {
            let digits = Array(String(n).utf8)
            text += digits + [UInt8](repeating: 0x20, count: SignatureDictionary.width + 1 - digits.count)
        }
        data.replaceSubrange(start + byteRange..<start + byteRange + text.count, with: text)
        return (0, a, b, data.count)
    }

    /// Writes the CMS object's hex into the Contents string.
    func put(_ der: [UInt8], into data: inout [UInt8], at start: Int) throws {
        guard der.count <= reserve else {
            throw SigningError("", "the signature (\(der.count) bytes) is larger than the space kept for it (\(reserve))",
                               thai: "ลายมือชื่ออิเล็กทรอนิกส์ใหญ่เกินพื้นที่ที่เตรียมไว้")
        }
        var hex = [UInt8]()
        PDFSerializer.hex(der, into: &hex)
        // Without the delimiters: the rest of the string stays zeros.
        data.replaceSubrange(start + contents + 1..<start + contents + hex.count - 1, with: hex.dropFirst().dropLast())
    }

    /// A PDF date in UTC: D:YYYYMMDDHHmmSSZ.
    static func pdfDate(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.calendar = Calendar(identifier: .gregorian)
        f.dateFormat = "yyyyMMddHHmmss"
        return "D:" + f.string(from: date) + "Z"
    }
}
