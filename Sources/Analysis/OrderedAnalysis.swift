import PollCore

/// The shift of ordered questions (`likert`, `scale`): mean change with its interval, moved
/// up / down / same, agreement (likert's top two labels), Wilcoxon and Mann–Whitney (likert)
/// or paired and Welch t tests (scale).
enum OrderedAnalysis {
    /// Transition tables are kept up to this many values (a 0–10 scale has 11).
    static let maxTransitionSize = 21

    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers) {
        let question = shift.question
        let first = shift.rounds.first!, last = shift.rounds.last!
        let base = question.kind == .scale ? question.scaleRange.lowerBound : 1
        let before = RoundAnswers.values(counts: first.rows.map(\.count), base: base)
        let after = RoundAnswers.values(counts: last.rows.map(\.count), base: base)
        if let a = DescriptiveStatistics.meanAndStandardError(after), let b = DescriptiveStatistics.meanAndStandardError(before) {
            shift.meanChange = a.mean - b.mean
            let se = (a.se * a.se + b.se * b.se).squareRoot()
            if se > 0, let welch = StatisticalTests.welchT(after, before), let df = welch.df {
                let ci = Intervals.meanDifference(estimate: a.mean - b.mean, standardError: se, df: df)
                shift.meanInterval = ConfidenceInterval(lower: ci.lower, upper: ci.upper)
            }
        } else if let a = last.mean, let b = first.mean {
            shift.meanChange = a - b
        }

        ChoiceAnalysis.rowIntervals(&shift, answers)
        var paired = shift.paired!
        let pairs = answers.pairs.compactMap { pair -> (Double, Double)? in
            guard let b = RoundAnswers.position(pair.before), let a = RoundAnswers.position(pair.after) else { return nil }
            return (b, a)
        }
        let differences = pairs.map { $0.1 - $0.0 }
        if !pairs.isEmpty {
            paired.up = differences.filter { $0 > 0 }.count
            paired.down = differences.filter { $0 < 0 }.count
            paired.same = differences.filter { $0 == 0 }.count
            let size = first.rows.count
            if size <= maxTransitionSize {
                paired.transitions = ChoiceAnalysis.transitions(answers, size: size) { answer in
                    RoundAnswers.position(answer).map { Int($0) - base }
                }
            }
            if let m = DescriptiveStatistics.meanAndStandardError(differences) {
                paired.meanDifference = m.mean
                if m.se > 0 {
                    let ci = Intervals.meanDifference(estimate: m.mean, standardError: m.se, df: Double(differences.count - 1))
                    paired.meanInterval = ConfidenceInterval(lower: ci.lower, upper: ci.upper)
                }
            } else if let only = differences.first {
                paired.meanDifference = only
            }
        }

        if question.kind == .likert {
            shift.agreement = agreement(shift, answers, pairedCount: paired.n)
        }

        var tests: [ShiftTest] = []
        let usePaired = paired.n >= ShiftAnalysis.minimumPairs
        if question.kind == .likert {
            if let wilcoxon = StatisticalTests.wilcoxonSignedRank(differences: differences) {
                tests.append(ShiftTest(wilcoxon, paired: true))
            }
            if let mwu = StatisticalTests.mannWhitneyU(after, before) {
                tests.append(ShiftTest(mwu, paired: false, effect: StatisticalTests.probabilityOfSuperiority(after, before)
                    .map { EffectSize(name: "probability_of_superiority", value: $0) }))
            }
        } else {
            if let t = StatisticalTests.pairedT(after: pairs.map(\.1), before: pairs.map(\.0)) {
                tests.append(ShiftTest(t, paired: true, effect: paired.meanDifference.map { EffectSize(name: "mean_difference", value: $0) }))
            }
            if let welch = StatisticalTests.welchT(after, before) {
                tests.append(ShiftTest(welch, paired: false, effect: shift.meanChange.map { EffectSize(name: "mean_difference", value: $0) }))
            }
        }
        if let i = ShiftTest.markPrimary(&tests, paired: usePaired) {
            tests[i].interval = tests[i].paired ? paired.meanInterval : shift.meanInterval
        }
        shift.paired = paired
        shift.tests = tests
    }

    /// Likert's agreement: the top two labels (the top one when there are only two or three).
    static func agreement(_ shift: QuestionShift, _ answers: RoundAnswers, pairedCount: Int) -> AgreementShift? {
        let options = shift.question.options
        let top = Array(options.indices.suffix(options.count >= 4 ? 2 : 1))
        let percents = shift.rounds.map { round in round.n > 0 ? 100 * Double(top.reduce(0) { $0 + round.rows[$1].count }) / Double(round.n) : 0 }
        let first = shift.rounds.first!, last = shift.rounds.last!
        let firstCount = top.reduce(0) { $0 + first.rows[$1].count }, lastCount = top.reduce(0) { $0 + last.rows[$1].count }
        var result = AgreementShift(
            labels: top.map { options[$0] }, percent: percents, changePoints: percents.last! - percents.first!,
            interval: Intervals.newcombe(count1: lastCount, n1: last.n, count2: firstCount, n2: first.n)
                .map { ConfidenceInterval(lower: $0.lower, upper: $0.upper).scaled(by: 100) })
        if pairedCount > 0 {
            var a = 0, b = 0, c = 0, d = 0
            for pair in answers.pairs {
                let before = top.contains { RoundAnswers.chose(pair.before, $0) }, after = top.contains { RoundAnswers.chose(pair.after, $0) }
                switch (before, after) {
                case (true, true): a += 1
                case (false, true): b += 1
                case (true, false): c += 1
                case (false, false): d += 1
                }
            }
            result.pairedChangePoints = 100 * Double(b - c) / Double(pairedCount)
            result.pairedInterval = Intervals.newcombePaired(a: a, b: b, c: c, d: d)
                .map { ConfidenceInterval(lower: $0.lower, upper: $0.upper).scaled(by: 100) }
        }
        return result
    }
}
