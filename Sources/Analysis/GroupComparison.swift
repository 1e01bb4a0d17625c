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
    /// Groups with at least `ChangeSample.minimum` values in both rounds (pairs when paired),
    /// in the segment's option order.
    public var groups: [Group]
    /// The highest group's value minus the lowest's, in the first and the last round.
    public var gapBefore: Double
    public var gapAfter: Double
    public var test: TestResult?
    /// Why there is no test, when there is none.
    public var untested: String?
    /// Holm-adjusted across every group comparison of the report.
    public var pAdjusted: Double?

    /// Whether the gap between the groups narrowed (nil when it stayed the same).
    public var gapNarrowed: Bool? {
        gapAfter == gapBefore ? nil : gapAfter < gapBefore
    }
}

extension GroupComparison {
    /// The comparison of `room`'s question across `groups` (disjoint: each participant in one),
    /// each given as the session restricted to its members; nil when the room's question has
    /// no tested design or headline measure, or fewer than two groups have enough answers.
    /// The first and the last round are the question's own (those its shift compares).
    static func of(_ room: QuestionShift, groups: [(label: String, tally: Tally)]) -> GroupComparison? {
        guard let design = room.design, room.headlineValue != nil, let measure = HeadlineMeasure(room),
              let first = room.rounds.first?.round, let last = room.rounds.last?.round else { return nil }
        let rounds = (first: first, last: last)
        let samples = groups.compactMap { group -> (label: String, sample: ChangeSample)? in
            guard let first = group.tally.tally(round: rounds.first, question: measure.question.id),
                  let last = group.tally.tally(round: rounds.last, question: measure.question.id),
                  let sample = ChangeSample.of(first: first, last: last, measure: measure, design: design) else { return nil }
            return (group.label, sample)
        }
        guard samples.count >= 2 else { return nil }
        let rows = samples.map { Group(label: $0.label, n: $0.sample.n, before: $0.sample.before, after: $0.sample.after,
                                       change: $0.sample.change, interval: $0.sample.interval) }
        var test: TestResult?, untested: String?
        if design == .paired {
            test = StatisticalTests.oneWayANOVA(samples.map(\.sample.differences))
            if test == nil { untested = "every group’s paired participants changed alike, to the last one" }
        } else if let still = samples.first(where: { $0.sample.variance <= 0 }) {
            // Cochran's Q weighs each change by its precision: a change without a variance cannot be weighed.
            untested = "“\(still.label)” gave one answer in both rounds, so its change has no estimated variance"
        } else {
            test = StatisticalTests.heterogeneity(estimates: samples.map(\.sample.change), variances: samples.map(\.sample.variance))
        }
        let (before, after) = (rows.map(\.before), rows.map(\.after))
        return GroupComparison(question: measure.question, measure: measure.name, unit: measure.unit, design: design, groups: rows,
                               gapBefore: before.max()! - before.min()!, gapAfter: after.max()! - after.min()!,
                               test: test, untested: untested, pAdjusted: nil)
    }
}
