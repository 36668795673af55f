/// Reads lengths written as "3cm", "20mm", "16pt", "0.5in" or a bare number of points.
enum Length {
    static func points(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1), ("in", 72)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            return Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
        }
        return Double(t)
    }
}

import Foundation
