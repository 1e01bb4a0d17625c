import PollCore

/// Did the groups of a segment move differently on one question? Each group's change on the
/// room's headline measure with its 95% interval, the gap between the highest and the lowest
/// group in each round, and a test that the changes are equal: in a paired design the one-way
/// ANOVA of the paired participants' changes (the group × round interaction of a mixed ANOVA
/// with two rounds), else Cochran's Q on the groups' changes and their variances. Exploratory:
/// the p-values are Holm-adjusted across every comparison of the report.
public struct GroupComparison: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        public var label: String
        /// Paired participants (paired design) or the smaller round's respondents.
        public var n: Int
        /// The measure in the first and the last round, over the group's respondents.
        public var before: Double
        public var after: Double
        /// Paired: the mean of the paired participants' changes; else `after − before`.
        public var change: Double
        public var interval: ConfidenceInterval?
    }

    public var question: Question
    /// What is compared, as in `HeadlineValue.measure`.
    public var measure: String
    public var unit: HeadlineValue.Unit
    public var design: QuestionShift.Design
    /// Groups with at least `minimumGroup` values in both rounds (pairs when paired), in the
    /// segment's option order.
    public var groups: [Group]
    /// The highest group's value minus the lowest's, in the first and the last round.
    public var gapBefore: Double
    public var gapAfter: Double
    public var test: TestResult?
    /// Holm-adjusted across every group comparison of the report.
    public var pAdjusted: Double?

    /// Groups with fewer values than this (in either round, or pairs) are left out.
    public static let minimumGroup = 2

    /// Whether the gap between the groups narrowed (nil when it stayed the same).
    public var gapNarrowed: Bool? {
        gapAfter == gapBefore ? nil : gapAfter < gapBefore
    }
}

extension GroupComparison {
    /// The comparison of `room`'s question across `groups` (disjoint: each participant in one),
    /// each given as the session restricted to its members; nil when the room's question has
    /// no tested design or headline value, or fewer than two groups have enough answers.
    static func of(_ room: QuestionShift, groups: [(label: String, tally: Tally)], rounds: (first: String, last: String)) -> GroupComparison? {
        guard let design = room.design, let headline = room.headlineValue else { return nil }
        let question = room.question
        let option = room.headlineOption.flatMap(question.options.firstIndex(of:))
        let scale = headline.unit == .percent ? 100.0 : 1.0
        /// The measure of one answer: chose the headline option (1 or 0), a position, or a rank.
        func measure(_ answer: Answer) -> Double? {
            switch question.kind {
            case .single, .multi:
                guard let option else { return nil }
                switch answer {
                case .choice, .choices: return RoundAnswers.chose(answer, option) ? 1 : 0
                default: return nil
                }
            case .likert, .scale: return RoundAnswers.position(answer)
            case .ranking: return option.flatMap { RoundAnswers.position(answer, option: $0) }
            case .words, .text: return nil
            }
        }
        var rows: [Group] = []
        var samples: [[Double]] = [], estimates: [Double] = [], variances: [Double] = []
        for group in groups {
            guard let first = group.tally.tally(round: rounds.first, question: question.id),
                  let last = group.tally.tally(round: rounds.last, question: question.id) else { continue }
            let before = first.inArrivalOrder.compactMap { measure($0.answer) }
            let after = last.inArrivalOrder.compactMap { measure($0.answer) }
            let answers = RoundAnswers(first: first, last: last)
            let differences = answers.pairs.compactMap { pair in measure(pair.after).flatMap { a in measure(pair.before).map { a - $0 } } }
            let n = design == .paired ? differences.count : min(before.count, after.count)
            guard n >= minimumGroup, before.count >= minimumGroup, after.count >= minimumGroup else { continue }
            let (meanBefore, varianceBefore) = StatisticalTests.meanAndVariance(before)
            let (meanAfter, varianceAfter) = StatisticalTests.meanAndVariance(after)
            var row = Group(label: group.label, n: n, before: scale * meanBefore, after: scale * meanAfter, change: 0, interval: nil)
            if design == .paired {
                row.change = scale * differences.reduce(0, +) / Double(differences.count)
                if headline.unit == .percent, let option {
                    let t = answers.pairedTable(option: option)
                    row.interval = Intervals.newcombePaired(a: t.a, b: t.b, c: t.c, d: t.d).map(RowIntervals.points)
                } else {
                    row.interval = MeanChange.paired(differences)?.interval
                }
                samples.append(differences)
            } else {
                row.change = row.after - row.before
                if headline.unit == .percent {
                    let (a, b) = (Int(after.reduce(0, +)), Int(before.reduce(0, +)))
                    row.interval = Intervals.newcombe(count1: a, n1: after.count, count2: b, n2: before.count).map(RowIntervals.points)
                    // The Wald variance of a difference of proportions, in points².
                    variances.append(scale * scale * (meanAfter * (1 - meanAfter) / Double(after.count)
                                                      + meanBefore * (1 - meanBefore) / Double(before.count)))
                } else {
                    row.interval = MeanChange.between(after: after, before: before)?.interval
                    variances.append(varianceAfter / Double(after.count) + varianceBefore / Double(before.count))
                }
                estimates.append(row.change)
            }
            rows.append(row)
        }
        guard rows.count >= 2 else { return nil }
        let values = (rows.map(\.before), rows.map(\.after))
        let test = design == .paired ? StatisticalTests.oneWayANOVA(samples)
                                     : StatisticalTests.heterogeneity(estimates: estimates, variances: variances)
        return GroupComparison(question: question, measure: headline.measure, unit: headline.unit, design: design, groups: rows,
                               gapBefore: values.0.max()! - values.0.min()!, gapAfter: values.1.max()! - values.1.min()!,
                               test: test, pAdjusted: nil)
    }
}
