import Foundation
import PollCore

/// What a poll's knowledge check shows between its first and last round: per question the
/// share answering correctly and how the same people changed; for the check as a whole the
/// mean score, its paired change, the normalized learning gain, who improved, and how
/// consistent the check is. Pure: from the session's tally.
public struct KnowledgeAnalysis: Sendable, Hashable {
    /// One knowledge question.
    public struct Item: Sendable, Hashable {
        public var question: Question
        /// The first and the last round that ask it.
        public var rounds: [RoundCorrect]
        /// Participants who answered it in both: right both times, lost (right → wrong), gained
        /// (wrong → right), wrong both times.
        public var rightBoth = 0, lost = 0, gained = 0, wrongBoth = 0
        /// The paired change in percentage points, (gained − lost)/n, with Newcombe's paired interval.
        public var pairedChange: Double?
        public var pairedInterval: ConfidenceInterval?
        /// McNemar's mid-p on gained against lost (nil: nobody answered it twice, or nobody changed).
        public var test: TestResult?

        public var paired: Int { rightBoth + lost + gained + wrongBoth }
    }

    /// One round's right answers to one question.
    public struct RoundCorrect: Sendable, Hashable {
        public var round: String
        public var correct: Int
        public var respondents: Int
        /// Percent correct with its 95% Wilson interval (nil: nobody answered).
        public var percent: Double?
        public var interval: ConfidenceInterval?
    }

    /// One round's scores: participants with a score, their mean percent correct, and the
    /// check's internal consistency (KR-20 = Cronbach's α for right/wrong items) among those
    /// who answered every knowledge question of the round.
    public struct RoundScores: Sendable, Hashable {
        public var round: String
        public var participants: Int
        public var meanPercent: Double?
        public var reliability: Double?
        /// How many participants answered every item (the reliability's sample).
        public var complete: Int
    }

    public var items: [Item]
    /// The ids of the questions the scores count: those asked in both the first and the last round.
    public var scored: [String] = []
    /// The first and the last round.
    public var rounds: [RoundScores]
    /// Participants with a score in both rounds.
    public var paired: Int
    /// Their mean change of percent correct (last − first) with its paired t interval, the
    /// paired t test and Wilcoxon's signed-rank test.
    public var meanChange: Double?
    public var meanInterval: ConfidenceInterval?
    public var pairedT: TestResult?
    public var wilcoxon: TestResult?
    /// Hake's class-average normalized gain on the paired participants' mean percent correct:
    /// (post − pre)/(100 − pre); nil when the opening mean is 100%.
    public var classGain: Double?
    /// The mean of each paired participant's own gain; those with a perfect first score are
    /// left out (they cannot gain) and counted in `perfectFirst`.
    public var meanIndividualGain: Double?
    public var perfectFirst: Int
    /// Each of those participants' own gain, lowest first (for the distribution chart).
    public var individualGains: [Double] = []
    /// Paired participants whose percent correct rose, stayed, fell.
    public var improved: Int, same: Int, worse: Int

    /// Hake's (1998, Am. J. Phys. 66:64) bands of normalized gain: medium from 0.3, high from 0.7.
    public static let mediumGain = 0.3, highGain = 0.7

    /// Hake's level of `gain`: low below 0.3, medium from 0.3, high from 0.7; exactly 0 is
    /// "none", below 0 the room did worse ("negative").
    public static func gainLevel(_ gain: Double) -> String {
        gain >= highGain ? "high" : gain >= mediumGain ? "medium" : gain > 0 ? "low" : gain == 0 ? "none" : "negative"
    }

    /// A percentage as the knowledge check writes it: "41%", or "–" for none.
    public static func percentText(_ value: Double?) -> String {
        value.map { "\(NumberText.decimal($0, places: 0))%" } ?? "–"
    }

    /// Whether the paired participants' scores clearly changed: the paired t test's p below
    /// 0.05 and its 95% interval excluding 0, or — when everyone's score changed alike and the
    /// t test is undefined — the exact signed-rank test's p below 0.05.
    public var isClear: Bool {
        if let t = pairedT {
            guard let interval = meanInterval else { return false }
            return t.pValue < ShiftAnalysis.alpha && (interval.lower > 0 || interval.upper < 0)
        }
        return (wilcoxon?.pValue ?? 1) < ShiftAnalysis.alpha
    }

    /// The check in one sentence, the same on the console and in every report: "Right answers
    /// rose from 41% to 73% of the room; among the 23 who took it twice, a clear change
    /// (normalized gain 0.54, medium)."
    public var headline: String {
        guard rounds.count == 2 else { return "" }
        let (before, after) = (rounds[0], rounds[1])
        guard before.meanPercent != nil || after.meanPercent != nil else { return "Nobody has taken the knowledge check yet." }
        guard let first = before.meanPercent, let last = after.meanPercent else {
            let (round, value) = before.meanPercent == nil ? (after.round, after.meanPercent) : (before.round, before.meanPercent)
            return "Right answers: \(Self.percentText(value)) of the room in the \(round) round; the check has not been taken in both rounds."
        }
        let (shownFirst, shownLast) = (Self.percentText(first), Self.percentText(last))
        var text = shownFirst == shownLast ? "Right answers: \(shownFirst) of the room in both rounds"
            : "Right answers \(last > first ? "rose" : "fell") from \(shownFirst) to \(shownLast) of the room"
        guard paired > 0 else { return text + "; nobody took the check in both rounds." }
        text += "; among the \(paired) who took it twice, " + (isClear ? "a clear change" : "not clearly different from no change")
        if let gain = classGain { text += " (normalized gain \(NumberText.decimal(gain, places: 2)), \(Self.gainLevel(gain)))" }
        return text + "."
    }

    /// Below this consistency, one person's total is an imprecise measure: read the questions one
    /// by one (the usual 0.7 rule of thumb; Nunnally 1978).
    public static let lowReliability = 0.7

    /// The analysis of `tally`'s knowledge check between its first and last rounds; nil when
    /// the poll has no knowledge question or fewer than two rounds.
    public static func analyze(_ tally: Tally) -> KnowledgeAnalysis? {
        let definition = tally.definition
        let knowledge = definition.questions.filter(\.isKnowledge)
        guard !knowledge.isEmpty, let first = definition.rounds.first, let last = definition.rounds.last, first != last else { return nil }
        let items = knowledge.map { item($0, tally: tally) }
        // Both rounds' scores count the same questions: those asked in both.
        let compared = knowledge.filter { $0.isAsked(in: first) && $0.isAsked(in: last) }
        let before = KnowledgeScore.scores(tally, round: first, questions: compared)
        let after = KnowledgeScore.scores(tally, round: last, questions: compared)
        let pairs = before.keys.filter { after[$0] != nil }.sorted().compactMap { key -> (Double, Double)? in
            guard let pre = before[key]?.percent, let post = after[key]?.percent else { return nil }
            return (pre, post)
        }
        let pre = pairs.map(\.0), post = pairs.map(\.1)
        var analysis = KnowledgeAnalysis(items: items, rounds: [scores(first, before, compared, tally), scores(last, after, compared, tally)],
                                         paired: pairs.count, perfectFirst: 0, improved: 0, same: 0, worse: 0)
        analysis.scored = compared.map(\.id)
        analysis.improved = pairs.filter { $0.1 > $0.0 }.count
        analysis.worse = pairs.filter { $0.1 < $0.0 }.count
        analysis.same = pairs.count - analysis.improved - analysis.worse
        if !pairs.isEmpty {
            let differences = zip(post, pre).map { $0 - $1 }
            let (mean, variance) = StatisticalTests.meanAndVariance(differences)
            analysis.meanChange = mean
            if pairs.count >= 2, variance > 0 {
                // A change of percent right lies between −100 and +100 points.
                let bounds = Intervals.meanDifference(estimate: mean, standardError: (variance / Double(pairs.count)).squareRoot(),
                                                      df: Double(pairs.count - 1))
                if bounds.lower.isFinite, bounds.upper.isFinite {
                    analysis.meanInterval = ConfidenceInterval(lower: max(-100, bounds.lower), upper: min(100, bounds.upper))
                }
            }
            analysis.pairedT = StatisticalTests.pairedT(after: post, before: pre)
            // Exact in small rooms (the scores' differences are heavily tied), as for every paired rank test.
            analysis.wilcoxon = StatisticalTests.signedRankTest(differences: differences)
            let preMean = pre.reduce(0, +) / Double(pre.count), postMean = post.reduce(0, +) / Double(post.count)
            analysis.classGain = preMean < 100 ? (postMean - preMean) / (100 - preMean) : nil
            let gains = pairs.filter { $0.0 < 100 }.map { ($0.1 - $0.0) / (100 - $0.0) }
            analysis.perfectFirst = pairs.count - gains.count
            analysis.individualGains = gains.sorted()
            analysis.meanIndividualGain = gains.isEmpty ? nil : gains.reduce(0, +) / Double(gains.count)
        }
        return analysis
    }

    static func item(_ question: Question, tally: Tally) -> Item {
        let asked = tally.definition.rounds.filter(question.isAsked)
        let compared = asked.count >= 2 ? [asked[0], asked[asked.count - 1]] : asked
        var item = Item(question: question, rounds: compared.map { round in
            let counted = tally.tally(round: round, question: question.id)
            let n = counted?.count ?? 0
            let correct = counted?.answers.filter { question.isCorrect($0) == true }.count ?? 0
            return RoundCorrect(round: round, correct: correct, respondents: n, percent: n > 0 ? 100 * Double(correct) / Double(n) : nil,
                                interval: Intervals.wilson(correct, n).map { ConfidenceInterval(lower: 100 * $0.lower, upper: 100 * $0.upper) })
        })
        guard compared.count == 2, let before = tally.tally(round: compared[0], question: question.id),
              let after = tally.tally(round: compared[1], question: question.id) else { return item }
        for (earlier, later) in before.pairs(with: after) {
            switch (question.isCorrect(earlier) == true, question.isCorrect(later) == true) {
            case (true, true): item.rightBoth += 1
            case (true, false): item.lost += 1
            case (false, true): item.gained += 1
            case (false, false): item.wrongBoth += 1
            }
        }
        guard item.paired > 0 else { return item }
        item.pairedChange = 100 * Double(item.gained - item.lost) / Double(item.paired)
        // Newcombe's paired interval for p(right last) − p(right first): a = right both,
        // b = right last only, c = right first only, d = wrong both: its difference is last − first.
        if let bounds = Intervals.newcombePaired(a: item.rightBoth, b: item.gained, c: item.lost, d: item.wrongBoth) {
            item.pairedInterval = ConfidenceInterval(lower: 100 * bounds.lower, upper: 100 * bounds.upper)
        }
        if item.gained + item.lost > 0 {
            var test = StatisticalTests.mcnemarMidP(b: item.gained, c: item.lost)
            test.switchedTo = item.gained
            test.switchedFrom = item.lost
            item.test = test
        }
        return item
    }

    static func scores(_ round: String, _ scores: [String: KnowledgeScore], _ items: [Question], _ tally: Tally) -> RoundScores {
        // In participant order, as the pairs: a dictionary's own order changes from run to run,
        // and so would the last digit of the mean.
        let percents = scores.keys.sorted().compactMap { scores[$0]?.percent }
        // Right (1) or wrong (0) per item, for everyone who answered every item of the round.
        let counted = items.map { tally.tally(round: round, question: $0.id)?.entries ?? [:] }
        let everyone = Set(counted.first?.keys.map { $0 } ?? [])
            .filter { participant in counted.allSatisfy { $0[participant] != nil } }
        let matrix = everyone.sorted().map { participant in
            zip(items, counted).map { question, entries in
                entries[participant].map { question.isCorrect($0.answer) == true ? 1.0 : 0.0 } ?? 0
            }
        }
        return RoundScores(round: round, participants: scores.count,
                           meanPercent: percents.isEmpty ? nil : percents.reduce(0, +) / Double(percents.count),
                           reliability: items.count >= 2 ? reliability(matrix) : nil, complete: matrix.count)
    }

    /// Cronbach's α of right/wrong items (= KR-20 with sample variances): k/(k−1)·(1 − Σ s²ᵢ / s²ₜ),
    /// rows = participants, columns = items; nil with fewer than two participants or items, or
    /// when the total scores do not vary. (pingouin.cronbach_alpha computes the same.)
    public static func reliability(_ matrix: [[Double]]) -> Double? {
        guard matrix.count >= 2, let k = matrix.first?.count, k >= 2 else { return nil }
        let itemVariances = (0..<k).map { j in StatisticalTests.meanAndVariance(matrix.map { $0[j] }).variance }
        let totalVariance = StatisticalTests.meanAndVariance(matrix.map { $0.reduce(0, +) }).variance
        guard totalVariance > 0 else { return nil }
        return Double(k) / Double(k - 1) * (1 - itemVariances.reduce(0, +) / totalVariance)
    }
}
