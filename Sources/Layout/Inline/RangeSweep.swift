/// The ranges (compounds, protected phrases) that hold a position, asked for positions that never
/// go back (a paragraph's line starts, top to bottom): one sweep over the ranges for the whole
/// paragraph, where scanning every range at every line made a long paragraph quadratic.
final class RangeSweep {
    private let ranges: [Range<Int>]
    /// Indices of `ranges` by lower bound.
    private let byStart: [Int]
    private var next = 0
    /// Ranges started at or before the last position asked for and not yet ended.
    private var active: [Int] = []
    private var last = Int.min

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges
        byStart = ranges.indices.sorted { (ranges[$0].lowerBound, $0) < (ranges[$1].lowerBound, $1) }
    }

    /// The ranges holding `q`, in their given order.
    func holding(_ q: Int) -> [Range<Int>] {
        guard !ranges.isEmpty else { return [] }
        // Asked out of order: answer by a scan, the sweep stays where it was.
        guard q >= last else { return ranges.filter { $0.contains(q) } }
        last = q
        while next < byStart.count, ranges[byStart[next]].lowerBound <= q {
            active.append(byStart[next])
            next += 1
        }
        active.removeAll { ranges[$0].upperBound <= q }
        return active.sorted().map { ranges[$0] }
    }
}
