import PollCore

/// One sample's change on a headline measure, from the participants' answers in the first and
/// the last round: a segment's group, or one session of several. Paired: the paired
/// participants' mean change with its interval (Newcombe's paired interval for a percent, a t
/// interval for a mean); unpaired: the last round's value minus the first's (Newcombe, Welch),
/// show-of-hands counts included as in the session's own report.
struct ChangeSample: Sendable {
    /// Pairs (paired design) or the smaller round's respondents.
    var n: Int
    /// The measure over each round's respondents (percent ×100).
    var before: Double
    var after: Double
    var change: Double
    var interval: ConfidenceInterval?
    /// The variance of `change` (normal approximation), for comparing and pooling samples. A
    /// percent's never vanishes at 0% or 100%: unpaired it is Agresti and Caffo's (a success
    /// and a failure added to each round), paired Agresti and Min's (½ added to each cell of
    /// the paired table). A mean's is s²/n of the changes (paired) or Welch's s₁²/n₁ + s₂²/n₂,
    /// and is 0 when nobody's answer varied.
    var variance: Double
    /// Paired: each paired participant's change (unscaled).
    var differences: [Double]

    /// Samples with fewer values than this (in either round, or pairs) are left out.
    static let minimum = 2

    static func of(first: QuestionTally, last: QuestionTally, measure: HeadlineMeasure, design: QuestionShift.Design) -> ChangeSample? {
        let before = values(first, measure), after = values(last, measure)
        let answers = RoundAnswers(first: first, last: last)
        let differences = answers.pairs.compactMap { pair in measure.value(pair.after).flatMap { a in measure.value(pair.before).map { a - $0 } } }
        let n = design == .paired ? differences.count : min(before.count, after.count)
        guard n >= minimum, before.count >= minimum, after.count >= minimum else { return nil }
        let scale = measure.scale
        let (meanBefore, varianceBefore) = StatisticalTests.meanAndVariance(before)
        let (meanAfter, varianceAfter) = StatisticalTests.meanAndVariance(after)
        var sample = ChangeSample(n: n, before: scale * meanBefore, after: scale * meanAfter, change: 0, interval: nil,
                                  variance: 0, differences: design == .paired ? differences : [])
        if design == .paired {
            let (mean, variance) = StatisticalTests.meanAndVariance(differences)
            sample.change = scale * mean
            if measure.unit == .percent, let option = measure.option {
                let t = answers.pairedTable(option: option)
                sample.interval = Intervals.newcombePaired(a: t.a, b: t.b, c: t.c, d: t.d).map(RowIntervals.points)
                sample.variance = scale * scale * agrestiMin(b: t.b, c: t.c, n: t.a + t.b + t.c + t.d)
            } else {
                sample.interval = MeanChange.paired(differences)?.interval
                sample.variance = variance / Double(differences.count)
            }
        } else {
            sample.change = sample.after - sample.before
            if measure.unit == .percent {
                let (a, b) = (Int(after.reduce(0, +)), Int(before.reduce(0, +)))
                sample.interval = Intervals.newcombe(count1: a, n1: after.count, count2: b, n2: before.count).map(RowIntervals.points)
                sample.variance = scale * scale * (agrestiCaffo(a, after.count) + agrestiCaffo(b, before.count))
            } else {
                sample.interval = MeanChange.between(after: after, before: before)?.interval
                sample.variance = varianceAfter / Double(after.count) + varianceBefore / Double(before.count)
            }
        }
        return sample
    }

    /// A round's values of the measure: each participant's, plus show-of-hands counts where the
    /// question has them (counted like the session's report counts them).
    static func values(_ tally: QuestionTally, _ measure: HeadlineMeasure) -> [Double] {
        let individual = tally.answersInArrivalOrder.compactMap { measure.value($0) }
        guard let hands = tally.hands else { return individual }
        switch measure.question.kind {
        case .single:
            guard let option = measure.option, option < hands.count else { return individual }
            return individual + Array(repeating: 1, count: hands[option]) + Array(repeating: 0, count: hands.reduce(0, +) - hands[option])
        case .likert:
            return individual + RoundAnswers.values(counts: hands, base: 1)
        default:
            return individual
        }
    }

    /// p̃(1 − p̃)/(n + 2) with p̃ = (x + 1)/(n + 2): one round's share, a success and a failure added.
    static func agrestiCaffo(_ x: Int, _ n: Int) -> Double {
        let p = Double(x + 1) / Double(n + 2)
        return p * (1 - p) / Double(n + 2)
    }

    /// The variance of a paired difference of proportions, (b + c − (b − c)²/n)/n², with ½ added
    /// to each of the table's four cells (n + 2 in all).
    static func agrestiMin(b: Int, c: Int, n: Int) -> Double {
        let (b, c, n) = (Double(b) + 0.5, Double(c) + 0.5, Double(n) + 2)
        return (b + c - (b - c) * (b - c) / n) / (n * n)
    }
}
