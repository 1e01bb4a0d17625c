import PollCore

/// Several sessions side by side (the same poll at several events, or the same event in several
/// years): per question, each session's shift on one shared headline measure, and — only when
/// every session ran the identical poll — a pooled estimate of the change: the fixed-effect
/// (inverse-variance weighted) mean of the sessions' changes with its 95% interval, and
/// Cochran's Q test of whether the sessions' changes differ.
public struct SessionComparison: Sendable, Hashable {
    /// Each session's own report, in the order given.
    public var reports: [ShiftReport]
    /// Whether every session ran the same questions in the same rounds (titles may differ).
    public var identicalPolls: Bool
    public var questions: [Row]

    public struct Row: Sendable, Hashable {
        public var question: Question
        /// The measure every session is shown on (the option leading the sessions' last rounds together).
        public var measure: String
        public var unit: HeadlineValue.Unit
        /// One per session: its change on the shared measure (nil where the question was not
        /// asked, not measured, or has too few answers), with the session's own verdict.
        public var sessions: [Entry?]
        public var pooled: Pooled?
        /// Why the sessions' changes are not pooled, when the polls are identical but they are not.
        public var notPooled: String?
    }

    public struct Entry: Sendable, Hashable {
        public var n: Int
        public var design: QuestionShift.Design
        public var before: Double
        public var after: Double
        public var change: Double
        public var interval: ConfidenceInterval?
        /// The session's own verdict on the question (its own primary test and measure).
        public var verdict: Verdict
        /// The measure the session's own headline and verdict are about, when it is not the
        /// shared one (its closing round led with another option).
        public var ownMeasure: String?
    }

    public struct Pooled: Sendable, Hashable {
        /// How many sessions the estimate pools.
        public var sessions: Int
        public var change: Double
        public var interval: ConfidenceInterval
        /// Cochran's Q test that the sessions' changes are equal.
        public var heterogeneity: TestResult?
    }
}

extension SessionComparison {
    /// Compares sessions, each given as its report (analysed alone) and its tally.
    public static func compare(_ sessions: [(report: ShiftReport, tally: Tally)]) -> SessionComparison {
        let definitions = sessions.map(\.tally.definition)
        let identical = definitions.dropFirst().allSatisfy { $0.questions == definitions[0].questions && $0.rounds == definitions[0].rounds }
        // Questions in the order the first session asks them, then any the others add.
        var ids: [String] = []
        for definition in definitions { for question in definition.questions where !ids.contains(question.id) { ids.append(question.id) } }
        let rows = ids.compactMap { id -> Row? in
            let shifts = sessions.map { session in session.report.questions.first { $0.question.id == id } }
            guard let question = shifts.lazy.compactMap({ $0?.question }).first, question.kind != .text, !question.segment,
                  let measure = sharedMeasure(shifts.compactMap { $0 }.filter { $0.question == question }) else { return nil }
            let entries = zip(sessions, shifts).map { session, shift -> (entry: Entry, sample: ChangeSample)? in
                guard let shift, shift.question == question, let design = shift.design,
                      let first = session.tally.definition.rounds.first(where: question.isAsked),
                      let last = session.tally.definition.rounds.last(where: question.isAsked), first != last,
                      let a = session.tally.tally(round: first, question: id), let b = session.tally.tally(round: last, question: id),
                      let sample = ChangeSample.of(first: a, last: b, measure: measure, design: design) else { return nil }
                let own = HeadlineMeasure(shift)?.name
                return (Entry(n: sample.n, design: design, before: sample.before, after: sample.after, change: sample.change,
                              interval: sample.interval, verdict: shift.verdict, ownMeasure: own == measure.name ? nil : own), sample)
            }
            var row = Row(question: question, measure: measure.name, unit: measure.unit, sessions: entries.map { $0?.entry }, pooled: nil)
            let measured = zip(sessions, entries).compactMap { session, entry in entry.map { (session.report.session.name, $0.sample) } }
            if identical, measured.count >= 2 {
                // Inverse-variance weights need a variance: a session where every pair moved alike has none.
                if let still = measured.first(where: { !($0.1.variance > 0 && $0.1.variance.isFinite) }) {
                    row.notPooled = "not pooled: in \(still.0) every paired participant’s change was the same, so its change has no "
                        + "estimated variance to weigh it by"
                } else {
                    row.pooled = pooled(measured.map(\.1))
                }
            }
            return row
        }
        return SessionComparison(reports: sessions.map(\.report), identicalPolls: identical, questions: rows)
    }

    /// One measure for every session: the option leading the sessions' last rounds together
    /// (choice kinds: most chosen; ranking: best mean rank), else the mean.
    static func sharedMeasure(_ shifts: [QuestionShift]) -> HeadlineMeasure? {
        guard let question = shifts.first?.question else { return nil }
        let lasts = shifts.filter { $0.note == nil }.compactMap(\.rounds.last)
        switch question.kind {
        case .single, .multi:
            let counts = question.options.indices.map { k in lasts.reduce(0) { $0 + (k < $1.rows.count ? $1.rows[k].count : 0) } }
            guard let top = counts.max(), top > 0, let k = counts.firstIndex(of: top) else { return nil }
            return shifts.lazy.compactMap { HeadlineMeasure($0, option: question.options[k]) }.first
        case .ranking:
            let ranks = question.options.indices.map { k -> Double in
                let (sum, n) = lasts.reduce((0.0, 0)) { total, round in
                    guard k < round.rows.count, let rank = round.rows[k].meanRank else { return total }
                    return (total.0 + rank * Double(round.n), total.1 + round.n)
                }
                return n > 0 ? sum / Double(n) : .infinity
            }
            guard let best = ranks.min(), best.isFinite, let k = ranks.firstIndex(of: best) else { return nil }
            return shifts.lazy.compactMap { HeadlineMeasure($0, option: question.options[k]) }.first
        default:
            return shifts.lazy.compactMap { HeadlineMeasure($0) }.first
        }
    }

    /// The fixed-effect (inverse-variance weighted) mean of the samples' changes with its normal
    /// 95% interval (statsmodels combine_effects' "fixed effect" row), and Cochran's Q.
    static func pooled(_ samples: [ChangeSample]) -> Pooled? {
        let (estimates, variances) = (samples.map(\.change), samples.map(\.variance))
        guard let fixed = StatisticalTests.fixedEffect(estimates: estimates, variances: variances) else { return nil }
        return Pooled(sessions: samples.count, change: fixed.mean, interval: ConfidenceInterval(lower: fixed.lower, upper: fixed.upper),
                      heterogeneity: StatisticalTests.heterogeneity(estimates: estimates, variances: variances))
    }
}
