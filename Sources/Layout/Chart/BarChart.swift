import Typeset
/// The measurements of a bar chart; every value comes from the style file.
public struct BarChartStyle: Sendable {
    /// Share of the width given to the labels, and the gap between a label and the axis.
    public var labelFraction: Double, labelGap: Double
    public var barHeight: Double, rowGap: Double
    /// Grey of the bars (0 black, 1 white).
    public var barFill: Double
    public var ruleWidth: Double, gridWidth: Double
    /// Gap between a bar's end and its value, and below the title.
    public var valueGap: Double, titleSpaceAfter: Double, tickLength: Double
    public init(labelFraction: Double, labelGap: Double, barHeight: Double, rowGap: Double, barFill: Double,
                ruleWidth: Double, gridWidth: Double, valueGap: Double, titleSpaceAfter: Double, tickLength: Double) {
        self.labelFraction = labelFraction; self.labelGap = labelGap; self.barHeight = barHeight; self.rowGap = rowGap
        self.barFill = barFill; self.ruleWidth = ruleWidth; self.gridWidth = gridWidth; self.valueGap = valueGap
        self.titleSpaceAfter = titleSpaceAfter; self.tickLength = tickLength
    }
}

/// A horizontal bar chart drawn as vectors: wrapped labels on the left, bars on a 0–max scale,
/// each value printed at its bar's end, the scale's ticks underneath.
public struct BarChart {
    /// One bar: its label, value and the value as printed.
    public struct Bar {
        public var label: InlineText, value: Double, valueText: InlineText
        public init(label: InlineText, value: Double, valueText: InlineText) {
            self.label = label; self.value = value; self.valueText = valueText
        }
    }
    public var title: InlineText?
    public var bars: [Bar]
    /// Scale positions and their printed labels; the last one's value is the scale's end.
    public var ticks: [(value: Double, text: InlineText)]
    public var style: BarChartStyle
    public init(title: InlineText?, bars: [Bar], ticks: [(value: Double, text: InlineText)], style: BarChartStyle) {
        self.title = title; self.bars = bars; self.ticks = ticks; self.style = style
    }

    /// The chart as boxes kept together: title, one per bar, the scale.
    /// `tag`: the chart's figure, which all its text belongs to.
    public func boxes(x: Double, width: Double, layouter: ParagraphLayouter, spaceBefore: Double, tag: ContentTag = .untagged) -> [Box] {
        var boxes = untaggedBoxes(x: x, width: width, layouter: layouter, spaceBefore: spaceBefore)
        for b in boxes.indices {
            boxes[b].items = boxes[b].items.map { item in
                guard case .text(var line, let x, let y) = item else { return item }
                line.tag = tag
                return .text(line, x: x, y: y)
            }
        }
        return boxes
    }

    private func untaggedBoxes(x: Double, width: Double, layouter: ParagraphLayouter, spaceBefore: Double) -> [Box] {
        let s = style
        let scaleMax = max(ticks.last?.value ?? 100, bars.map(\.value).max() ?? 0, 1e-9)
        let labelWidth = width * s.labelFraction
        let values = bars.map { layouter.singleLine($0.valueText) }
        let tickLines = ticks.map { layouter.singleLine($0.text) }
        // Room at the right for the widest value, and for half the last tick label.
        let right = max((values.map(\.width).max() ?? 0) + s.valueGap, (tickLines.last?.width ?? 0) / 2)
        let x0 = x + labelWidth, plot = max(width - labelWidth - right, 1)
        func at(_ v: Double) -> Double { x0 + plot * min(max(v, 0), scaleMax) / scaleMax }
        var boxes = [Box]()
        if let title {
            var p = ParagraphStyle(width: width); p.alignment = .center
            let lines = layouter.layout(title, p)
            var y = 0.0, items = [PaintItem]()
            for l in lines { items.append(.text(l, x: x, y: y)); y += l.height }
            boxes.append(Box(height: y + s.titleSpaceAfter, items: items, firstWord: lines.first?.firstWord))
        }
        var labelStyle = ParagraphStyle(width: max(labelWidth - s.labelGap, 1)); labelStyle.alignment = .left
        for (bar, value) in zip(bars, values) {
            let lines = layouter.layout(bar.label, labelStyle)
            let content = max(lines.reduce(0) { $0 + $1.height }, s.barHeight, value.height)
            let h = content + s.rowGap
            var items = grid(ticks.map { at($0.value) }, height: h)
            var y = s.rowGap / 2 + (content - lines.reduce(0) { $0 + $1.height }) / 2
            for l in lines { items.append(.text(l, x: x, y: y)); y += l.height }
            let barTop = s.rowGap / 2 + (content - s.barHeight) / 2
            let end = at(bar.value)
            if end > x0 { items.append(.fill(x: x0, y: barTop, width: end - x0, height: s.barHeight, gray: s.barFill)) }
            items.append(.text(value, x: end + s.valueGap, y: barTop + (s.barHeight - value.height) / 2))
            items.append(.rule(x1: x0, y1: 0, x2: x0, y2: h, width: s.ruleWidth, dash: [], round: false))
            boxes.append(Box(height: h, items: items, firstWord: lines.first?.firstWord))
        }
        boxes.append(scale(ticks.map { at($0.value) }, tickLines, x0: x0, x1: x0 + plot))
        for k in boxes.indices.dropLast() { boxes[k].keepWithNext = true }
        if !boxes.isEmpty { boxes[0].spaceBefore = spaceBefore }
        return boxes
    }

    /// Dashed vertical grid lines at the inner ticks: zero has the axis, and a line at the scale's
    /// end would run through the values printed beside full bars.
    private func grid(_ xs: [Double], height: Double) -> [PaintItem] {
        xs.dropFirst().dropLast().map { .rule(x1: $0, y1: 0, x2: $0, y2: height, width: style.gridWidth, dash: [1, 2], round: false) }
    }

    private func scale(_ xs: [Double], _ labels: [TextLine], x0: Double, x1: Double) -> Box {
        var items: [PaintItem] = [.rule(x1: x0, y1: 0, x2: x1, y2: 0, width: style.ruleWidth, dash: [], round: false)]
        var h = style.tickLength
        for (tx, label) in zip(xs, labels) {
            items.append(.rule(x1: tx, y1: 0, x2: tx, y2: style.tickLength, width: style.ruleWidth, dash: [], round: false))
            items.append(.text(label, x: tx - label.width / 2, y: style.tickLength))
            h = max(h, style.tickLength + label.height)
        }
        return Box(height: h, items: items)
    }
}
