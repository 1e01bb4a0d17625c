import Foundation
import Analysis
import PollCore

/// The report as CSV: one row per question × option with opening and closing counts and
/// percentages, the change in points and its 95% interval (the last round's columns stay
/// empty for a question asked in one round only; `text` questions have no rows). A knowledge
/// check adds one `knowledge` row per question (the share answering right, with McNemar's p)
/// and `knowledge_score` rows for the check as a whole (the mean % right with the paired t
/// test's p, and the normalized gains); `correct` marks the right options. The audience Q&A
/// adds a `qanda` row per question listed (answered in order, then unanswered by votes) and a
/// `qanda_time` row per side; the agenda an `agenda` row per part. Columns a kind does not use
/// stay empty.
public struct CSVReport: ReportFormat {
    public init() {}

    static let header = ["question", "kind", "option", "first_round", "last_round", "first_n", "last_n",
                         "first_count", "first_percent", "last_count", "last_percent",
                         "change_points", "ci_lower", "ci_upper", "paired_n", "paired_change_points",
                         "paired_ci_lower", "paired_ci_upper", "correct", "p_value", "normalized_gain",
                         "side", "channel", "state", "votes", "asked", "answered", "minutes", "planned_minutes"]
    /// The columns after `normalized_gain`, used by the Q&A and agenda rows only.
    static let qandAndAgendaColumns = 8

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
                    shift.question.correct.map { $0.contains(row) ? "true" : "false" } ?? "", "", "",
                ])
            }
        }
        if let knowledge = report.knowledge { rows += knowledgeRows(knowledge) }
        // The option and knowledge rows leave the Q&A and agenda columns empty.
        rows = [Self.header] + rows.dropFirst().map { $0 + Array(repeating: "", count: Self.qandAndAgendaColumns) }
        if let qandA = report.qandA { rows += qandARows(qandA) }
        if let agenda = report.agenda { rows += agendaRows(agenda) }
        return rows.map(CSV.line).joined()
    }

    /// A row of `kind` with `option` and the Q&A and agenda columns (the others empty).
    func extraRow(_ question: String, _ kind: String, _ option: String, side: String = "", channel: String = "", state: String = "",
              votes: String = "", asked: String = "", answered: String = "", minutes: String = "", planned: String = "") -> [String] {
        [question, kind, option] + Array(repeating: "", count: Self.header.count - Self.qandAndAgendaColumns - 3)
            + [side, channel, state, votes, asked, answered, minutes, planned]
    }

    /// The Q&A: each question listed in the report's order (answered, then unanswered by votes)
    /// with its side, channel, state, votes and minutes answering; each side's time.
    func qandARows(_ q: QandASummary) -> [[String]] {
        let questions = (q.answered + q.unanswered).map { item in
            extraRow(String(item.id), "qanda", item.text, side: item.side.rawValue, channel: item.channel.rawValue, state: item.state.rawValue,
                 votes: String(item.votes), minutes: minutes(item.seconds / 60))
        }
        let sides = [QandASide.room, .online].map { side in
            extraRow("qanda", "qanda_time", side.label, side: side.rawValue, asked: String(q[side].asked),
                 answered: String(q[side].answered), minutes: minutes(q[side].seconds / 60))
        }
        return questions + sides
    }

    /// The agenda: each part's planned and actual minutes; `state` ended, not_ended (counted to
    /// the session's last stored activity) or not_reached.
    func agendaRows(_ agenda: AgendaSummary) -> [[String]] {
        agenda.parts.map { part in
            extraRow("agenda", "agenda", part.name, state: AgendaSummary.state(part), minutes: minutes(part.tookMinutes),
                     planned: String(part.plannedMinutes))
        }
    }

    /// Per knowledge question the share answering right; for the check, the mean % right and
    /// the class and the mean individual gains.
    func knowledgeRows(_ k: KnowledgeAnalysis) -> [[String]] {
        var rows = k.items.map { item -> [String] in
            let first = item.rounds.first, last = item.rounds.count >= 2 ? item.rounds.last : nil
            let change = first?.percent.flatMap { before in last?.percent.map { $0 - before } }
            return [item.question.id, "knowledge", "right", first?.round ?? "", last?.round ?? "",
                    first.map { String($0.respondents) } ?? "", last.map { String($0.respondents) } ?? "",
                    first.map { String($0.correct) } ?? "", number(first?.percent),
                    last.map { String($0.correct) } ?? "", number(last?.percent),
                    number(change), "", "", item.paired > 0 ? String(item.paired) : "", number(item.pairedChange),
                    number(item.pairedInterval?.lower), number(item.pairedInterval?.upper), "", pValue(item.test?.pValue), ""]
        }
        guard k.rounds.count == 2 else { return rows }
        let (first, last) = (k.rounds[0], k.rounds[1])
        let change = first.meanPercent.flatMap { before in last.meanPercent.map { $0 - before } }
        rows.append(["knowledge_check", "knowledge_score", "mean percent right", first.round, last.round,
                     String(first.participants), String(last.participants), "", number(first.meanPercent), "", number(last.meanPercent),
                     number(change), "", "", String(k.paired), number(k.meanChange), number(k.meanInterval?.lower),
                     number(k.meanInterval?.upper), "", pValue(k.pairedT?.pValue), number(k.classGain)])
        rows.append(["knowledge_check", "knowledge_score", "mean individual gain", first.round, last.round,
                     "", "", "", "", "", "", "", "", "", String(k.paired - k.perfectFirst), "", "", "", "", "", number(k.meanIndividualGain)])
        return rows
    }

    /// A p-value: four decimals, or three significant digits below 0.001 (`3.210e-07`).
    func pValue(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value >= 0.001 || value == 0 ? number(value) : String(format: "%.3e", value)
    }

    /// Minutes to a tenth (as the JSON report's).
    func minutes(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberText.decimal(value, places: 1)
    }

    func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberText.decimal(value, places: 4)
    }
}
