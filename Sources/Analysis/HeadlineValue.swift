import PollCore

/// The one number a question's headline leads with, in the first and the last round, and the
/// change the verdict is about with its interval: what the report's overview chart draws.
/// Choice kinds: the share of the headline option; likert and scale: the mean; ranking: the
/// mean rank of the option ranked first now. Words and free text have none.
public struct HeadlineValue: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable {
        /// Percent of respondents (0–100); changes in percentage points.
        case percent
        /// A mean value or position on the question's scale.
        case mean
        /// A mean rank, 1 = first.
        case meanRank = "mean_rank"
    }

    /// What is measured, in words: "“Yes”", "mean", "“Protect encryption” mean rank".
    public var measure: String
    public var unit: Unit
    public var before: Double
    public var after: Double
    /// The change the verdict is about: among the paired participants when the design is paired
    /// (so it may differ from `after − before`, which counts every respondent).
    public var change: Double
    /// Whose change `change` is.
    public var paired: Bool
    public var interval: ConfidenceInterval?
    /// Every value the measure can take, for a chart's axis.
    public var range: ClosedRange<Double>

    /// Every value a measure of `question` in `unit` can take: 0–100 percent, the scale's range,
    /// likert positions or ranks 1…k.
    public static func range(of question: Question, unit: Unit) -> ClosedRange<Double> {
        switch unit {
        case .percent: return 0...100
        case .mean where question.kind == .scale:
            return Double(question.scaleRange.lowerBound)...Double(question.scaleRange.upperBound)
        case .mean, .meanRank: return 1...Double(max(question.options.count, 2))
        }
    }

    public init(measure: String, unit: Unit, before: Double, after: Double, change: Double, paired: Bool,
                interval: ConfidenceInterval?, range: ClosedRange<Double>) {
        self.measure = measure
        self.unit = unit
        self.before = before
        self.after = after
        self.change = change
        self.paired = paired
        self.interval = interval
        self.range = range
    }
}

extension QuestionShift {
    /// The headline's number (see `HeadlineValue`); nil when no change is measured.
    public var headlineValue: HeadlineValue? { headlineValue(about: nil) }

    /// The option the headline is about: for choice kinds the most chosen in the last round, for
    /// ranking the one ranked first; nil for other kinds.
    public var headlineOption: String? {
        switch question.kind {
        case .single, .multi:
            guard let rows = rounds.last?.rows, !rows.isEmpty else { return nil }
            return rows[ChoiceAnalysis.headlineOption(self)].label
        case .ranking: return consensus?.last?.first
        default: return nil
        }
    }

    /// The headline's number about `option` (the headline's own option when nil), so that
    /// groups can be drawn on the room's measure. Without a design (segment groups are
    /// described, not tested) every respondent counts.
    public func headlineValue(about option: String?) -> HeadlineValue? {
        guard note == nil, let first = rounds.first, let last = rounds.last, rounds.count > 1 else { return nil }
        let pairedDesign = design == .paired
        // No interval for a round of one answer, as in the headline.
        let intervals = first.n >= 2 && last.n >= 2
        switch question.kind {
        case .single, .multi:
            let k = option.flatMap(question.options.firstIndex(of:)) ?? ChoiceAnalysis.headlineOption(self)
            guard k < first.rows.count, k < last.rows.count else { return nil }
            let (before, after) = (first.rows[k].percent, last.rows[k].percent)
            let pairedChange = pairedDesign ? paired?.changePoints?[k] : nil
            let interval = pairedDesign ? paired?.intervals?[k] ?? nil : self.intervals?[k] ?? nil
            return HeadlineValue(measure: "“\(first.rows[k].label)”", unit: .percent, before: before, after: after,
                                 change: pairedChange ?? after - before, paired: pairedChange != nil,
                                 interval: intervals ? interval : nil, range: HeadlineValue.range(of: question, unit: .percent))
        case .likert, .scale:
            guard let before = first.mean, let after = last.mean else { return nil }
            let pairedChange = pairedDesign ? paired?.meanDifference : nil
            let interval = pairedDesign ? paired?.meanInterval : meanInterval
            return HeadlineValue(measure: question.kind == .likert ? "mean position" : "mean", unit: .mean,
                                 before: before, after: after, change: pairedChange ?? meanChange ?? after - before,
                                 paired: pairedChange != nil, interval: intervals ? interval : nil,
                                 range: HeadlineValue.range(of: question, unit: .mean))
        case .ranking:
            guard let leader = option ?? consensus?.last?.first, let k = question.options.firstIndex(of: leader),
                  let before = first.rows[k].meanRank, let after = last.rows[k].meanRank else { return nil }
            let interval = primary?.option == leader ? primary?.interval : nil
            let pairedChange = pairedDesign && leader == consensus?.last?.first ? paired?.meanDifference : nil
            return HeadlineValue(measure: "“\(leader)” mean rank", unit: .meanRank, before: before, after: after,
                                 change: pairedChange ?? after - before, paired: pairedChange != nil,
                                 interval: intervals ? interval : nil, range: HeadlineValue.range(of: question, unit: .meanRank))
        case .words, .text:
            return nil
        }
    }
}
