import PollCore

/// One sample's change on a headline measure, from the participants' answers in the first and
/// the last round: a segment's group, or one session of several. Paired: the paired
/// participants' mean change with its interval (Newcombe's paired interval for a percent, a t
/// interval for a mean); unpaired: the last round's value minus the first's (Newcombe, Welch).
struct ChangeSample: Sendable {
    /// Pairs (paired design) or the smaller round's respondents.
    var n: Int
    /// The measure over each round's respondents (percent ×100).
    var before: Double
    var after: Double
    var change: Double
    var interval: ConfidenceInterval?
    /// The variance of `change` (normal approximation), for comparing and pooling samples:
    /// paired s²/n of the changes; unpaired the Wald variance of a difference of proportions, or
    /// Welch's s₁²/n₁ + s₂²/n₂.
    var variance: Double
    /// Paired: each paired participant's change (unscaled).
    var differences: [Double]

    /// Samples with fewer values than this (in either round, or pairs) are left out.
    static let minimum = 2

    static func of(first: QuestionTally, last: QuestionTally, measure: HeadlineMeasure, design: QuestionShift.Design) -> ChangeSample? {
        let before = first.inArrivalOrder.compactMap { measure.value($0.answer) }
        let after = last.inArrivalOrder.compactMap { measure.value($0.answer) }
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
            sample.variance = scale * scale * variance / Double(differences.count)
            if measure.unit == .percent, let option = measure.option {
                let t = answers.pairedTable(option: option)
                sample.interval = Intervals.newcombePaired(a: t.a, b: t.b, c: t.c, d: t.d).map(RowIntervals.points)
            } else {
                sample.interval = MeanChange.paired(differences)?.interval
            }
        } else {
            sample.change = sample.after - sample.before
            if measure.unit == .percent {
                let (a, b) = (Int(after.reduce(0, +)), Int(before.reduce(0, +)))
                sample.interval = Intervals.newcombe(count1: a, n1: after.count, count2: b, n2: before.count).map(RowIntervals.points)
                sample.variance = scale * scale * (meanAfter * (1 - meanAfter) / Double(after.count)
                                                   + meanBefore * (1 - meanBefore) / Double(before.count))
            } else {
                sample.interval = MeanChange.between(after: after, before: before)?.interval
                sample.variance = varianceAfter / Double(after.count) + varianceBefore / Double(before.count)
            }
        }
        return sample
    }
}
