import Analysis
import PollCore

/// The before/after chart of a question: per option (or scale value, or word), one horizontal
/// bar per round, each labelled with its round, percentage and count. Ranking draws first
/// places. Short labels (words, scale values, Yes/No) sit left of their bars, long ones above.
/// The knowledge check draws its questions' % right the same way, with each bar's interval.
enum BeforeAfterBars {
    /// One bar: a round's percentage (0–100), the words beside it, and optionally its 95%
    /// interval. A bar without a round has no round label.
    struct Bar {
        var round: String
        var percent: Double
        var label: String
        var interval: ConfidenceInterval? = nil
    }

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
        let groups = labels.enumerated().map { k, label in
            (label: label, bars: rounds.map { round in
                let share = k < round.rows.count ? round.rows[k] : Share(label: label, count: 0, percent: 0)
                return Bar(round: round.round, percent: share.percent, label: "\(NumberText.percent(share.percent)) (\(share.count))")
            })
        }
        let what = shift.question.kind == .ranking ? "Share of respondents ranking each option first"
            : shift.question.kind == .words ? "Most used words: share of respondents using each" : "Share of respondents per answer"
        let drawn = grouped(groups)
        return SVGChart.frame(id: id, title: "\(what), per round: \(shift.question.ask)", description: description(rounds),
                              height: drawn.height, body: drawn.body)
    }

    /// The bars of `groups` (each a label and one bar per round) and the height they take.
    static func grouped(_ groups: [(label: String, bars: [Bar])]) -> (body: String, height: Double) {
        let compact = groups.allSatisfy { DisplayWidth.of($0.label) <= compactColumns }
        let (roundX, barX, barWidth) = compact ? (112.0, 190.0, 370.0) : (8.0, Self.barX, Self.barWidth)
        var body = ""
        var y = 4.0
        for group in groups {
            if compact {
                body += SVGChart.text(SVGChart.isolated(group.label), x: 0, y: y + barHeight / 2, bold: true)
            } else {
                body += SVGChart.text(SVGChart.fit(group.label, labelColumns), x: 0, y: y + labelHeight / 2, bold: true)
                y += labelHeight
            }
            for (r, bar) in group.bars.enumerated() {
                func x(_ percent: Double) -> Double { barX + barWidth * min(max(percent.isFinite ? percent : 0, 0), 100) / 100 }
                let middle = y + barHeight / 2
                if !bar.round.isEmpty {
                    body += SVGChart.text(SVGChart.fit(HTMLReport.roundTitle(bar.round), roundColumns), x: roundX, y: middle,
                                          fill: SVGChart.muted, size: 12)
                }
                body += SVGChart.rect(x: barX, y: y, width: x(bar.percent) - barX, height: barHeight,
                                      fill: SVGChart.roundColour(r, of: group.bars.count))
                body += SVGChart.line(x1: barX, y1: y, x2: barX, y2: y + barHeight, stroke: SVGChart.muted)
                var labelX = x(bar.percent) + 6
                if let interval = bar.interval {
                    body += SVGChart.line(x1: x(interval.lower), y1: middle, x2: x(interval.upper), y2: middle, stroke: SVGChart.ink)
                    for end in [interval.lower, interval.upper] {
                        body += SVGChart.line(x1: x(end), y1: middle - 4, x2: x(end), y2: middle + 4, stroke: SVGChart.ink)
                    }
                    labelX = max(labelX, x(interval.upper) + 6)
                }
                body += SVGChart.text(bar.label, x: labelX, y: middle, size: 12)
                y += barHeight + barGap
            }
            y += groupGap
        }
        return (body, y)
    }

    /// "Opening (n = 40): Agree 41%, Disagree 20%; Closing (n = 38): …".
    static func description(_ rounds: [RoundDistribution]) -> String {
        rounds.map { round in
            "\(HTMLReport.roundTitle(round.round)) (n = \(round.n)): "
                + round.rows.map { "\($0.label) \(NumberText.percent($0.percent)) (\($0.count))" }.joined(separator: ", ")
        }.joined(separator: "; ") + "."
    }
}
