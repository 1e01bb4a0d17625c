import Analysis
import PollCore

/// The before/after chart of a question: per option (or scale value, or word), one horizontal
/// bar per round, each labelled with its round, percentage and count. Ranking draws first
/// places. Short labels (words, scale values, Yes/No) sit left of their bars, long ones above.
enum BeforeAfterBars {
    /// Labels up to this many columns sit left of the bars.
    static let compactColumns = 14
    static let labelColumns = 60
    static let roundColumns = 12
    static let barX = 110.0
    static let barWidth = 430.0
    static let barHeight = 16.0
    static let barGap = 4.0
    static let labelHeight = 20.0
    static let groupGap = 10.0

    static func render(_ shift: QuestionShift, id: String) -> String? {
        let rounds = shift.rounds
        guard let labels = rounds.first?.rows.map(\.label), !labels.isEmpty, rounds.contains(where: { $0.n > 0 }) else { return nil }
        let compact = labels.allSatisfy { DisplayWidth.of($0) <= compactColumns }
        let (roundX, barX, barWidth) = compact ? (112.0, 190.0, 370.0) : (8.0, Self.barX, Self.barWidth)
        var body = ""
        var y = 4.0
        for (k, label) in labels.enumerated() {
            if compact {
                body += SVGChart.text(SVGChart.isolated(label), x: 0, y: y + barHeight / 2, bold: true)
            } else {
                body += SVGChart.text(SVGChart.fit(label, labelColumns), x: 0, y: y + labelHeight / 2, bold: true)
                y += labelHeight
            }
            for (r, round) in rounds.enumerated() {
                let share = k < round.rows.count ? round.rows[k] : Share(label: label, count: 0, percent: 0)
                let percent = min(max(share.percent.isFinite ? share.percent : 0, 0), 100)
                let length = barWidth * percent / 100
                let middle = y + barHeight / 2
                body += SVGChart.text(SVGChart.fit(HTMLReport.roundTitle(round.round), roundColumns), x: roundX, y: middle,
                                      fill: SVGChart.muted, size: 12)
                body += SVGChart.rect(x: barX, y: y, width: length, height: barHeight,
                                      fill: SVGChart.roundColour(r, of: rounds.count))
                body += "<line x1=\"\(SVGChart.number(barX))\" y1=\"\(SVGChart.number(y))\" x2=\"\(SVGChart.number(barX))\" "
                    + "y2=\"\(SVGChart.number(y + barHeight))\" stroke=\"\(SVGChart.muted)\" stroke-width=\"1\"/>\n"
                body += SVGChart.text("\(NumberText.percent(share.percent)) (\(share.count))", x: barX + length + 6, y: middle, size: 12)
                y += barHeight + barGap
            }
            y += groupGap
        }
        let what = shift.question.kind == .ranking ? "Share of respondents ranking each option first"
            : shift.question.kind == .words ? "Most used words: share of respondents using each" : "Share of respondents per answer"
        return SVGChart.frame(id: id, title: "\(what), per round: \(shift.question.ask)",
                              description: description(rounds), height: y, body: body)
    }

    /// "Opening (n = 40): Agree 41%, Disagree 20%; Closing (n = 38): …".
    static func description(_ rounds: [RoundDistribution]) -> String {
        rounds.map { round in
            "\(HTMLReport.roundTitle(round.round)) (n = \(round.n)): "
                + round.rows.map { "\($0.label) \(NumberText.percent($0.percent)) (\($0.count))" }.joined(separator: ", ")
        }.joined(separator: "; ") + "."
    }
}
