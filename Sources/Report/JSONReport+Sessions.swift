import Analysis
import PollCore

extension JSONReport {
    /// Several sessions side by side, schema `roompoll.sessions/1` (docs/report-schema.md).
    public static let sessionsSchema = "roompoll.sessions/1"

    public func render(_ comparison: SessionComparison) -> String {
        Self.encode(Sessions(comparison))
    }

    struct Sessions: Encodable {
        var schema = JSONReport.sessionsSchema
        var sessions: [SessionSummary]
        var identical_polls: Bool
        var questions: [Row]

        init(_ comparison: SessionComparison) {
            sessions = comparison.reports.map {
                SessionSummary(name: $0.session.name, poll_title: $0.session.pollTitle, event: $0.session.event,
                               created: Timestamp.format($0.session.createdAt), participants: $0.participants)
            }
            identical_polls = comparison.identicalPolls
            questions = comparison.questions.map(Row.init)
        }
    }

    struct SessionSummary: Encodable {
        var name: String
        var poll_title: String
        var event: String?
        var created: String
        var participants: [String: Int]
    }

    struct Row: Encodable {
        var id: String
        var ask: String
        var kind: String
        var measure: String
        var unit: String
        var sessions: [Entry?]
        var pooled: Pooled?
        var not_pooled: String?

        init(_ row: SessionComparison.Row) {
            not_pooled = row.notPooled
            id = row.question.id
            ask = row.question.ask
            kind = row.question.kind.rawValue
            measure = row.measure
            unit = row.unit.rawValue
            sessions = row.sessions.map { $0.map(Entry.init) }
            pooled = row.pooled.map(Pooled.init)
        }
    }

    struct Entry: Encodable {
        var n: Int
        var design: String
        var before: Double
        var after: Double
        var change: Double
        var interval: Interval?
        var verdict: String
        var own_measure: String?

        init(_ entry: SessionComparison.Entry) {
            own_measure = entry.ownMeasure
            n = entry.n
            design = entry.design.rawValue
            before = entry.before
            after = entry.after
            change = entry.change
            interval = entry.interval.map(Interval.init)
            switch entry.verdict {
            case .clearShift: verdict = "clear_shift"
            case .notClear: verdict = "not_clear"
            case .notTested: verdict = "not_tested"
            }
        }
    }

    struct Pooled: Encodable {
        var method = "fixed_effect"
        var sessions: Int
        var change: Double
        var interval: Interval
        var heterogeneity: Heterogeneity?

        init(_ pooled: SessionComparison.Pooled) {
            sessions = pooled.sessions
            change = pooled.change
            interval = Interval(pooled.interval)
            heterogeneity = pooled.heterogeneity.map { Heterogeneity(statistic: $0.statistic, df: $0.df, p_value: $0.pValue) }
        }
    }

    struct Heterogeneity: Encodable {
        var name = "heterogeneity_q"
        var statistic: Double?
        var df: Double?
        var p_value: Double
    }
}
