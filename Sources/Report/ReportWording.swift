import Analysis
import PollCore

/// Phrases every text format shares (text, Markdown, HTML), so they never word a result two ways.
enum ReportWording {
    /// "-19 to +9".
    static func interval(_ interval: ConfidenceInterval, places: Int = 0) -> String {
        ConfidenceInterval.text(interval, places: places)
    }

    /// A row's change: points (ranking: the change of the option's mean rank).
    static func rowChange(_ shift: QuestionShift, row: Int) -> String? {
        guard let points = shift.changePoints?[row] else { return nil }
        guard shift.question.kind == .ranking else { return NumberText.change(points, places: 1) }
        guard let before = shift.rounds.first?.rows[row].meanRank, let after = shift.rounds.last?.rows[row].meanRank else { return nil }
        return NumberText.signed(after - before, places: 1)
    }

    /// "Leading answer: opening “Yes” 39% (plurality); closing “Yes” 61% (majority)."
    static func leading(_ shift: QuestionShift) -> String? {
        let parts = shift.rounds.compactMap { round in
            round.leading.map { "\(round.round) “\($0.label)” \(NumberText.percent($0.percent)) (\(strength($0.strength)))" }
        }
        return parts.isEmpty ? nil : "Leading answer: " + parts.joined(separator: "; ") + "."
    }

    static func strength(_ strength: LeadingAnswer.Strength) -> String {
        switch strength {
        case .plurality: return "plurality"
        case .majority: return "majority"
        case .supermajority: return "supermajority, over two thirds"
        case .tied: return "tied for first"
        case .single: return "the only answer"
        }
    }

    /// "Show of hands: 12 in the opening round, 9 in the closing round (in the percentages and
    /// the unpaired tests, never paired)."
    static func hands(_ shift: QuestionShift) -> String? {
        let rounds = shift.rounds.filter { $0.hands > 0 }
        guard !rounds.isEmpty else { return nil }
        return "Show of hands: " + rounds.map { "\($0.hands) in the \($0.round) round" }.joined(separator: ", ")
            + " (in the percentages and the unpaired tests, never paired)."
    }

    /// "mean 3.4 · median 4 · sd 1.1".
    static func meanLine(_ round: RoundDistribution) -> String {
        guard let mean = round.mean else { return "–" }
        var parts = ["mean " + NumberText.decimal(mean, places: 1)]
        if let median = round.median { parts.append("median " + NumberText.decimal(median, places: median.rounded() == median ? 0 : 1)) }
        if let sd = round.sd { parts.append("sd " + NumberText.decimal(sd, places: 1)) }
        return parts.joined(separator: " · ")
    }

    /// McNemar's counts: "5 switched to it, 3 away".
    static func switchedText(_ test: ShiftTest) -> String? {
        guard let to = test.result.switchedTo, let from = test.result.switchedFrom else { return nil }
        return "\(to) switched to it, \(from) away"
    }

    /// "Stuart–Maxwell test (paired): statistic 4.21, df 2, p = 0.122".
    static func testLine(_ test: ShiftTest) -> String {
        var text = test.title + (test.option.map { " on “\($0)”" } ?? "") + (test.paired ? " (paired)" : "") + ": "
        var parts: [String] = []
        if let statistic = test.result.statistic { parts.append("statistic " + NumberText.decimal(statistic, places: 2)) }
        if let switched = switchedText(test) { parts.append(switched) }
        if let df = test.result.df { parts.append("df " + NumberText.decimal(df, places: df.rounded() == df ? 0 : 1)) }
        parts.append(PValue.text(test.result.pValue))
        if let adjusted = test.pAdjusted { parts.append(PValue.text(adjusted, name: "Holm-adjusted p")) }
        if let effect = test.effect { parts.append(effectName(effect.name) + " " + NumberText.decimal(effect.value, places: 2)) }
        text += parts.joined(separator: ", ")
        return text
    }

    static func effectName(_ name: String) -> String {
        switch name {
        case "cramers_v": return "Cramér's V"
        case "probability_of_superiority": return "probability of superiority"
        case "mean_difference": return "mean difference"
        default: return name
        }
    }

    static let methodsSummary = """
        How to read this: percentages use everyone who answered in a round; "paired" participants \
        answered the same question in both rounds. Each question has one two-sided primary test — on the \
        paired participants when they are at least half of the smaller round, otherwise on each round's \
        answers; exact in small rooms — and the primary p-values are Holm-adjusted across the session. \
        "A clear shift" means an adjusted p below \(NumberText.decimal(ShiftAnalysis.alpha, places: 2)) and a \
        95% interval of the headline's change that excludes 0. Intervals: Newcombe's (paired version for \
        paired participants); means: t intervals.
        """

    // MARK: A question's headline value

    /// "41% → 68%", "2.6 → 3.4".
    static func fromTo(_ value: HeadlineValue) -> String {
        Self.value(value.before, value.unit) + " → " + Self.value(value.after, value.unit)
    }

    /// A value in its unit: "41%", "3.4".
    static func value(_ value: Double, _ unit: HeadlineValue.Unit) -> String {
        unit == .percent ? NumberText.percent(value) : NumberText.decimal(value, places: 1)
    }

    /// The change in its unit, with its sign: "+27.0 points", "+0.8".
    static func change(_ value: HeadlineValue) -> String {
        change(value.change, interval: nil, unit: value.unit)
    }

    /// "“Yes” 41% → 68%, change +27.0 points (95% CI +9.0 to +44.0)", for descriptions.
    static func headlineSentence(_ value: HeadlineValue) -> String {
        "\(value.measure) \(fromTo(value)), change \(change(value))" + (value.paired ? " among the paired participants" : "")
            + (value.interval.map { " (95% CI \(ReportWording.interval($0, places: 1)))" } ?? "")
    }

    /// A question's line in a summary: its headline value ("“Yes” 39% → 61%", the measure cut to
    /// `measureColumns`) or, with none, why not ("asked in one round only").
    static func summaryValue(_ shift: QuestionShift, measureColumns: Int = 24) -> String {
        guard let value = shift.headlineValue else {
            if let note = shift.note { return note }
            if case .notTested(let why) = shift.verdict, !why.isEmpty { return why }
            return "no single value to compare"
        }
        return DisplayWidth.trimTrailing(DisplayWidth.fit(value.measure, measureColumns)) + " " + fromTo(value)
    }

    // MARK: Did the groups move differently?

    /// "one-way ANOVA of the paired changes, F(2, 40) = 1.23, p = 0.31, Holm-adjusted p = 0.93".
    static func comparisonTest(_ comparison: GroupComparison) -> String {
        guard let test = comparison.test else { return "no test: " + (comparison.untested ?? "too little variation") }
        let df = { (value: Double?) in value.map { NumberText.decimal($0, places: $0.rounded() == $0 ? 0 : 1) } ?? "–" }
        let statistic = test.statistic.map { NumberText.decimal($0, places: 2) }
        var text = test.name == "one_way_anova"
            ? "one-way ANOVA of the paired changes, F(\(df(test.df)), \(df(test.df2))) "
                + (statistic.map { "= \($0)" } ?? "is infinite (no variation within the groups)")
            : "Cochran’s Q of the groups’ changes, Q = \(statistic ?? "–") (df \(df(test.df)))"
        text += ", " + PValue.text(test.pValue)
        if let adjusted = comparison.pAdjusted { text += ", " + PValue.text(adjusted, name: "Holm-adjusted p") }
        return text
    }

    /// "the gap between the groups narrowed from 24 to 9 points".
    static func gap(_ comparison: GroupComparison) -> String {
        let unit = comparison.unit == .percent ? " points" : ""
        var places = comparison.unit == .percent ? 0 : 1
        // A gap that changed gets the decimals to show it did.
        while places < 3, comparison.gapNarrowed != nil,
              NumberText.decimal(comparison.gapBefore, places: places) == NumberText.decimal(comparison.gapAfter, places: places) { places += 1 }
        let (before, after) = (NumberText.decimal(comparison.gapBefore, places: places), NumberText.decimal(comparison.gapAfter, places: places))
        var text: String
        switch comparison.gapNarrowed {
        case true?: text = "the gap between the groups narrowed from \(before) to \(after)\(unit)"
        case false?: text = "the gap between the groups widened from \(before) to \(after)\(unit)"
        case nil: text = "the gap between the groups stayed at \(after)\(unit)"
        }
        // The same gap may hide opposite moves: say when a group went from one end to the other.
        let groups = comparison.groups
        let highest = { (value: (GroupComparison.Group) -> Double) in groups.max { value($0) < value($1) }?.label }
        let lowest = { (value: (GroupComparison.Group) -> Double) in groups.min { value($0) < value($1) }?.label }
        if comparison.gapBefore > 0, comparison.gapAfter > 0 {
            if let top = highest(\.before), top == lowest(\.after) {
                text += " (“\(top)”, highest before, is lowest after)"
            } else if let bottom = lowest(\.before), bottom == highest(\.after) {
                text += " (“\(bottom)”, lowest before, is highest after)"
            }
        }
        return text
    }

    /// "Civil society (n = 10) +20.0 points (95% CI +2.1 to +38.0)".
    static func groupChange(_ group: GroupComparison.Group, unit: HeadlineValue.Unit) -> String {
        "\(group.label) (n = \(group.n)) " + change(group.change, interval: group.interval, unit: unit)
    }

    /// One comparison in a sentence: "How should …: the gap between the groups narrowed from 24
    /// to 9 points; one-way ANOVA of the paired changes, F(2, 40) = 1.23, p = 0.31, Holm-adjusted p = 0.93."
    static func comparisonLine(_ comparison: GroupComparison) -> String {
        "\(comparison.question.ask) (\(comparison.measure)): \(gap(comparison)); \(comparisonTest(comparison))"
            + (differs(comparison) ? " — the groups moved differently." : ".")
    }

    /// What the comparisons of a segment say, and that they are exploratory.
    static func comparisonsSummary(_ breakdown: SegmentBreakdown) -> String {
        let differing = breakdown.comparisons.filter(differs)
        let lead = differing.isEmpty
            ? "On no question did the groups’ changes differ clearly"
            : "The groups’ changes differed clearly on " + differing.map { "“\($0.question.ask)”" }.joined(separator: ", ")
        return lead + " (Holm-adjusted p < 0.05 across every group comparison of the report). Exploratory: groups are small and "
            + "were not planned as comparisons, so read a difference as a lead to follow up, not a finding."
    }

    /// Whether the groups' changes differ clearly (Holm-adjusted p < 0.05): the report says so,
    /// still as an exploratory finding.
    static func differs(_ comparison: GroupComparison) -> Bool {
        (comparison.pAdjusted ?? 1) < ShiftAnalysis.alpha
    }

    // MARK: Several sessions

    /// A change on a measure with its interval: "+24.4 points (95% CI +4.7 to +41.6)".
    static func change(_ change: Double, interval: ConfidenceInterval?, unit: HeadlineValue.Unit) -> String {
        (unit == .percent ? NumberText.points(change) + " points" : NumberText.signed(change, places: 1))
            + (interval.map { " (95% CI \(self.interval($0, places: 1)))" } ?? "")
    }

    /// "39% → 61%, +24.4 points among 45 paired participants (95% CI +4.7 to +41.6); clear shift".
    static func sessionEntry(_ entry: SessionComparison.Entry, unit: HeadlineValue.Unit) -> String {
        "\(value(entry.before, unit)) → \(value(entry.after, unit)), "
            + change(entry.change, interval: nil, unit: unit)
            + (entry.design == .paired ? " among \(entry.n) paired participants" : " (rounds compared, n = \(entry.n))")
            + (entry.interval.map { " (95% CI \(interval($0, places: 1)))" } ?? "") + "; " + verdict(entry)
    }

    /// A session's own verdict, naming its own measure when that is not the shared one.
    static func verdict(_ entry: SessionComparison.Entry) -> String {
        entry.verdict.label.lowercased() + (entry.ownMeasure.map { " (its own headline: \($0))" } ?? "")
    }

    /// "Pooled over 3 sessions (fixed effect): +20.1 points (95% CI +12.0 to +28.2); do the sessions
    /// differ? Cochran’s Q = 1.23 (df 2), p = 0.54".
    static func pooled(_ pooled: SessionComparison.Pooled, unit: HeadlineValue.Unit) -> String {
        var text = "Pooled over \(pooled.sessions) sessions (fixed effect): " + change(pooled.change, interval: pooled.interval, unit: unit)
        if let q = pooled.heterogeneity, let statistic = q.statistic {
            text += "; do the sessions differ? Cochran’s Q = \(NumberText.decimal(statistic, places: 2)) (df \(NumberText.decimal(q.df ?? 0, places: 0))), "
                + PValue.text(q.pValue)
        }
        return text
    }

    /// Why a comparison of sessions pools nothing.
    static let notPooled = "The sessions' polls differ (their questions or rounds), so no change is pooled across them: "
        + "each session is shown on its own."

    /// How to read sessions side by side.
    static let sessionsNote = "Each session is analysed on its own (its verdict comes from its own primary test, Holm-adjusted "
        + "within the session); here every session is shown on one shared measure per question: the share choosing the option "
        + "the sessions' last rounds chose most together, the mean, or that option's mean rank. A pooled change appears only when "
        + "every session ran the identical poll: the fixed-effect (inverse-variance weighted) mean of the sessions' changes, "
        + "which treats them as one shift measured several times; Cochran's Q says whether the sessions' changes seem to differ."
}
