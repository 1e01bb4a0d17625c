import PollCore

/// The shift of `single` and `multi` questions: per-option change with Newcombe intervals,
/// turnover, McNemar mid-p (paired), χ² of homogeneity (single) or Fisher's exact test per
/// option (multi) on each round's answers.
enum ChoiceAnalysis {
    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers, headlineOption: Int) {
        let first = shift.rounds.first!, last = shift.rounds.last!
        let options = shift.question.options
        rowIntervals(&shift, answers)
        var paired = shift.paired!
        if paired.n > 0, shift.question.kind == .single {
            paired.transitions = transitions(answers, size: options.count)
        }
        shift.paired = paired

        var tests: [ShiftTest] = []
        let usePaired = paired.n >= ShiftAnalysis.minimumPairs
        if shift.question.kind == .single {
            let table = [first.rows.map(\.count), last.rows.map(\.count)]
            if let chi = StatisticalTests.chiSquareHomogeneity(table) {
                tests.append(ShiftTest(chi, paired: false,
                                       effect: StatisticalTests.cramersV(table).map { EffectSize(name: "cramers_v", value: $0) }))
            }
            if paired.n > 0 {
                let t = answers.pairedTable(option: headlineOption)
                tests.append(ShiftTest(StatisticalTests.mcnemarMidP(b: t.b, c: t.c), paired: true, option: options[headlineOption]))
                if let transitions = paired.transitions, let sm = StatisticalTests.stuartMaxwell(transitions) {
                    tests.append(ShiftTest(sm, paired: true))
                }
            }
            ShiftTest.markPrimary(&tests, paired: usePaired) { $0.result.name == "mcnemar_midp" || $0.result.name == "chi_square_homogeneity" }
        } else {
            for k in options.indices {
                let table = [[last.rows[k].count, last.n - last.rows[k].count],
                             [first.rows[k].count, first.n - first.rows[k].count]]
                if let fisher = StatisticalTests.fisherExact(table) {
                    tests.append(ShiftTest(fisher, paired: false, option: options[k]))
                }
                if paired.n > 0 {
                    let t = answers.pairedTable(option: k)
                    tests.append(ShiftTest(StatisticalTests.mcnemarMidP(b: t.b, c: t.c), paired: true, option: options[k]))
                }
            }
            ShiftTest.markPrimary(&tests, paired: usePaired) { $0.option == options[headlineOption] }
        }
        if let i = tests.firstIndex(where: \.primary) {
            tests[i].interval = tests[i].paired ? paired.intervals?[headlineOption] : shift.intervals?[headlineOption]
        }
        shift.tests = tests
    }

    /// Per row, the change's 95% interval over all respondents (Newcombe) and, for options,
    /// among the paired participants (Newcombe's paired method). Choice kinds and likert; scale
    /// values get the unpaired intervals.
    static func rowIntervals(_ shift: inout QuestionShift, _ answers: RoundAnswers) {
        let first = shift.rounds.first!, last = shift.rounds.last!
        shift.intervals = first.rows.indices.map { k in
            Intervals.newcombe(count1: last.rows[k].count, n1: last.n, count2: first.rows[k].count, n2: first.n)
                .map { ConfidenceInterval(lower: $0.lower, upper: $0.upper).scaled(by: 100) }
        }
        guard var paired = shift.paired, paired.n > 0, shift.question.kind != .scale else { return }
        let tables = shift.question.options.indices.map(answers.pairedTable)
        paired.changePoints = tables.map { 100 * Double($0.b - $0.c) / Double(paired.n) }
        paired.intervals = tables.map { t in
            Intervals.newcombePaired(a: t.a, b: t.b, c: t.c, d: t.d)
                .map { ConfidenceInterval(lower: $0.lower, upper: $0.upper).scaled(by: 100) }
        }
        shift.paired = paired
    }

    /// The option a headline is about: the one leading the last round (`single`), or the one
    /// that moved most (`multi`); the first of equals.
    static func headlineOption(_ shift: QuestionShift) -> Int {
        if shift.question.kind == .single, let last = shift.rounds.last {
            let top = last.rows.map(\.count).max() ?? 0
            return last.rows.firstIndex { $0.count == top } ?? 0
        }
        let change = shift.changePoints ?? []
        let largest = change.map(abs).max() ?? 0
        return change.firstIndex { abs($0) == largest } ?? 0
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
