/// Paragraphs already set, by text and style: a batch renders the same cells and paragraphs for
/// every unit, and these are laid out once per renderer. Bounded with the CLOCK policy: an entry
/// used again since the hand last passed survives, so what every unit shares stays while one-off
/// paragraphs (the unit's own name) make room. The lines hold this renderer's fonts, so the cache
/// belongs to one layouter (one thread).
final class LineCache {
    struct Key: Hashable {
        let text: InlineText
        let style: ParagraphStyle?
    }

    private var slots: [Key] = []
    private var used: [Bool] = []
    private var index: [Key: Int] = [:]
    private var lines: [[TextLine]] = []
    private var hand = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func lines(_ key: Key, make: () -> [TextLine]) -> [TextLine] {
        if let i = index[key] { used[i] = true; return lines[i] }
        let made = make()
        if slots.count < capacity {
            index[key] = slots.count
            slots.append(key); used.append(false); lines.append(made)
            return made
        }
        while used[hand] { used[hand] = false; hand = (hand + 1) % capacity }
        index[slots[hand]] = nil
        slots[hand] = key; used[hand] = false; lines[hand] = made; index[key] = hand
        hand = (hand + 1) % capacity
        return made
    }
}
