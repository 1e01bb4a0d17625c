import PollCore

/// The shift of ordered questions (`likert`, `scale`): mean change with its interval, moved
/// up / down / same, agreement (likert's top two labels), Wilcoxon and Mann–Whitney (likert)
/// or paired and Welch t tests (scale). The primary test's interval is the mean change's.
enum OrderedAnalysis {
    /// Transition tables are kept up to this many values (a 0–10 scale has 11).
    static let maxTransitionSize = 21

    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers, tests runTests: Bool) {
        let question = shift.question
        let first = shift.rounds.first!, last = shift.rounds.last!
        let base = question.kind == .scale ? question.scaleRange.lowerBound : 1
        // Each round's values from its counts per value (a wide scale's rows are ranges):
        // show-of-hands counts are respondents too.
        let before = RoundAnswers.values(counts: answers.first.counts, base: base)
        let after = RoundAnswers.values(counts: answers.last.counts, base: base)
        let between = MeanChange.between(after: after, before: before)
        shift.meanChange = between?.estimate ?? last.mean.flatMap { a in first.mean.map { a - $0 } }
        shift.meanInterval = between?.interval
        RowIntervals.complete(&shift, answers)

        var paired = shift.paired!
        let pairs = answers.pairs.compactMap { pair -> (before: Double, after: Double)? in
            guard let b = RoundAnswers.position(pair.before), let a = RoundAnswers.position(pair.after) else { return nil }
            return (b, a)
        }
        let differences = pairs.map { $0.after - $0.before }
        if !pairs.isEmpty {
            paired.up = differences.filter { $0 > 0 }.count
            paired.down = differences.filter { $0 < 0 }.count
            paired.same = differences.filter { $0 == 0 }.count
            if first.rows.count <= maxTransitionSize {
                // Between the rows: likert labels, scale values, or a wide scale's ranges.
                let ranges = question.kind == .scale ? ScaleBins(question.scaleRange).ranges : nil
                paired.transitions = ChoiceAnalysis.transitions(answers, size: first.rows.count) { answer in
                    RoundAnswers.position(answer).flatMap { position in
                        ranges.map { $0.firstIndex { $0.contains(Int(position)) } } ?? Int(position) - base
                    }
                }
            }
            let change = MeanChange.paired(differences)
            paired.meanDifference = change?.estimate
            paired.meanInterval = change?.interval
        }
        shift.paired = paired
        if question.kind == .likert { shift.agreement = agreement(shift, answers) }
        guard runTests else { return }

        let design = ShiftAnalysis.design(shift)
        shift.design = design
        var tests: [ShiftTest] = []
        if question.kind == .likert {
            if let wilcoxon = StatisticalTests.signedRankTest(differences: differences) {
                tests.append(ShiftTest(wilcoxon, paired: true))
            }
            if let mwu = StatisticalTests.rankSumTest(after, before) {
                tests.append(ShiftTest(mwu, paired: false, effect: StatisticalTests.probabilityOfSuperiority(after, before)
                    .map { EffectSize(name: "probability_of_superiority", value: $0) }))
            }
        } else {
            // A paired t needs differences that vary; when every participant moved by the same
            // amount the signed-rank test (then the sign test) is defined and used instead.
            let pairedMean = paired.meanDifference.map { EffectSize(name: "mean_difference", value: $0) }
            if let t = StatisticalTests.pairedT(after: pairs.map(\.after), before: pairs.map(\.before)) {
                tests.append(ShiftTest(t, paired: true, effect: pairedMean))
            } else if let signs = StatisticalTests.signedRankTest(differences: differences) {
                tests.append(ShiftTest(signs, paired: true, effect: pairedMean))
            }
            let meanEffect = shift.meanChange.map { EffectSize(name: "mean_difference", value: $0) }
            if let welch = StatisticalTests.welchT(after, before) {
                tests.append(ShiftTest(welch, paired: false, effect: meanEffect))
            } else if let ranks = StatisticalTests.rankSumTest(after, before) {
                tests.append(ShiftTest(ranks, paired: false, effect: meanEffect))
            }
        }
        if let i = ShiftTest.markPrimary(&tests, paired: design == .paired) {
            tests[i].interval = tests[i].paired ? paired.meanInterval : shift.meanInterval
        } else if design == .paired {
            shift.verdict = .notTested("no paired participant answered differently")
        }
        shift.tests = tests
    }

    /// Likert's agreement: the top two labels (the top one when there are only two or three).
    static func agreement(_ shift: QuestionShift, _ answers: RoundAnswers) -> AgreementShift {
        let options = shift.question.options
        let top = Array(options.indices.suffix(options.count >= 4 ? 2 : 1))
        let counts = shift.rounds.map { round in top.reduce(0) { $0 + round.rows[$1].count } }
        let percents = zip(shift.rounds, counts).map { round, count in round.n > 0 ? 100 * Double(count) / Double(round.n) : 0 }
        let first = shift.rounds.first!, last = shift.rounds.last!
        var result = AgreementShift(
            labels: top.map { options[$0] }, percent: percents, changePoints: percents.last! - percents.first!,
            interval: Intervals.newcombe(count1: counts.last!, n1: last.n, count2: counts.first!, n2: first.n).map(RowIntervals.points))
        if options.count >= 4 {
            let bottom = Array(options.indices.prefix(top.count))
            result.disagreementLabels = bottom.map { options[$0] }
            result.disagreementPercent = shift.rounds.map { round in
                round.n > 0 ? 100 * Double(bottom.reduce(0) { $0 + round.rows[$1].count }) / Double(round.n) : 0
            }
        }
        guard !answers.pairs.isEmpty else { return result }
        let t = answers.pairedTable { answer in top.contains { RoundAnswers.chose(answer, $0) } }
        result.pairedChangePoints = 100 * Double(t.b - t.c) / Double(answers.pairs.count)
        result.pairedInterval = Intervals.newcombePaired(a: t.a, b: t.b, c: t.c, d: t.d).map(RowIntervals.points)
        return result
    }
}
