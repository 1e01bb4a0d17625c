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
        value.unit == .percent ? NumberText.points(value.change) + " points" : NumberText.signed(value.change, places: 1)
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
}
