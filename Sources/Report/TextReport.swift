import Analysis
import PollCore

/// The report for the terminal: per question a headline sentence and the verdict, then each
/// compared round's counts, shares and bars side by side, the change in points and its 95%
/// interval. Colour (bold headlines, the verdict in green or grey) only when asked for.
public struct TextReport: ReportFormat {
    static let width = 80
    static let maxLabelWidth = 19
    static let barWidth = 8

    /// Whether to colour with ANSI escapes (a terminal without `NO_COLOR`).
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ report: ShiftReport) -> String {
        var lines: [String] = [style(report.session.pollTitle, .bold)]
        if let event = report.session.event { lines.append(event) }
        lines.append("Session \(report.session.name) · created \(Formatting.date(report.session.createdAt))")
        lines.append("Participants: " + report.rounds.map { "\($0) \(report.participants[$0] ?? 0)" }.joined(separator: ", ")
                     + (report.rounds.count >= 2 ? "; \(report.pairedParticipants) in both" : ""))
        if let caveat = report.caveat { lines += wrap("Note: " + caveat, indent: "") }
        lines += summary(report)
        for (number, shift) in report.questions.enumerated() {
            lines.append("")
            lines += render(shift, number: number + 1)
        }
        if let knowledge = report.knowledge {
            lines += ["", style("Knowledge check", .bold)]
            lines += wrap(knowledge.headline, indent: "").map { style($0, .bold) }
            lines += wrap(KnowledgeWording.summary(knowledge), indent: "")
            if let consistency = KnowledgeWording.reliability(knowledge) { lines += wrap(consistency, indent: "") }
            for (number, item) in knowledge.items.enumerated() {
                lines += wrap("\(number + 1). " + KnowledgeWording.item(item), indent: "", hanging: "   ")
            }
            lines += wrap(KnowledgeWording.thresholds, indent: "")
        }
        for breakdown in report.segments {
            lines.append("")
            lines += segment(breakdown)
        }
        if let agenda = report.agenda {
            lines += ["", style("Agenda", .bold)] + agenda.lines
        }
        if let qandA = report.qandA {
            lines += ["", style("Audience Q&A", .bold)]
            for line in QandASection.lines(qandA, number: { "\($0)." }, bullet: "-") {
                lines += line.isEmpty ? [""] : wrap(line, indent: "", hanging: "   ")
            }
        }
        lines.append("")
        lines += wrap(ReportWording.methodsSummary, indent: "")
        return lines.map(DisplayWidth.trimTrailing).joined(separator: "\n") + "\n"
    }

    /// One line per question, clear shifts first: the verdict, the question's number and text
    /// (cut to fit), and its headline value ("“Yes” 39% → 61%").
    func summary(_ report: ShiftReport) -> [String] {
        guard !report.questions.isEmpty else { return [] }
        let order = report.summaryOrder
        let values = order.map { ReportWording.summaryValue(report.questions[$0], measureColumns: 14) }
        let valueWidth = min(28, values.map(DisplayWidth.of).max() ?? 0)
        let numberWidth = String(report.questions.count).count + 1
        let verdictWidth = 13
        let askWidth = max(12, Self.width - verdictWidth - numberWidth - 1 - 2 - valueWidth)
        var lines = ["", style("Summary, clear shifts first", .bold)]
        for (q, value) in zip(order, values) {
            let shift = report.questions[q]
            let verdict = style(DisplayWidth.fit(shift.verdict.label, verdictWidth), shift.verdict == .clearShift ? .green : .dim)
            lines.append(verdict + DisplayWidth.padLeft("\(q + 1).", numberWidth) + " "
                         + DisplayWidth.fit(shift.question.ask, askWidth) + "  " + DisplayWidth.fit(value, valueWidth))
        }
        return lines
    }

    func render(_ shift: QuestionShift, number: Int) -> [String] {
        let question = shift.question
        var lines = wrap("\(number). \(question.id) · \(question.kind.rawValue)\(question.segment ? " · segment" : "")"
                         + KnowledgeWording.rightAnswerNote(question), indent: "", hanging: "   ").map { style($0, .bold) }
        lines += wrap(question.ask, indent: "   ")
        if question.kind == .text {
            for round in shift.rounds {
                lines.append("   \(round.round) (n=\(round.n)):")
                for text in round.texts { lines += wrap("– " + text, indent: "   ", hanging: "     ") }
            }
            return lines
        }
        lines += wrap(shift.headline, indent: "   ").map { style($0, .bold) }
        if shift.note == nil {
            lines += wrap(shift.verdictText, indent: "   ").map { style($0, shift.verdict == .clearShift ? .green : .dim) }
        }
        lines += table(shift)
        if let leading = ReportWording.leading(shift) { lines += wrap(leading, indent: "   ") }
        if let hands = ReportWording.hands(shift) { lines += wrap(hands, indent: "   ") }
        for test in shift.tests.filter({ !$0.primary }) {
            lines += wrap("also: " + ReportWording.testLine(test), indent: "   ", hanging: "         ").map { style($0, .dim) }
        }
        return lines
    }

    /// Rows of the first and last round with bars, the change and its interval.
    func table(_ shift: QuestionShift) -> [String] {
        guard let first = shift.rounds.first else { return [] }
        let compared = shift.rounds.count >= 2 ? [first, shift.rounds.last!] : [first]
        // Counts take the width of the largest (a room of 1,000 or more keeps its columns).
        let countWidth = max(3, compared.flatMap { $0.rows.map { String($0.count).count } }.max() ?? 3)
        let column = countWidth + 1 + 4 + 1 + Self.barWidth + 2
        // Labels give way to a long interval ("-32 to -0.02"), so that every row fits the width.
        let intervalWidth = shift.intervals?.compactMap { $0.map { 2 + DisplayWidth.of(ReportWording.interval($0)) } }.max() ?? 0
        let room = Self.width - 3 - 1 - compared.count * column - 6 - intervalWidth
        let labelWidth = min(Self.maxLabelWidth, max(4, room), max(8, first.rows.map { DisplayWidth.of($0.label) }.max() ?? 8))
        let changeHeader = shift.question.kind == .ranking ? " rank change" : " change" + (shift.intervals == nil ? "" : "  95% CI")
        var lines = ["   " + String(repeating: " ", count: labelWidth + 1)
                     + compared.map { DisplayWidth.fit("\($0.round) (n=\($0.n))", column) }.joined()
                     + (shift.changePoints == nil ? "" : changeHeader)]
        for row in first.rows.indices {
            let label = DisplayWidth.wrap(first.rows[row].label, labelWidth)
            var line = "   " + DisplayWidth.fit(label.first ?? "", labelWidth) + " "
            for round in compared {
                let share = round.rows[row]
                if shift.question.kind == .ranking {
                    let rank = share.meanRank.map { "mean rank " + NumberText.decimal($0, places: 1) } ?? "–"
                    line += DisplayWidth.fit(rank, column)
                } else {
                    line += DisplayWidth.padLeft(String(share.count), countWidth) + " " + DisplayWidth.padLeft(NumberText.percent(share.percent), 4)
                        + " " + TextBar.render(percent: share.percent, width: Self.barWidth) + "  "
                }
            }
            if let change = ReportWording.rowChange(shift, row: row) {
                line += DisplayWidth.padLeft(change, 6)
                if let interval = shift.intervals?[row] { line += "  " + ReportWording.interval(interval) }
            }
            lines.append(line)
            lines += label.dropFirst().map { "   " + $0 }
        }
        if compared.contains(where: { $0.mean != nil }) {
            lines += wrap(compared.map { "\($0.round): \(ReportWording.meanLine($0))" }.joined(separator: "; "), indent: "   ")
        }
        return lines
    }

    func segment(_ breakdown: SegmentBreakdown) -> [String] {
        var lines = wrap("By \(breakdown.segment.id): " + breakdown.groups.map { "\($0.label) (\($0.size))" }.joined(separator: ", "),
                         indent: "").map { style($0, .bold) }
        for group in breakdown.groups where group.size > 0 {
            lines.append("   \(group.label) (\(group.size) participants)")
            for shift in group.shifts {
                lines += wrap("\(shift.question.id): \(shift.headline)", indent: "     ", hanging: "       ")
            }
        }
        if !breakdown.comparisons.isEmpty {
            lines.append("   Did the groups move differently? (exploratory)")
            for comparison in breakdown.comparisons {
                lines += wrap("– " + ReportWording.comparisonLine(comparison), indent: "   ", hanging: "     ")
                lines += wrap(comparison.groups.map { ReportWording.groupChange($0, unit: comparison.unit) }.joined(separator: "; "),
                              indent: "     ").map { style($0, .dim) }
            }
            lines += wrap(ReportWording.comparisonsSummary(breakdown), indent: "   ")
        }
        return lines
    }

    func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        let body = DisplayWidth.wrap(text, Self.width - DisplayWidth.of(hanging ?? indent))
        return body.enumerated().map { ($0.offset == 0 ? indent : hanging ?? indent) + $0.element }
    }

    enum Style: String {
        case bold = "1", green = "32", dim = "2"
    }

    func style(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
