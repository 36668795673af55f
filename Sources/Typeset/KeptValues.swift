/// A bounded table of values kept by key for one thread: the values used since the last turnover
/// and those of the turn before. A value found in the older half moves to the newer; when the
/// newer half is full the older is dropped. What every document uses stays; what one document
/// alone used (its unit's name) goes after a while, so memory stays flat over a long batch.
final class KeptValues<Key: Hashable, Value> {
    private var newer: [Key: Value] = [:]
    private var older: [Key: Value] = [:]
    private let half: Int

    init(half: Int) { self.half = half }

    subscript(key: Key) -> Value? {
        if let v = newer[key] { return v }
        guard let v = older.removeValue(forKey: key) else { return nil }
        insert(v, for: key)
        return v
    }

    func insert(_ value: Value, for key: Key) {
        if newer.count >= half {
            older = newer
            newer = [:]
            newer.reserveCapacity(half)
        }
        newer[key] = value
    }

    var count: Int { newer.count + older.count }
}
