import Analysis
import PollCore

/// The chart the HTML report opens with: every question's headline value in the first and the
/// last round, with the interval of the change its verdict rests on, coloured and tagged by
/// verdict, in the summary's order (clear shifts first); the same numbers follow in a table.
enum OverviewChart {
    /// The chart's width in its own coordinates: narrow enough to stay legible on a phone, and
    /// drawn larger on a wide page.
    static let width = 480.0

    static func render(_ report: ShiftReport) -> String {
        guard report.rounds.count > 1 else { return "" }
        let (first, last) = roundNames(report)
        let order = report.summaryOrder
        guard !order.isEmpty else { return "" }
        let dots = ShiftDots(width: width, labelsAbove: true)
        let rows = order.map { q -> ShiftDots.Row in
            let shift = report.questions[q]
            return ShiftDots.Row(label: "\(q + 1). \(shift.question.ask)", value: shift.headlineValue, note: reason(shift),
                                 colour: VerdictBadge.colour(shift.verdict), tag: shift.verdict.label)
        }
        let (body, height) = dots.render(rows)
        let description = "Each question’s headline value in the \(first) round (hollow dot) and the \(last) round (filled dot); "
            + "the band is the 95% interval of the change, drawn around the \(last) round’s value. "
            + order.map { q in
                let shift = report.questions[q]
                return "\(q + 1). \(shift.question.ask): "
                    + (shift.headlineValue.map(ReportWording.headlineSentence) ?? reason(shift)) + "; \(shift.verdict.label.lowercased())."
            }.joined(separator: " ")
        var html = "<figure class=\"overview-chart\">\n"
        html += SVGChart.frame(id: "overview", title: "Every question from the \(first) to the \(last) round, clear shifts first",
                               description: description, height: height + 4, width: width, body: body)
        html += "<details>\n<summary>The chart’s numbers</summary>\n" + table(report, order: order).html + "</details>\n"
        html += "<figcaption class=\"note\">Hollow dot: \(HTMLText.escape(first)) round. Filled dot: \(HTMLText.escape(last)) round. "
            + "Band: the 95% interval of the change the verdict rests on. Each line has its own scale, from the lowest to the highest "
            + "possible value.</figcaption>\n"
        return html + "</figure>\n"
    }

    /// The rounds the chart compares, by name when every measured question compares the
    /// session's first and last round, else "first" and "last" (each question's own).
    static func roundNames(_ report: ShiftReport) -> (first: String, last: String) {
        let first = report.rounds.first ?? "", last = report.rounds.last ?? ""
        let same = report.questions.filter { $0.headlineValue != nil }
            .allSatisfy { $0.rounds.first?.round == first && $0.rounds.last?.round == last }
        return same ? (first, last) : ("first", "last")
    }

    /// Why a question has no value to draw.
    static func reason(_ shift: QuestionShift) -> String {
        if let note = shift.note { return "No change measured: \(note)" }
        if case .notTested(let why) = shift.verdict, !why.isEmpty { return "Not tested: \(why)" }
        return "No single value to compare"
    }

    static func table(_ report: ShiftReport, order: [Int]) -> HTMLTable {
        let rounds = roundNames(report)
        let first = HTMLText.escape(HTMLReport.roundTitle(rounds.first)), last = HTMLText.escape(HTMLReport.roundTitle(rounds.last))
        let rows = order.map { q -> [String] in
            let shift = report.questions[q]
            let ask = "\(q + 1). " + HTMLEscaping.pollText(shift.question.ask)
            guard let value = shift.headlineValue else {
                return [ask, "–", "–", "–", "–", "–", HTMLText.escape(shift.verdict.label)]
            }
            return [ask, HTMLEscaping.pollText(value.measure),
                    ReportWording.value(value.before, value.unit), ReportWording.value(value.after, value.unit),
                    ReportWording.change(value) + (value.paired ? " (paired)" : ""),
                    HTMLReport.interval(value.interval), HTMLText.escape(shift.verdict.label)]
        }
        return HTMLTable(caption: "Every question’s headline value per round, the change its verdict rests on (paired: among the "
                            + "participants who answered both rounds) and its 95% interval, clear shifts first.",
                         columns: ["Question", "Measure", first, last, "Change", "95% CI", "Verdict"],
                         rows: rows, textColumns: [1, 6])
    }
}
