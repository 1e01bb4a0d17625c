import Foundation
import Testing
@testable import Analysis
import PollCore

/// The report says what the data support in every room: each case of issue #14's list, built by
/// hand so the right answer is known by counting.
@Suite("Honest verdicts and words that match the numbers")
struct HonestVerdictTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let info = SessionInfo(name: "s", pollTitle: "P", event: nil, createdAt: now)
    static let poll = PollDefinition(title: "P", questions: [
        Question(id: "yn", kind: .single, ask: "?", options: ["Yes", "No", "Unsure"], rounds: ["opening", "closing"]),
        Question(id: "agree", kind: .likert, ask: "?", options: Question.defaultLikertLabels, rounds: ["opening", "closing"]),
        Question(id: "score", kind: .scale, ask: "?", max: 10, min: 0, rounds: ["opening", "closing"]),
        Question(id: "rank", kind: .ranking, ask: "?", options: ["A", "B"], rounds: ["opening", "closing"]),
    ])

    static func r(_ p: String, _ q: String, _ a: Answer, _ round: String) -> Response {
        Response(participant: p, round: round, question: q, answer: a, channel: .web, receivedAt: now)
    }

    static func shift(_ id: String, _ responses: [Response]) -> QuestionShift {
        ShiftAnalysis.analyze(session: info, definition: poll, responses: responses).questions.first { $0.question.id == id }!
    }

    @Test func aConstantPairedDifferenceIsTestedByTheSignTest() {
        let responses = (0..<12).flatMap { [Self.r("p\($0)", "score", .number(5), "opening"), Self.r("p\($0)", "score", .number(6), "closing")] }
        let score = Self.shift("score", responses)
        #expect(score.design == .paired)
        #expect(score.primary?.result.name == "wilcoxon_signed_rank")
        #expect(score.primary?.result.exact == true)
        #expect(abs(score.primary!.result.pValue - 2 * pow(0.5, 12)) < 1e-15)
        #expect(score.verdict == .clearShift, "\(score.verdictText)")
        #expect(score.verdictText.contains("the 95% CI of the paired participants’ mean change excludes 0"))
    }

    @Test func fourPairedPeopleGetMcNemarNotChiSquare() {
        let responses = (0..<4).flatMap { [Self.r("p\($0)", "yn", .choice(0), "opening"), Self.r("p\($0)", "yn", .choice(1), "closing")] }
        let yn = Self.shift("yn", responses)
        #expect(yn.primary?.result.name == "mcnemar_midp")
        #expect(abs(yn.primary!.result.pValue - 0.0625) < 1e-15)
        #expect(yn.verdict == .notClear)
        #expect(yn.tests.contains { $0.result.name == "fisher_freeman_halton" }, "expected counts of 2: the exact test of the table is shown")
    }

    @Test func unpairedSmallTablesUseTheExactTest() {
        // Show of hands only: nobody can be paired, and expected counts are small.
        let tally = Tally(definition: Self.poll, responses: [], hands: [
            HandCount(round: "opening", question: "yn", counts: [5, 1, 0], updatedAt: Self.now), HandCount(round: "closing", question: "yn", counts: [1, 4, 1], updatedAt: Self.now),
        ])
        let report = ShiftAnalysis.analyze(session: Self.info, tally: tally)
        let yn = report.questions[0]
        #expect(yn.design == .unpaired)
        #expect(yn.primary?.result.name == "fisher_freeman_halton")
    }

    @Test func theHeadlineChangeComesFromUnroundedShares() {
        // 1 of 3 (33.3%) → 42 of 125 (33.6%): +0.27 points, not the rounded "+1 point".
        let opening = (0..<3).map { Self.r("o\($0)", "yn", .choice($0 == 0 ? 0 : 1), "opening") }
        let closing = (0..<125).map { Self.r("c\($0)", "yn", .choice($0 < 42 ? 0 : 1), "closing") }
        let yn = Self.shift("yn", opening + closing)
        #expect(yn.headline.hasPrefix("“No” rose from 66.7% to 66.4%") == false)
        #expect(yn.headline.contains("(-0.3 points"), "\(yn.headline)")
        // A bound that rounds to 0 keeps its sign.
        #expect(ConfidenceInterval.text(ConfidenceInterval(lower: -12.3, upper: -0.46)) == "-12 to -0.5")
        #expect(ConfidenceInterval.text(ConfidenceInterval(lower: 0.004, upper: 3.2), places: 1) == "+0.004 to +3.2")
        #expect(ConfidenceInterval.text(ConfidenceInterval(lower: 0, upper: 3.2)) == "±0 to +3")
    }

    @Test func aLikertHeadlineLeadsWithTheTestedMeanAndSaysWhenTheRoomPolarised() {
        // 20 people: the middle empties to both ends.
        let responses = (0..<20).flatMap { i -> [Response] in
            [Self.r("p\(i)", "agree", .choice(2), "opening"), Self.r("p\(i)", "agree", .choice(i % 2 == 0 ? 0 : 4), "closing")]
        }
        let agree = Self.shift("agree", responses)
        #expect(agree.headline.hasPrefix("The mean stayed at 3.0"), "\(agree.headline)")
        #expect(agree.agreement?.polarised == true)
        #expect(agree.headline.contains("the room polarised: agreement (“Agree” or “Strongly agree”) rose from 0% to 50%"))
        #expect(agree.headline.contains("and disagreement (“Strongly disagree” or “Disagree”) from 0% to 50%"))
    }

    @Test func rankTestsGiveSignedZAndMcNemarItsCounts() {
        let lower = StatisticalTests.mannWhitneyU(Array(repeating: 1, count: 60), Array(repeating: 2, count: 60) + [1])
        #expect((lower?.z ?? 0) < 0, "the first sample is lower: z is negative")
        #expect((StatisticalTests.mannWhitneyU([3, 4, 5], [1, 2, 3])?.z ?? 0) > 0)
        let mcnemar = StatisticalTests.mcnemarMidP(b: 6, c: 2)
        #expect(mcnemar.statistic == nil && mcnemar.switchedTo == 6 && mcnemar.switchedFrom == 2)
        #expect(StatisticalTests.fisherExact([[0, 5], [3, 2]])?.statistic == nil, "a zero cell: no odds ratio")
    }

    @Test func stuartMaxwellRunsOnTheOptionsSomeoneSwitchedBetween() throws {
        // “Unsure” is only on the diagonal (its two voters kept it).
        let result = try #require(StatisticalTests.stuartMaxwell([[3, 4, 0], [1, 2, 0], [0, 0, 2]]))
        #expect(result.df == 1)
        let expected = try #require(StatisticalTests.stuartMaxwell([[3, 4], [1, 2]]))
        #expect(abs(result.pValue - expected.pValue) < 1e-15)
    }

    @Test func equalMeanRanksShareFirstPlace() {
        let responses = (0..<4).flatMap { i -> [Response] in
            [Self.r("p\(i)", "rank", .order([0, 1]), "opening"), Self.r("p\(i)", "rank", .order(i % 2 == 0 ? [0, 1] : [1, 0]), "closing")]
        }
        let rank = Self.shift("rank", responses)
        #expect(rank.headline.hasPrefix("“A” and “B” share first place in the room’s ranking"), "\(rank.headline)")
    }

    @Test func theCaveatIsAboutTheRoomNotItsLeastAnsweredQuestion() {
        let many = (0..<200).flatMap { i in ["opening", "closing"].map { Self.r("p\(i)", "yn", .choice(i % 2), $0) } }
        let few = (0..<10).map { Self.r("p\($0)", "score", .number(3), "opening") } + (0..<10).map { Self.r("p\($0)", "score", .number(4), "closing") }
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: many + few)
        #expect(report.caveat == nil, "\(report.caveat ?? "")")
    }
    @Test func aWideScaleIsListedInRangesAndTestedOnItsValues() {
        #expect(ScaleBins(0...100).labels == ["0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90–100"])
        #expect(ScaleBins(1...20).labels.first == "1–2" && ScaleBins(1...20).labels.count == 10)
        #expect(ScaleBins(0...10).labels == (0...10).map(String.init), "a 0–10 scale keeps one row per value")
        #expect(ScaleBins(1...12).labels == ["1–2", "3–4", "5–6", "7–8", "9–10", "11–12"])
        #expect(ScaleBins(0...100).counts(Array(repeating: 1, count: 101)) == [10, 10, 10, 10, 10, 10, 10, 10, 10, 11])

        let wide = PollDefinition(title: "P", questions: [
            Question(id: "pct", kind: .scale, ask: "?", max: 100, min: 0, rounds: ["opening", "closing"]),
        ])
        // Twenty people each move from 40 + i to 50 + i: every pair moves +10, one range up.
        let responses = (0..<20).flatMap { i in
            [Self.r("p\(i)", "pct", .number(40 + i), "opening"), Self.r("p\(i)", "pct", .number(50 + i), "closing")]
        }
        let shift = ShiftAnalysis.analyze(session: Self.info, definition: wide, responses: responses).questions[0]
        #expect(shift.rounds.allSatisfy { $0.rows.count == 10 })
        #expect(shift.rounds[0].rows.map(\.count) == [0, 0, 0, 0, 10, 10, 0, 0, 0, 0])
        #expect(shift.rounds[1].rows.map(\.count) == [0, 0, 0, 0, 0, 10, 10, 0, 0, 0])
        #expect(shift.changePoints?.count == 10 && shift.intervals?.count == 10)
        #expect(shift.rounds[0].mean == 49.5 && shift.rounds[1].mean == 59.5, "means use the values, not the ranges")
        #expect(shift.paired?.meanDifference == 10)
        #expect(shift.paired?.transitions?[4][5] == 10 && shift.paired?.transitions?[5][6] == 10, "turnover between ranges")
        #expect(shift.verdict == .clearShift, "\(shift.verdictText)")
    }
}
