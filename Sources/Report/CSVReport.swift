import Analysis
import PollCore

/// The report as CSV: one row per question × option with opening and closing counts and
/// percentages, the change in points and its 95% interval (the last round's columns stay
/// empty for a question asked in one round only; `text` questions have no rows).
public struct CSVReport: ReportFormat {
    public init() {}

    static let header = ["question", "kind", "option", "first_round", "last_round", "first_n", "last_n",
                         "first_count", "first_percent", "last_count", "last_percent",
                         "change_points", "ci_lower", "ci_upper", "paired_n", "paired_change_points",
                         "paired_ci_lower", "paired_ci_upper"]

    public func render(_ report: ShiftReport) -> String {
        var rows = [Self.header]
        for shift in report.questions where shift.question.kind != .text {
            guard let first = shift.rounds.first else { continue }
            let last = shift.rounds.count >= 2 ? shift.rounds.last : nil
            for row in first.rows.indices {
                let interval = shift.intervals?[row] ?? nil
                let pairedInterval = shift.paired?.intervals?[row] ?? nil
                rows.append([
                    shift.question.id, shift.question.kind.rawValue, first.rows[row].label, first.round, last?.round ?? "",
                    String(first.n), last.map { String($0.n) } ?? "",
                    String(first.rows[row].count), number(first.rows[row].percent),
                    last.map { String($0.rows[row].count) } ?? "", number(last?.rows[row].percent),
                    number(shift.changePoints?[row]), number(interval?.lower), number(interval?.upper),
                    shift.paired.map { String($0.n) } ?? "", number(shift.paired?.changePoints?[row]),
                    number(pairedInterval?.lower), number(pairedInterval?.upper),
                ])
            }
        }
        return rows.map(CSV.line).joined()
    }

    func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberText.decimal(value, places: 4)
    }
}
