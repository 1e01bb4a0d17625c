import Analysis
import PollCore

/// Likert's diverging stacked bars: one bar per round, the disagreeing labels left of a centre
/// line, the agreeing ones right of it and the middle label (odd scales) split across it, each
/// segment labelled with its percentage when it is wide enough. A legend names the labels.
enum DivergingBars {
    static let roundColumns = 12
    static let left = 100.0
    static let halfWidth = 260.0
    static let barHeight = 28.0
    static let barGap = 12.0
    /// Segments narrower than this carry no percentage (it is in the table and description).
    static let minimumLabelWidth = 30.0

    static func render(_ shift: QuestionShift, id: String) -> String? {
        let rounds = shift.rounds.filter { $0.n > 0 }
        guard let labels = rounds.first?.rows.map(\.label), labels.count >= 2 else { return nil }
        let colours = SVGChart.likertColours(labels.count)
        let centre = left + halfWidth, scale = halfWidth / 100
        let middle: Int? = labels.count % 2 == 1 ? labels.count / 2 : nil
        // The centre line first: bars cover it, so it shows between and around them.
        let bottom = 8 + Double(rounds.count) * (barHeight + barGap) - barGap
        var body = SVGChart.line(x1: centre, y1: 2, x2: centre, y2: bottom + 6, stroke: SVGChart.ink, width: 2)
        var y = 8.0
        for round in rounds {
            let percents = labels.indices.map { k in
                k < round.rows.count && round.rows[k].percent.isFinite ? min(max(round.rows[k].percent, 0), 100) : 0
            }
            let leftShare = percents.prefix(labels.count / 2).reduce(0, +) + (middle.map { percents[$0] / 2 } ?? 0)
            var x = centre - leftShare * scale
            body += SVGChart.text(SVGChart.fit(HTMLReport.roundTitle(round.round), roundColumns), x: 0, y: y + barHeight / 2,
                                  fill: SVGChart.muted, size: 12)
            var texts = ""
            for k in labels.indices {
                let width = percents[k] * scale
                body += SVGChart.rect(x: x, y: y, width: width, height: barHeight, fill: colours[k], stroke: "#fff")
                if width >= minimumLabelWidth {
                    texts += SVGChart.text(NumberText.percent(percents[k]), x: x + width / 2, y: y + barHeight / 2,
                                          anchor: "middle", fill: SVGChart.textColour(on: colours[k]), size: 12)
                }
                x += width
            }
            body += texts
            y += barHeight + barGap
        }
        for (offset, text) in [(-100.0, "100%"), (-50, "50%"), (0, "0"), (50, "50%"), (100, "100%")] {
            body += SVGChart.text(text, x: centre + offset * scale, y: y + 6, anchor: "middle", fill: SVGChart.muted, size: 11)
        }
        y += 16
        body += SVGChart.text("← disagree", x: left, y: y, fill: SVGChart.muted, size: 11)
        body += SVGChart.text("agree →", x: left + 2 * halfWidth, y: y, anchor: "end", fill: SVGChart.muted, size: 11)
        y += 12
        let svg = SVGChart.frame(id: id, title: "Agreement per round, disagreeing answers left of the centre line: \(shift.question.ask)",
                                 description: description(rounds, labels: labels, middle: middle), height: y, body: body)
        return svg + legend(labels, colours: colours)
    }

    static func description(_ rounds: [RoundDistribution], labels: [String], middle: Int?) -> String {
        var text = BeforeAfterBars.description(rounds)
        text += " Disagreeing answers are drawn left of the centre line, agreeing ones right of it"
        text += middle.map { ", “\(labels[$0])” split across it." } ?? "."
        return text
    }

    /// The labels in order, each with its colour swatch.
    static func legend(_ labels: [String], colours: [String]) -> String {
        SVGChart.legend(zip(labels, colours).map { (label: HTMLEscaping.pollText($0), fill: $1, opacity: 1) })
    }
}
