/// Which digits numbers are printed with.
public enum DigitStyle: String, Sendable, CaseIterable {
    case thai, arabic
}

/// Thai digits (๐–๙) and their Arabic counterparts.
public enum ThaiDigits {
    static let thaiZero: UInt32 = 0x0E50

    /// The text with every Arabic digit replaced by its Thai digit (or the reverse for `.arabic`).
    public static func apply(_ style: DigitStyle, to text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch style {
            case .thai where (0x30...0x39).contains(s.value):
                scalars.append(Unicode.Scalar(thaiZero + s.value - 0x30)!)
            case .arabic where (thaiZero...thaiZero + 9).contains(s.value):
                scalars.append(Unicode.Scalar(0x30 + s.value - thaiZero)!)
            default:
                scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// An integer written in the given digits.
    public static func number(_ n: Int, _ style: DigitStyle) -> String {
        apply(style, to: String(n))
    }

    /// Whether the scalar is a digit in either script.
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (thaiZero...thaiZero + 9).contains(s.value)
    }
}
