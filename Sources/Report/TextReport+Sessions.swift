import Analysis
import PollCore

extension TextReport {
    /// Sessions side by side: per question one line per session (its values, change, interval
    /// and verdict) and the pooled change when the polls are identical.
    public func render(_ comparison: SessionComparison) -> String {
        let names = comparison.reports.map(\.session.name)
        var lines = [style("Sessions side by side: " + names.joined(separator: ", "), .bold)]
        for report in comparison.reports {
            lines += wrap("\(report.session.name): \(report.session.pollTitle) · created \(Formatting.date(report.session.createdAt)) · "
                          + report.rounds.map { "\($0) \(report.participants[$0] ?? 0)" }.joined(separator: ", "), indent: "   ", hanging: "     ")
        }
        if !comparison.identicalPolls { lines += [""] + wrap(ReportWording.notPooled, indent: "") }
        let nameWidth = min(20, names.map(DisplayWidth.of).max() ?? 8)
        for (number, row) in comparison.questions.enumerated() {
            lines.append("")
            lines += wrap("\(number + 1). \(row.question.ask) (\(row.measure))", indent: "", hanging: "   ").map { style($0, .bold) }
            for (name, entry) in zip(names, row.sessions) {
                let text = entry.map { ReportWording.sessionEntry($0, unit: row.unit) } ?? "not compared (not asked in two rounds, or too few answers)"
                let lead = "   " + DisplayWidth.fit(name, nameWidth) + "  "
                lines += wrap(text, indent: lead, hanging: String(repeating: " ", count: DisplayWidth.of(lead)))
                    .map { entry?.verdict == .clearShift ? style($0, .green) : $0 }
            }
            if let pooled = row.pooled { lines += wrap(ReportWording.pooled(pooled, unit: row.unit), indent: "   ", hanging: "     ") }
            if let why = row.notPooled { lines += wrap(why.prefix(1).uppercased() + why.dropFirst() + ".", indent: "   ", hanging: "     ") }
        }
        lines.append("")
        lines += wrap(ReportWording.sessionsNote, indent: "")
        return lines.map(DisplayWidth.trimTrailing).joined(separator: "\n") + "\n"
    }
}
