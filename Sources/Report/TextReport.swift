import Analysis
import PollCore

/// The report for the terminal: per question, each round's counts, shares and bars side by
/// side, and the change in percentage points.
public struct TextReport: ReportFormat {
    static let labelWidth = 22
    static let barWidth = 10

    public init() {}

    public func render(_ report: ShiftReport) -> String {
        var lines: [String] = [report.session.pollTitle]
        if let event = report.session.event { lines.append(event) }
        lines.append("Session \(report.session.name) · created \(Formatting.date(report.session.createdAt))")
        lines.append("Participants: " + report.rounds.map { "\($0) \(report.participants[$0] ?? 0)" }.joined(separator: ", "))
        for (number, shift) in report.questions.enumerated() {
            lines.append("")
            lines += render(shift, number: number + 1)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func render(_ shift: QuestionShift, number: Int) -> [String] {
        let question = shift.question
        var lines = ["\(number). \(question.id) · \(question.kind.rawValue)\(question.segment ? " · segment" : "")",
                     "   \(question.ask)"]
        let header = shift.rounds.map { round in
            DisplayWidth.fit("\(round.round) (n=\(round.n))", 21)
        }.joined()
        if question.kind == .text {
            for round in shift.rounds {
                lines.append("   \(round.round) (n=\(round.n)):")
                lines += round.texts.map { "   – \($0)" }
            }
            return lines
        }
        lines.append("   " + String(repeating: " ", count: Self.labelWidth + 1) + header
                     + (shift.changePoints == nil ? "" : "change"))
        let rowCount = shift.rounds.map(\.rows.count).max() ?? 0
        for row in 0..<rowCount {
            let label = shift.rounds.first?.rows[row].label ?? ""
            var line = "   " + DisplayWidth.fit(label, Self.labelWidth) + " "
            for round in shift.rounds {
                let share = round.rows[row]
                if question.kind == .ranking {
                    let rank = share.meanRank.map { "rank " + NumberText.decimal($0, places: 1) } ?? "–"
                    line += DisplayWidth.fit("\(share.count) first  \(rank)", 21)
                } else {
                    let numbers = DisplayWidth.padLeft(String(share.count), 4) + " " + DisplayWidth.padLeft(NumberText.percent(share.percent), 4)
                    line += numbers + " " + TextBar.render(percent: share.percent, width: Self.barWidth) + " "
                }
            }
            if let change = shift.changePoints?[row] { line += DisplayWidth.padLeft(NumberText.points(change), 6) + " pts" }
            lines.append(DisplayWidth.trimTrailing(line))
        }
        if shift.rounds.contains(where: { $0.mean != nil }) {
            lines.append("   " + DisplayWidth.fit("mean", Self.labelWidth) + " "
                         + shift.rounds.map { DisplayWidth.fit($0.mean.map { NumberText.decimal($0) } ?? "–", 21) }.joined())
        }
        if let hands = shift.rounds.first(where: { $0.hands > 0 }) {
            lines.append("   (\(hands.hands) counted by show of hands in the \(hands.round) round)")
        }
        if let paired = shift.paired, paired.n > 0 {
            lines.append("   \(paired.differently) of \(paired.n) paired participants answered differently.")
        }
        if let note = shift.note { lines.append("   No change measured: \(note).") }
        return lines.map(DisplayWidth.trimTrailing)
    }
}
