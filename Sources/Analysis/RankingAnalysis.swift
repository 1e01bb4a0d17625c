import PollCore

/// The shift of `ranking` questions: the consensus order (mean rank) per round, and per option
/// Wilcoxon signed-rank (paired) and Mann–Whitney (each round's answers) on rank positions. The
/// primary test is about the option the last round ranks first, with the interval of its mean
/// rank change (paired t or Welch interval).
enum RankingAnalysis {
    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers, tests runTests: Bool) {
        let options = shift.question.options
        shift.consensus = shift.rounds.map { round in
            round.rows.indices.filter { round.rows[$0].meanRank != nil }
                .sorted { (round.rows[$0].meanRank!, $0) < (round.rows[$1].meanRank!, $1) }
                .map { options[$0] }
        }
        guard runTests, let leader = shift.consensus?.last?.first.flatMap(options.firstIndex(of:)) else { return }
        let design = ShiftAnalysis.design(shift)
        shift.design = design
        var tests: [ShiftTest] = []
        var intervals: [Int: (paired: ConfidenceInterval?, unpaired: ConfidenceInterval?)] = [:]
        for k in options.indices {
            let differences = answers.pairs.compactMap { pair -> Double? in
                guard let b = RoundAnswers.position(pair.before, option: k), let a = RoundAnswers.position(pair.after, option: k) else { return nil }
                return a - b
            }
            let after = answers.last.answers.compactMap { RoundAnswers.position($0, option: k) }.sorted()
            let before = answers.first.answers.compactMap { RoundAnswers.position($0, option: k) }.sorted()
            let pairedChange = MeanChange.paired(differences)
            intervals[k] = (pairedChange?.interval, MeanChange.between(after: after, before: before)?.interval)
            if k == leader {
                // The leader's mean rank change among the paired participants, which a paired verdict is about.
                shift.paired?.meanDifference = pairedChange?.estimate
                shift.paired?.meanInterval = pairedChange?.interval
            }
            if let wilcoxon = StatisticalTests.signedRankTest(differences: differences) {
                tests.append(ShiftTest(wilcoxon, paired: true, option: options[k]))
            }
            if let mwu = StatisticalTests.rankSumTest(after, before) {
                tests.append(ShiftTest(mwu, paired: false, option: options[k], effect: StatisticalTests.probabilityOfSuperiority(after, before)
                    .map { EffectSize(name: "probability_of_superiority", value: $0) }))
            }
        }
        if let i = ShiftTest.markPrimary(&tests, paired: design == .paired, about: { $0.option == options[leader] }) {
            tests[i].interval = tests[i].paired ? intervals[leader]?.paired : intervals[leader]?.unpaired
        } else if design == .paired {
            shift.verdict = .notTested("no paired participant moved “\(options[leader])” to another place")
        }
        shift.tests = tests
    }
}
