import Foundation
import Layout
import ThaiText
import Typeset

/// Turns a document chart into boxes: labels and values in the style's chart text and digits.
struct ChartComposer {
    let text: TextComposer
    let style: Style

    /// The chart is a Figure whose /Alt reads its title, labels and values.
    func boxes(_ chart: Chart, left: Double, width: Double, spaceBefore: Double, tree: StructureTree) -> [Box] {
        let cs = style.chart
        let scaleMax = chart.max ?? cs.scaleMax
        let ticks = (0...cs.ticks).map { i -> (value: Double, text: InlineText) in
            let v = scaleMax * Double(i) / Double(cs.ticks)
            return (v, text.inline(number(v), size: cs.textSize))
        }
        let bars = chart.data.map {
            BarChart.Bar(label: text.inline($0.label, size: cs.textSize), value: $0.value,
                         valueText: text.inline(number($0.value), size: cs.textSize))
        }
        let chartStyle = BarChartStyle(labelFraction: cs.labelWidth, labelGap: cs.labelGap, barHeight: cs.barHeight,
                                       rowGap: cs.rowGap, barFill: cs.barFill, ruleWidth: cs.ruleWidth, gridWidth: cs.gridWidth,
                                       valueGap: cs.valueGap, titleSpaceAfter: cs.titleSpaceAfter, tickLength: cs.tickLength)
        let title = chart.title.map { text.inline($0, size: cs.textSize, bold: cs.titleBold) }
        let figure = tree.tag(.figure, under: 0, alt: alt(chart))
        return BarChart(title: title, bars: bars, ticks: ticks, style: chartStyle)
            .boxes(x: left, width: width, layouter: text.layouter, spaceBefore: spaceBefore, tag: figure)
    }

    /// "title: label value; label value; …" with the values as printed.
    func alt(_ chart: Chart) -> String {
        let data = chart.data.map { "\(ThaiDigits.applyToProse(style.digits, to: $0.label)) \(number($0.value))" }.joined(separator: "; ")
        guard let title = chart.title else { return data }
        return ThaiDigits.applyToProse(style.digits, to: title) + ": " + data
    }

    /// A value as printed: up to two decimals, no trailing zeros, in the style's digits.
    func number(_ v: Double) -> String {
        var s = String(format: "%.2f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return ThaiDigits.apply(style.digits, to: s)
    }
}
