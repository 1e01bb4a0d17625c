import PollCore

/// The shift of `single` and `multi` questions: per-option change with Newcombe intervals,
/// turnover, McNemar mid-p (paired), χ² of homogeneity — or Fisher–Freeman–Halton's exact test
/// where χ²'s expected counts are too small — (single) or Fisher's exact test per option (multi)
/// on each round's answers. The primary test is about the option leading the last round, fixed
/// by that rule rather than by which option moved most, in the design `ShiftAnalysis.design` picks.
enum ChoiceAnalysis {
    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers, tests runTests: Bool) {
        let first = shift.rounds.first!, last = shift.rounds.last!
        let options = shift.question.options
        let leader = headlineOption(shift)
        RowIntervals.complete(&shift, answers)
        if shift.paired!.n > 0, shift.question.kind == .single {
            shift.paired!.transitions = transitions(answers, size: options.count)
        }
        guard runTests else { return }
        let paired = shift.paired!
        let design = ShiftAnalysis.design(shift)
        shift.design = design
        var tests: [ShiftTest] = []
        if shift.question.kind == .single {
            let table = [first.rows.map(\.count), last.rows.map(\.count)]
            if let chi = StatisticalTests.chiSquareHomogeneity(table) {
                tests.append(ShiftTest(chi, paired: false, option: nil,
                                       effect: StatisticalTests.cramersV(table).map { EffectSize(name: "cramers_v", value: $0) }))
                // Small expected counts: the table's exact test replaces χ² as the unpaired test.
                if !StatisticalTests.chiSquareApproximationHolds(table), let exact = StatisticalTests.freemanHalton(table) {
                    tests.append(ShiftTest(exact, paired: false))
                }
            }
            if paired.n > 0 {
                let t = answers.pairedTable(option: leader)
                if t.b + t.c > 0 {
                    tests.append(ShiftTest(StatisticalTests.mcnemarMidP(b: t.b, c: t.c), paired: true, option: options[leader]))
                }
                if let transitions = paired.transitions, let sm = StatisticalTests.stuartMaxwell(transitions) {
                    tests.append(ShiftTest(sm, paired: true))
                }
            }
        } else {
            for k in options.indices {
                let table = [[last.rows[k].count, last.n - last.rows[k].count],
                             [first.rows[k].count, first.n - first.rows[k].count]]
                if let fisher = StatisticalTests.fisherExact(table) {
                    tests.append(ShiftTest(fisher, paired: false, option: options[k]))
                }
                // An option nobody switched to or from gets no McNemar test (it would only say p = 1).
                let t = answers.pairedTable(option: k)
                if paired.n > 0, t.b + t.c > 0 {
                    tests.append(ShiftTest(StatisticalTests.mcnemarMidP(b: t.b, c: t.c), paired: true, option: options[k]))
                }
            }
        }
        // single: McNemar on the leader (paired), or the table's test — exact when present — (unpaired);
        // multi: either test on the leader.
        let tableTest = tests.contains { $0.result.name == "fisher_freeman_halton" } ? "fisher_freeman_halton" : "chi_square_homogeneity"
        if let primary = ShiftTest.markPrimary(&tests, paired: design == .paired, about: {
            $0.option == options[leader] || $0.result.name == tableTest
        }) {
            tests[primary].interval = design == .paired ? paired.intervals?[leader] ?? nil : shift.intervals?[leader] ?? nil
        } else if design == .paired {
            shift.verdict = .notTested("no paired participant switched to or from “\(options[leader])”")
        }
        shift.tests = tests
    }

    /// The option a headline and the primary test are about: the one most chosen in the last
    /// round (the first of equals).
    static func headlineOption(_ shift: QuestionShift) -> Int {
        guard let last = shift.rounds.last else { return 0 }
        let top = last.rows.map(\.count).max() ?? 0
        return last.rows.firstIndex { $0.count == top } ?? 0
    }

    /// First-round answer (rows) × last-round answer (columns) of the paired participants.
    static func transitions(_ answers: RoundAnswers, size: Int, index: (Answer) -> Int? = { answer in
        if case .choice(let i) = answer { return i }
        return nil
    }) -> [[Int]] {
        var table = Array(repeating: Array(repeating: 0, count: size), count: size)
        for pair in answers.pairs {
            if let from = index(pair.before), let to = index(pair.after), table.indices.contains(from), table.indices.contains(to) {
                table[from][to] += 1
            }
        }
        return table
    }
}
