import Layout
import ThaiText

/// Finished pages of attachments, kept by content so a batch lays out an attachment that every
/// unit shares once and only paints it per unit. Belongs to one renderer (its pages hold that
/// renderer's fonts), so it needs no lock.
public final class SharedLayouts {
    /// How many distinct attachments to keep: enough for a template's few shared attachments,
    /// few enough that per-unit attachments (all different) cannot grow memory over a long batch.
    public let capacity: Int
    private var entries: [String: [Page]] = [:]
    private var order: [String] = []
    public private(set) var hits = 0, misses = 0

    public init(capacity: Int = 8) { self.capacity = capacity }

    func pages(for key: String, make: () -> [Page]) -> [Page] {
        if let p = entries[key] { hits += 1; return p }
        misses += 1
        let p = make()
        if order.count >= capacity { entries[order.removeFirst()] = nil }
        entries[key] = p
        order.append(key)
        return p
    }

    /// Everything the attachment's layout depends on, as text: the value dump covers every field,
    /// including ones later added to the model, so the key cannot silently miss one.
    static func key(_ a: Attachment, style: Style, phrases: ProtectedPhrases) -> String {
        var k = ""
        dump(a, to: &k)
        dump(style, to: &k)
        dump(phrases, to: &k)
        return k
    }
}
