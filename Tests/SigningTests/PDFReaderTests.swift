import Foundation
@testable import Signing
import Testing

/// The reader of Saraban's own PDFs: values, the signature block's mark, and damaged files
/// refused with a message, never a crash.
@Suite struct PDFReaderTests {
    func parse(_ s: String) throws -> PDFValue {
        var p = PDFParser(Array(s.utf8))
        return try p.value()
    }

    @Test func values() throws {
        #expect(try parse("/Name#20x") == .name("Name#20x"))
        #expect(try parse("(a\\(b\\) \\101\\n)") == .string(Array("a(b) A\n".utf8)))
        #expect(try parse("<FEFF0E01>").asText == "ก")
        #expect(try parse("[1 0 R 2 -3.5 true null]") == .array([.reference(1, 0), .integer(2), .real("-3.5"), .bool(true), .null]))
        let d = try parse("<< /A [0 0 595.276 841.89] /B << /C 4 0 R >> >>").asDictionary
        #expect(d?["A"]?.asArray?.count == 4)
        #expect(d?["B"]?.asDictionary?["C"] == .reference(4, 0))
        #expect(PDFSerializer.bytes(try parse("<< /K [1 2 0 R (x)] >>")) == Array("<< /K [1 2 0 R <78>] >>".utf8))
    }

    @Test func malformedValuesThrow() {
        for bad in ["(open", "<< /A 1", "[1 2", "<GG>", String(repeating: "[", count: 200), "<< 1 2 >>", ")"] {
            #expect(throws: (any Error).self, "\(bad.prefix(10))") { try parse(bad) }
        }
    }

    @Test func theMemoMarksItsSignatureBlock() throws {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: SigningProbe.memo))
        let place = try PDFSigner.place(in: pdf)
        #expect(place.pageIndex == 2, "long-memo signs on its third page")
        #expect(place.block[0] < place.appearance[0] && place.appearance[2] <= place.block[2])
        #expect(abs(place.appearance[3] - place.block[3]) < 0.01, "the signing space is the block's top")
        #expect(place.appearanceHeight > 60 && place.appearanceHeight < 90, "three body lines")
        let cm = 72 / 2.54
        let axis = 3 * cm + (595.276 - 5 * cm) * 0.6
        #expect(abs((place.appearance[0] + place.appearance[2]) / 2 - axis) < 0.01)
    }

    @Test func truncatedAndGarbageFilesAreRefused() throws {
        let pdf = try Data(contentsOf: URL(fileURLWithPath: SigningProbe.memo))
        #expect(throws: SigningError.self) { try PDFSigner.place(in: pdf.prefix(pdf.count / 2)) }
        #expect(throws: SigningError.self) { try PDFSigner.place(in: Data("%PDF-1.7\nhello".utf8)) }
        #expect(throws: SigningError.self) { try PDFSigner.place(in: Data()) }
    }

    /// Bytes flipped all over a signed file: verification reports or refuses, and never crashes.
    @Test func damagedSignedFilesNeverCrash() throws {
        let r = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa"))
        let signed = try Data(contentsOf: URL(fileURLWithPath: r.path))
        var generator = SplitMix(seed: 14)
        var refused = 0, reported = 0
        for _ in 0..<300 {
            var d = signed
            for _ in 0..<3 {
                let i = Int(generator.next() % UInt64(d.count))
                d[i] = UInt8(truncatingIfNeeded: generator.next())
            }
            do {
                let reports = try SignatureVerifier.verify(d, trust: [])
                reported += 1
                #expect(reports.allSatisfy { !$0.valid }, "no trust roots: nothing is valid")
            } catch is SigningError {
                refused += 1
            }
        }
        #expect(refused + reported == 300)
    }
}

/// A small deterministic generator, so that a failure repeats.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A tagged memo as Saraban renders it (PDF/UA-1): the widget gets a Form element in its
/// structure tree, found through the parent tree, and the signed file keeps PDF/UA-1.
@Suite struct TaggedSigningTests {
    /// The first widget is tagged; a second signature adds no element, since pyHanko counts a
    /// structure element added after a signature as a change to it (modification level OTHER).
    @Test func theFirstWidgetGetsAFormElement() throws {
        let first = SigningProbe.sign(SigningProbe.memo, SigningProbe.pem("rsa") + ["--visible"])
        let second = SigningProbe.sign(first.path, SigningProbe.pem("ec"))
        #expect(first.code == 0 && second.code == 0, "\(first.err)\(second.err)")
        let file = try PDFFile(try Data(contentsOf: URL(fileURLWithPath: second.path)))
        let root = try #require(try file.dictionary(try file.catalog().dictionary["StructTreeRoot"]))
        let elements = try Self.descendants(file, root["K"])
        let forms = elements.filter { $0["S"]?.asName == "Form" }
        #expect(forms.count == 1)
        #expect(forms.first?["Alt"]?.asText == "ลายมือชื่ออิเล็กทรอนิกส์ของ นายสมศักดิ์ ใจซื่อตรง")
        let fields = try file.signatureFields()
        let widget = try #require(try file.dictionary(.reference(fields[0].object, 0)))
        let parent = try #require(widget["StructParent"]?.asInt)
        let nums = try file.dictionary(root["ParentTree"])?["Nums"]?.asArray ?? []
        let index = try #require(nums.firstIndex { $0.asInt == parent })
        #expect(try file.dictionary(nums[index + 1])?["K"]?.asDictionary?["Obj"] == .reference(fields[0].object, 0))
        #expect(root["ParentTreeNextKey"]?.asInt == parent + 1)
        let page = SigningProbe.shell(SigningProbe.python, ["-c", "import page, sys\nr = page.validate_pdf(sys.argv[1], profile='ua1')\nprint('\\n'.join(sorted({f.rule_id for f in r.failures})) or 'compliant')", first.path])
        #expect(page.code == 0 && page.out.trimmingCharacters(in: .whitespacesAndNewlines) == "compliant", "PDF/UA-1 after signing: \(page.out)\(page.err)")
        let s = SigningProbe.pyhanko(second.path)
        #expect(s.count == 2 && s.allSatisfy { $0["valid"] as? Bool == true && $0["intact"] as? Bool == true }, "\(s)")
        #expect(s.first?["modification_level"] as? String == "FORM_FILLING", "\(s)")
        let v = SigningProbe.shell(SigningProbe.saraban, ["verify", second.path, "--trust", SigningProbe.pki + "/ca.pem"])
        #expect(v.code == 0 && v.out.contains("only signatures were added"), "\(v.out)")
    }

    /// Every structure element under `kids`, depth first.
    static func descendants(_ file: PDFFile, _ kids: PDFValue?) throws -> [PDFDictionary] {
        var out = [PDFDictionary]()
        for kid in PDFSigner.kids(kids) {
            guard let element = try file.dictionary(kid), element["S"] != nil else { continue }
            out.append(element)
            out += try descendants(file, element["K"])
        }
        return out
    }
}
