import Layout
import ThaiText

/// Finished pages of attachments, kept by content so a batch lays out an attachment that every
/// unit shares once and only paints it per unit. Belongs to one renderer (its pages hold that
/// renderer's fonts), so it needs no lock.
public final class SharedLayouts {
    /// How many distinct attachments to keep: enough for a template's few shared attachments,
    /// few enough that per-unit attachments (all different) cannot grow memory over a long batch.
    public let capacity: Int
    private var entries: [Key: [Page]] = [:]
    private var order: [Key] = []
    public private(set) var hits = 0, misses = 0

    public init(capacity: Int = 8) { self.capacity = capacity }

    /// Everything an attachment's layout depends on: its content, the style, and the protected
    /// phrases that occur in it (the memo's names differ per unit but rarely reach the table).
    struct Key: Hashable {
        let attachment: Attachment
        let style: Style
        let phrases: [String]
        /// The attachment's text hashed once as bytes: hashing the attachment itself hashes every
        /// cell as a String, which normalises the Thai each time. Equal keys have equal text.
        let textHash: Int

        static func == (a: Key, b: Key) -> Bool {
            a.textHash == b.textHash && a.phrases == b.phrases && a.style == b.style && a.attachment == b.attachment
        }

        func hash(into hasher: inout Hasher) { hasher.combine(textHash) }
    }

    func pages(for key: Key, make: () -> [Page]) -> [Page] {
        if let p = entries[key] { hits += 1; return p }
        misses += 1
        let p = make()
        if order.count >= capacity { entries[order.removeFirst()] = nil }
        entries[key] = p
        order.append(key)
        return p
    }

    static func key(_ a: Attachment, style: Style, phrases: ProtectedPhrases) -> Key {
        let text = a.allText
        var h = Hasher()
        Scalars.hashBytes(text, into: &h)
        return Key(attachment: a, style: style, phrases: phrases.present(in: Scalars.of(text)), textHash: h.finalize())
    }
}
