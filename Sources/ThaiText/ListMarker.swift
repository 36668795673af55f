/// Numbered list markers: ๑. ๒. ๓. …
public enum ListMarker {
    /// The marker for the 1-based item number.
    public static func numbered(_ n: Int, _ digits: DigitStyle) -> String {
        ThaiDigits.number(n, digits) + "."
    }
}
