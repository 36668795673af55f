import Foundation

/// Copies objects from another PDF into an update under new numbers, following references
/// (each object copied once): how a one-page appearance PDF's fonts come into the memo.
struct ObjectCopier {
    let source: PDFFile
    private var numbers: [Int: Int] = [:]

    init(_ source: PDFFile) { self.source = source }

    mutating func copy(_ v: PDFValue, into update: inout IncrementalUpdate) throws -> PDFValue {
        switch v {
        case .reference(let n, _):
            if let m = numbers[n] { return .reference(m, 0) }
            guard numbers.count < 20_000 else { throw PDFFile.damaged("the appearance has too many objects") }
            let m = update.reserve()
            numbers[n] = m
            switch try source.object(n) {
            case .value(let inner):
                update.set(m, try copy(inner, into: &update))
            case .stream(let d, let data):
                guard case .dictionary(let copied) = try copy(.dictionary(d.removing(["Length"])), into: &update) else { break }
                update.set(m, stream: copied, data)
            }
            return .reference(m, 0)
        case .array(let items):
            var out = [PDFValue]()
            for item in items { out.append(try copy(item, into: &update)) }
            return .array(out)
        case .dictionary(let d):
            var out = PDFDictionary()
            for (k, item) in d.entries { out[k] = try copy(item, into: &update) }
            return .dictionary(out)
        default:
            return v
        }
    }
}
