import Foundation

/// Where the memo's signature goes in a PDF Saraban rendered, as the renderer marked it (the
/// page's /PieceInfo /Saraban /Private dictionary), and the signature fields already there.
public struct SignaturePlace: Sendable, Equatable {
    /// The page's index (0 is the first page) and object number.
    public let pageIndex: Int
    let pageObject: Int
    /// The signature block and the place for an appearance, [x0 y0 x1 y1] in PDF points.
    public let block: [Double]
    public let appearance: [Double]

    public var appearanceWidth: Double { appearance[2] - appearance[0] }
    public var appearanceHeight: Double { appearance[3] - appearance[1] }
}

/// A signature field already in the file.
struct ExistingField {
    let object: Int
    let name: String
    let rect: [Double]
    let page: Int?
}

extension PDFFile {
    static func notMemo() -> SigningError {
        SigningError("", "not a memo rendered by Saraban: no page marks the signature block (render it again with this version)",
                     thai: "ไม่ใช่บันทึกข้อความที่ Saraban สร้าง ไม่พบตำแหน่งลงนามในแฟ้ม (สร้างแฟ้มใหม่ด้วยรุ่นนี้)")
    }

    /// The page that holds the memo's signature block.
    func signaturePlace() throws -> SignaturePlace {
        for (i, n) in try pages().enumerated() {
            guard let page = try dictionary(.reference(n, 0)),
                  let piece = try dictionary(page["PieceInfo"]), let saraban = try dictionary(piece["Saraban"]),
                  let mark = try dictionary(saraban["Private"]) else { continue }
            guard let block = try rectangle(mark["SignatureBox"]) else { continue }
            let appearance = try rectangle(mark["AppearanceBox"]) ?? block
            return SignaturePlace(pageIndex: i, pageObject: n, block: block, appearance: appearance)
        }
        throw PDFFile.notMemo()
    }

    /// Four numbers, ordered as x0 y0 x1 y1.
    func rectangle(_ v: PDFValue?) throws -> [Double]? {
        guard let a = try resolve(v)?.asArray, a.count == 4 else { return nil }
        let n = try a.compactMap { try resolve($0)?.asNumber }
        guard n.count == 4, n.allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else { return nil }
        return [min(n[0], n[2]), min(n[1], n[3]), max(n[0], n[2]), max(n[1], n[3])]
    }

    /// The AcroForm's signature fields (each a field merged with its widget, as `sign` writes them).
    func signatureFields() throws -> [ExistingField] {
        guard let form = try dictionary(try catalog().dictionary["AcroForm"]) else { return [] }
        var out = [ExistingField]()
        for f in try resolve(form["Fields"])?.asArray ?? [] {
            guard let n = f.asReference, let d = try dictionary(f), d["FT"]?.asName == "Sig" else { continue }
            out.append(ExistingField(object: n, name: d["T"]?.asText ?? "", rect: try rectangle(d["Rect"]) ?? [0, 0, 0, 0],
                                     page: d["P"]?.asReference))
        }
        return out
    }
}
