/// Collects the runs of a shared string (`<si>`) or an inline string (`<is>`): plain `<t>` text,
/// rich-text runs `<r>` with their bold (`<rPr><b/>`); phonetic guides (`<rPh>`) are left out.
/// A run without its own properties takes the cell's font, so its bold stays nil here.
struct XLSXRuns {
    /// Runs so far; `bold` nil: the cell's font decides.
    private(set) var runs: [(text: String, bold: Bool?)] = []
    private var inPhonetic = false
    private var inText = false
    private var runBold: Bool?
    private var inRun = false

    mutating func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "rPh": inPhonetic = true
        case "r": inRun = true; runBold = nil
        case "rPr" where inRun: runBold = false
        case "b" where inRun: runBold = XLSXRuns.on(attributes["val"])
        case "t" where !inPhonetic: inText = true; runs.append(("", inRun ? runBold : nil))
        default: break
        }
    }

    mutating func end(_ name: String) {
        switch name {
        case "rPh": inPhonetic = false
        case "r": inRun = false
        case "t": inText = false
        default: break
        }
    }

    mutating func characters(_ s: String) {
        guard inText, !runs.isEmpty else { return }
        runs[runs.count - 1].text += s
    }

    /// The runs with the cell's bold filled in and `_x000D_`-style escapes decoded.
    func resolved(cellBold: Bool) -> [TextRun] {
        runs.map { TextRun(text: XLSXRuns.unescape($0.text), bold: $0.bold ?? cellBold) }
    }

    /// `<b/>`, `<b val="1"/>`, `<b val="true"/>` are bold; `val="0"` or `"false"` is not.
    static func on(_ v: String?) -> Bool {
        guard let v else { return true }
        return !(v == "0" || v.lowercased() == "false" || v.lowercased() == "off")
    }

    /// OOXML writes characters XML cannot hold as `_xHHHH_` (carriage returns among them).
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) {
                if v != 0x0D { out.unicodeScalars.append(u) }
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
