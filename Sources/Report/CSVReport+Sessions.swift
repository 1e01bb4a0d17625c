import Analysis
import PollCore

extension CSVReport {
    static let sessionsHeader = ["session", "question", "kind", "measure", "unit", "n", "design", "first_value", "last_value",
                                 "change", "ci_lower", "ci_upper", "verdict"]

    /// Sessions side by side: a row per question and session on the shared measure, then a
    /// `pooled` row (fixed effect) when the polls are identical.
    public func render(_ comparison: SessionComparison) -> String {
        var rows = [Self.sessionsHeader]
        for row in comparison.questions {
            let lead = [row.question.id, row.question.kind.rawValue, row.measure, row.unit.rawValue]
            for (report, entry) in zip(comparison.reports, row.sessions) {
                guard let entry else { continue }
                rows.append([report.session.name] + lead + [String(entry.n), entry.design.rawValue, number(entry.before), number(entry.after),
                             number(entry.change), number(entry.interval?.lower), number(entry.interval?.upper), ReportWording.verdict(entry)])
            }
            if let pooled = row.pooled {
                rows.append(["pooled"] + lead + [String(pooled.sessions), "fixed_effect", "", "", number(pooled.change),
                             number(pooled.interval.lower), number(pooled.interval.upper), ""])
            }
        }
        return rows.map(CSV.line).joined()
    }
}
