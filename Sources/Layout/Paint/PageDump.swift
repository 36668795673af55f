import Foundation

/// A plain-text picture of laid-out pages (positions rounded to 0.1 pt), for snapshot tests:
/// a change in layout shows as a readable diff.
public enum PageDump {
    public static func text(_ pages: [Page]) -> String {
        var out = ""
        for (n, page) in pages.enumerated() {
            out += "page \(n + 1) \(r(page.size.width))x\(r(page.size.height))\(page.bookmark.map { " [\($0)]" } ?? "")\n"
            for item in page.items {
                switch item {
                case let .text(line, x, y):
                    out += "  text \(r(x + line.xOffset)),\(r(y + line.baseline)) w\(r(line.width)) \(line.text)\n"
                case let .rule(x1, y1, x2, y2, w, dash, _):
                    out += "  rule \(r(x1)),\(r(y1))-\(r(x2)),\(r(y2)) w\(r(w))\(dash.isEmpty ? "" : " dotted")\n"
                case let .image(_, x, y, w, h, _):
                    out += "  image \(r(x)),\(r(y)) \(r(w))x\(r(h))\n"
                case let .fill(x, y, w, h, g):
                    out += "  fill \(r(x)),\(r(y)) \(r(w))x\(r(h)) gray \(r(g))\n"
                }
            }
        }
        return out
    }

    static func r(_ v: Double) -> String { String(format: "%.1f", (v * 10).rounded() / 10) }
}
