import Foundation

extension SignatureVerifier {
    /// What the revisions after `revision` change. New objects alone change nothing a reader
    /// sees; an old object may change only as adding a signature does: the catalog's /AcroForm,
    /// the form's /Fields and /SigFlags, a page's /Annots (earlier ones kept) and /Tabs.
    static func changes(after revision: Int, file: PDFFile) throws -> SignatureReport.Later {
        guard revision + 1 < file.revisions.count else { return .unchanged }
        let before = try PDFFile(Data(file.bytes[0..<file.revisions[revision].end]))
        let known = Set(file.revisions[0...revision].flatMap(\.objects))
        var changed = [Int]()
        for later in file.revisions[(revision + 1)...] {
            for n in later.objects.sorted() where known.contains(n) {
                guard let old = try? before.object(n), let new = try? file.object(n) else { changed.append(n); continue }
                if !allowed(old, new) { changed.append(n) }
            }
        }
        return changed.isEmpty ? .signaturesOnly : .changed(Array(Set(changed)).sorted())
    }

    /// Whether `new` differs from `old` only as adding a signature field does.
    static func allowed(_ old: PDFObject, _ new: PDFObject) -> Bool {
        guard case .value(.dictionary(let a)) = old, case .value(.dictionary(let b)) = new else { return false }
        switch a["Type"]?.asName {
        case "Catalog": return a.removing(["AcroForm"]) == b.removing(["AcroForm"]) && extends(a["AcroForm"]?.asDictionary?["Fields"], b["AcroForm"]?.asDictionary?["Fields"])
        case "Page": return a.removing(["Annots", "Tabs"]) == b.removing(["Annots", "Tabs"]) && extends(a["Annots"], b["Annots"])
        default:
            // An AcroForm dictionary of its own.
            return a["Fields"] != nil && a.removing(["Fields", "SigFlags"]) == b.removing(["Fields", "SigFlags"]) && extends(a["Fields"], b["Fields"])
        }
    }

    /// Whether the array `b` starts with every item of `a` (absent counts as empty).
    static func extends(_ a: PDFValue?, _ b: PDFValue?) -> Bool {
        let old = a?.asArray ?? [], new = b?.asArray ?? []
        return new.count >= old.count && Array(new.prefix(old.count)) == old
    }
}
