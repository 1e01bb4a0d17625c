/// The 95% intervals of each row's change: over all respondents (Newcombe's hybrid score
/// interval) and, for options, among the paired participants (Newcombe's paired method).
enum RowIntervals {
    /// Fills `shift.intervals` (every kind with rows) and `paired.changePoints`/`intervals`
    /// (options of single, multi and likert), when both rounds have two answers or more.
    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers) {
        let first = shift.rounds.first!, last = shift.rounds.last!
        // A round of one answer has no uncertainty to speak of: no intervals at all.
        guard first.n >= 2, last.n >= 2 else { return }
        shift.intervals = first.rows.indices.map { k in
            Intervals.newcombe(count1: last.rows[k].count, n1: last.n, count2: first.rows[k].count, n2: first.n).map(points)
        }
        guard var paired = shift.paired, paired.n > 0, shift.question.kind != .scale else { return }
        let tables = shift.question.options.indices.map(answers.pairedTable)
        paired.changePoints = tables.map { 100 * Double($0.b - $0.c) / Double(paired.n) }
        paired.intervals = tables.map { Intervals.newcombePaired(a: $0.a, b: $0.b, c: $0.c, d: $0.d).map(points) }
        shift.paired = paired
    }

    /// A difference of proportions as an interval in percentage points.
    static func points(_ interval: (lower: Double, upper: Double)) -> ConfidenceInterval {
        ConfidenceInterval(lower: 100 * interval.lower, upper: 100 * interval.upper)
    }
}
