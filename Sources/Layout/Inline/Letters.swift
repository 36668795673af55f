/// Unicode's Alphabetic and numeric properties of Latin (below U+0250) and Thai (U+0E00…U+0E7F)
/// scalars, read from a table that the standard library's own answers fill at first use (720
/// scalars): its property lookup costs ~300 instructions a scalar, and the line breaker and the
/// first-word check ask it for nearly every character of a document. Other scalars ask it directly.
enum Letters {
    private static let alphabetic: UInt8 = 1, numeric: UInt8 = 2
    private static let latinEnd: UInt32 = 0x0250, thai: ClosedRange<UInt32> = 0x0E00...0x0E7F

    private static let table: [UInt8] = (Array(0..<latinEnd) + Array(thai)).map { v in
        guard let s = Unicode.Scalar(v) else { return 0 }
        return (s.properties.isAlphabetic ? alphabetic : 0) | (s.properties.numericType != nil ? numeric : 0)
    }

    /// The scalar's entry in the table, or nil outside it.
    private static func entry(_ s: Unicode.Scalar) -> UInt8? {
        if s.value < latinEnd { return table[Int(s.value)] }
        if thai.contains(s.value) { return table[Int(latinEnd + s.value - thai.lowerBound)] }
        return nil
    }

    /// `s.properties.isAlphabetic`.
    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        guard let e = entry(s) else { return s.properties.isAlphabetic }
        return e & alphabetic != 0
    }

    /// `s.properties.isAlphabetic || s.properties.numericType != nil`.
    static func isLetterOrNumber(_ s: Unicode.Scalar) -> Bool {
        guard let e = entry(s) else { return s.properties.isAlphabetic || s.properties.numericType != nil }
        return e != 0
    }
}
