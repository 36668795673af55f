import Foundation

/// What to sign a memo with, and how.
public struct SignatureRequest: Sendable {
    public var signer: SignerIdentity
    public var reason: String?
    public var location: String?
    /// With a time-stamp server the signature is PAdES B-T, without it B-B.
    public var timeStamp: TimeStampAuthority?
    /// A one-page PDF made by Saraban, drawn as the signature's appearance in the place the memo
    /// marks for it; nil: an invisible signature.
    public var appearance: Data?
    /// The signing time written in the signature dictionary (/M).
    public var date: Date

    public init(signer: SignerIdentity, reason: String? = nil, location: String? = nil, timeStamp: TimeStampAuthority? = nil,
                appearance: Data? = nil, date: Date = Date()) {
        self.signer = signer; self.reason = reason; self.location = location
        self.timeStamp = timeStamp; self.appearance = appearance; self.date = date
    }
}

/// Signs Saraban's memos: a PAdES baseline signature (ETSI.CAdES.detached) appended as an
/// incremental update, its field and widget on the page of the memo's signature block. The
/// service and the CLI call this with the PDF's bytes and get the signed bytes back.
public enum PDFSigner {
    /// Where the memo's signature goes (its size is what an appearance must be drawn at).
    public static func place(in pdf: Data) throws -> SignaturePlace {
        try PDFFile(pdf).signaturePlace()
    }

    /// The PDF with one more signature. Earlier signatures stay valid: their bytes are untouched.
    public static func sign(_ pdf: Data, _ request: SignatureRequest) throws -> Data {
        let file = try PDFFile(pdf)
        let place = try file.signaturePlace()
        let fields = try file.signatureFields()
        if request.appearance != nil, fields.contains(where: { $0.page == place.pageObject && $0.rect[2] > $0.rect[0] }) {
            throw SigningError("--visible", "the memo's signature block already shows a signature; sign without --visible",
                               thai: "ตำแหน่งลงนามมีลายมือชื่อแสดงอยู่แล้ว ให้ลงนามโดยไม่ใช้ --visible")
        }
        var update = try IncrementalUpdate(file)
        let signature = update.reserve(), widget = update.reserve()
        let shown = try appearance(request.appearance, place: place, into: &update)
        var w = widgetDictionary(request, name: fieldName(fields), signature: signature, page: place.pageObject, appearance: shown)
        // Only the first signature's widget is tagged: validators (pyHanko) count a structure
        // element added after a signature as a change to what that signature covers.
        if fields.isEmpty, let key = try tagWidget(widget, page: place.pageObject, label: w["TU"]?.asText ?? "", file: file, into: &update) {
            w["StructParent"] = .integer(key)
        }
        update.set(widget, .dictionary(w))
        try addAnnotation(widget, toPage: place.pageObject, file: file, into: &update)
        try addField(widget, file: file, into: &update)
        let reserve = try contentsSize(request)
        let body = SignatureDictionary(request: request, reserve: reserve)
        update.set(signature, raw: body.bytes)
        var (data, bodies) = update.bytes()
        guard let start = bodies[signature] else { throw PDFFile.damaged("the signature was not written") }
        let ranges = body.fill(&data, at: start)
        let signed = Array(data[ranges.0..<ranges.1]) + Array(data[ranges.2..<ranges.3])
        let cms = try CMSMessage.sign(digest: sha256(signed), by: request.signer)
        if let tsa = request.timeStamp { try cms.addTimeStamp(try tsa.token(stamping: cms.signatureValue)) }
        try body.put(cms.der, into: &data, at: start)
        return Data(data)
    }

    /// A name no field of the file has: Signature1, Signature2, …
    static func fieldName(_ fields: [ExistingField]) -> String {
        var k = fields.count + 1
        while fields.contains(where: { $0.name == "Signature\(k)" }) { k += 1 }
        return "Signature\(k)"
    }

    /// Bytes to keep for the CMS object: its size over a dummy digest (the certificates make most
    /// of it), room for a time-stamp token (a TSA's certificates included), and a margin.
    static func contentsSize(_ request: SignatureRequest) throws -> Int {
        let probe = try CMSMessage.sign(digest: [UInt8](repeating: 0, count: 32), by: request.signer).der.count
        let stamp = request.timeStamp == nil ? 0 : 16_384
        return (probe + stamp + 1024 + 511) / 512 * 512
    }

    static func widgetDictionary(_ request: SignatureRequest, name: String, signature: Int, page: Int,
                                 appearance: (number: Int, rect: [Double])) -> PDFDictionary {
        var w = PDFDictionary()
        w["Type"] = .name("Annot")
        w["Subtype"] = .name("Widget")
        w["FT"] = .name("Sig")
        w["T"] = .text(name)
        // The field's name for assistive technology (PDF/UA).
        w["TU"] = .text("ลายมือชื่ออิเล็กทรอนิกส์ของ " + request.signer.certificate.commonName)
        w["V"] = .reference(signature, 0)
        // Printed, never hidden: PDF/A wants the print flag on every annotation.
        w["F"] = .integer(4)
        w["Rect"] = .array(appearance.rect.map(PDFSerializer.real))
        w["P"] = .reference(page, 0)
        w["AP"] = .dictionary(PDFDictionary([("N", .reference(appearance.number, 0))]))
        return w
    }

    static func addAnnotation(_ widget: Int, toPage page: Int, file: PDFFile, into update: inout IncrementalUpdate) throws {
        guard var d = try file.dictionary(.reference(page, 0)) else { throw PDFFile.damaged("the signature page is missing") }
        let annotations = try file.resolve(d["Annots"])?.asArray ?? []
        d["Annots"] = .array(annotations + [.reference(widget, 0)])
        // PDF/UA: a page with annotations gives their tab order by structure.
        d["Tabs"] = .name("S")
        update.set(page, .dictionary(d))
    }

    static func addField(_ widget: Int, file: PDFFile, into update: inout IncrementalUpdate) throws {
        var (number, catalog) = try file.catalog()
        var form = try file.dictionary(catalog["AcroForm"]) ?? PDFDictionary()
        let fields = try file.resolve(form["Fields"])?.asArray ?? []
        form["Fields"] = .array(fields + [.reference(widget, 0)])
        // Signatures exist, and the file must only be appended to.
        form["SigFlags"] = .integer(3)
        if let n = catalog["AcroForm"]?.asReference {
            update.set(n, .dictionary(form))
        } else {
            catalog["AcroForm"] = .dictionary(form)
            update.set(number, .dictionary(catalog))
        }
    }

    /// The widget's appearance: the given one-page PDF as a Form XObject centred in the memo's
    /// appearance box, or an empty one (an invisible signature, zero-size rectangle).
    static func appearance(_ pdf: Data?, place: SignaturePlace, into update: inout IncrementalUpdate) throws -> (number: Int, rect: [Double]) {
        let n = update.reserve()
        var form = PDFDictionary()
        form["Type"] = .name("XObject")
        form["Subtype"] = .name("Form")
        guard let pdf else {
            form["BBox"] = .array([.integer(0), .integer(0), .integer(0), .integer(0)])
            update.set(n, stream: form, [])
            return (n, [0, 0, 0, 0])
        }
        let source = try PDFFile(pdf)
        guard let first = try source.pages().first, let page = try source.dictionary(.reference(first, 0)),
              let box = try source.rectangle(page["MediaBox"]), let contents = page["Contents"]?.asReference,
              case .stream(let content, let data) = try source.object(contents) else {
            throw PDFFile.damaged("the signature's appearance is not a one-page PDF")
        }
        var copier = ObjectCopier(source)
        form["BBox"] = .array(box.map(PDFSerializer.real))
        form["Resources"] = try copier.copy(page["Resources"] ?? .dictionary(PDFDictionary()), into: &update)
        form["Filter"] = content["Filter"]
        update.set(n, stream: form, data)
        let w = box[2] - box[0], h = box[3] - box[1]
        let x = place.appearance[0] + (place.appearanceWidth - w) / 2, y = place.appearance[1] + (place.appearanceHeight - h) / 2
        return (n, [x, y, x + w, y + h])
    }
}
