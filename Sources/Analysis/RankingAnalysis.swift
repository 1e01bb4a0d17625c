import PollCore

/// The shift of `ranking` questions: the consensus order (mean rank) per round, and per option
/// Wilcoxon signed-rank (paired) and Mann–Whitney (each round's answers) on rank positions.
enum RankingAnalysis {
    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers) {
        let options = shift.question.options
        shift.consensus = shift.rounds.map { round in
            round.rows.indices.filter { round.rows[$0].meanRank != nil }
                .sorted { (round.rows[$0].meanRank!, $0) < (round.rows[$1].meanRank!, $1) }
                .map { options[$0] }
        }
        let option = headlineOption(shift)
        let usePaired = answers.pairs.count >= ShiftAnalysis.minimumPairs
        var tests: [ShiftTest] = []
        for k in options.indices {
            let differences = answers.pairs.compactMap { pair -> Double? in
                guard let b = RoundAnswers.position(pair.before, option: k), let a = RoundAnswers.position(pair.after, option: k) else { return nil }
                return a - b
            }
            if let wilcoxon = StatisticalTests.wilcoxonSignedRank(differences: differences) {
                tests.append(ShiftTest(wilcoxon, paired: true, option: options[k]))
            }
            let after = answers.last.latest.values.compactMap { RoundAnswers.position($0, option: k) }.sorted()
            let before = answers.first.latest.values.compactMap { RoundAnswers.position($0, option: k) }.sorted()
            if let mwu = StatisticalTests.mannWhitneyU(after, before) {
                tests.append(ShiftTest(mwu, paired: false, option: options[k], effect: StatisticalTests.probabilityOfSuperiority(after, before)
                    .map { EffectSize(name: "probability_of_superiority", value: $0) }))
            }
        }
        if let option { ShiftTest.markPrimary(&tests, paired: usePaired) { $0.option == options[option] } }
        shift.tests = tests
    }

    /// The option whose mean rank moved most (the first of equals).
    static func headlineOption(_ shift: QuestionShift) -> Int? {
        guard let first = shift.rounds.first, let last = shift.rounds.last else { return nil }
        let moves = zip(first.rows, last.rows).map { pair -> Double in
            guard let before = pair.0.meanRank, let after = pair.1.meanRank else { return 0 }
            return abs(after - before)
        }
        let largest = moves.max() ?? 0
        return moves.firstIndex(of: largest)
    }
}
