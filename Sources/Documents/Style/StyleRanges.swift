/// The range every numeric style value must lie in, checked when the style is read so that
/// nothing huge, negative or not finite reaches layout or the PDF writer. Each is written as the
/// style file's comment states it (`[0–10cm]`, a test holds the two together): lengths with a
/// unit Length reads, whole numbers and fractions bare.
enum StyleRanges {
    static let lengths: [String: String] = [
        "page.width": "100pt–200in", "page.height": "100pt–200in",
        "page.margin_left": "0–50cm", "page.margin_right": "0–50cm", "page.margin_bottom": "0–50cm",
        "page.first_top": "0–50cm", "page.number_top": "0–50cm", "page.number_size": "1pt–200pt",
        "text.size": "1pt–200pt", "text.line_height": "1pt–400pt", "text.max_cluster_gap": "0–50pt",
        "text.max_latin_letter_space": "0–20pt", "text.min_last_line_past_indent": "0–10cm",
        "emblem_box.height": "0–10cm",
        "title.size": "1pt–200pt", "title.line_height": "1pt–400pt", "title.baseline_below_emblem_top": "0–10cm",
        "header.label_size": "1pt–200pt", "header.value_size": "1pt–200pt", "header.space_after_title": "0–10cm",
        "header.leader_dot_gap": "0.5pt–20pt", "header.leader_dot_size": "0.1pt–10pt",
        "header.leader_below_baseline": "0–20pt", "header.leader_gap_before_date": "0–5cm",
        "header.to_space_before": "0–10cm",
        "body.indent": "0–10cm", "body.space_before": "0–10cm", "body.list_space_before": "0–10cm",
        "signature.space_before": "0–10cm", "signature.image_height": "0–10cm",
        "comments.space_before": "0–10cm",
        "attachment.landscape_margin": "0–50cm", "attachment.title_size": "1pt–200pt", "attachment.title_space_after": "0–10cm",
        "table.text_size": "1pt–200pt", "table.line_height": "1pt–400pt", "table.padding_top": "0–2cm",
        "table.padding_bottom": "0–2cm", "table.padding_x": "0–2cm", "table.rule_width": "0–10pt",
        "table.paragraph_space": "0–10cm", "table.space_before": "0–10cm",
        "chart.text_size": "1pt–200pt", "chart.title_space_after": "0–10cm", "chart.label_gap": "0–10cm",
        "chart.bar_height": "0.5pt–10cm", "chart.row_gap": "0–10cm", "chart.rule_width": "0–10pt",
        "chart.grid_width": "0–10pt", "chart.value_gap": "0–10cm", "chart.tick_length": "0–10cm",
        "chart.space_before": "0–10cm",
        "signing.size": "4pt–72pt", "signing.padding": "0–2cm", "signing.rule_width": "0–10pt",
    ]

    static let integers: [String: String] = [
        "page.lines_after_number": "0–10", "page.cut_between_words": "0–100", "names.max_surname": "1–100", "names.max_given_name": "1–100", "signature.signing_lines": "0–20", "comments.dotted_lines": "0–50",
        "comments.signing_lines": "0–20", "table.page_cut_between_words": "0–100", "chart.ticks": "1–100",
    ]

    /// Fractions and plain numbers.
    static let numbers: [String: String] = [
        "header.date_column": "0.1–0.9", "signature.axis": "0–1", "table.header_fill": "0–1", "table.group_fill": "0–1",
        "chart.label_width": "0–0.9", "chart.bar_fill": "0–1", "chart.scale_max": "0.01–1000000000000",
    ]

    /// The least room the margins must leave for text, across and down the page.
    static let leastTextArea = "1in"

    /// A range's two ends in points (lengths) or as numbers.
    static func bounds(_ range: String, length: Bool) -> ClosedRange<Double> {
        let ends = range.split(separator: "–").map(String.init)
        func read(_ s: String) -> Double? { length ? Length.points(s) : Double(s) }
        guard ends.count == 2, let a = read(ends[0]), let b = read(ends[1]), a <= b else { return 0...0 }
        return a...b
    }
}
