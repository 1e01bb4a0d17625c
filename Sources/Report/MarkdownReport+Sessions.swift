import Analysis
import PollCore

extension MarkdownReport {
    /// Sessions side by side: per question a table with a row per session, and the pooled change.
    public func render(_ comparison: SessionComparison) -> String {
        var lines = ["# Sessions side by side", ""]
        lines += ["| Session | Poll | Created | Participants |", "|---|---|---|---|"]
        for report in comparison.reports {
            lines.append("| \(escape(report.session.name)) | \(escape(report.session.pollTitle)) | \(Formatting.date(report.session.createdAt)) | "
                         + escape(report.rounds.map { "\($0) \(report.participants[$0] ?? 0)" }.joined(separator: ", ")) + " |")
        }
        if !comparison.identicalPolls { lines += ["", "> " + escape(ReportWording.notPooled)] }
        for (number, row) in comparison.questions.enumerated() {
            lines += ["", "## \(number + 1). \(escape(row.question.ask))", "", "Measure: \(escape(row.measure)).", ""]
            lines += ["| Session | n | First round | Last round | Change (95% CI) | Verdict |", "|---|---:|---:|---:|---|---|"]
            for (report, entry) in zip(comparison.reports, row.sessions) {
                guard let entry else {
                    lines.append("| \(escape(report.session.name)) | – | – | – | not compared | – |")
                    continue
                }
                lines.append("| \(escape(report.session.name)) | \(entry.n)\(entry.design == .paired ? " paired" : "") "
                             + "| \(ReportWording.value(entry.before, row.unit)) | \(ReportWording.value(entry.after, row.unit)) "
                             + "| \(escape(ReportWording.change(entry.change, interval: entry.interval, unit: row.unit))) | \(escape(ReportWording.verdict(entry))) |")
            }
            if let pooled = row.pooled { lines += ["", "**" + escape(ReportWording.pooled(pooled, unit: row.unit)) + "**"] }
            if let why = row.notPooled { lines += ["", escape(why.prefix(1).uppercased() + why.dropFirst() + ".")] }
        }
        lines += ["", "## How to read this", "", escape(ReportWording.sessionsNote)]
        return lines.joined(separator: "\n") + "\n"
    }
}
