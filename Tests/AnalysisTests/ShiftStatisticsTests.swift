import Foundation
import Testing
@testable import Analysis
import PollCore

/// The statistics of the shift analysis as a whole: which tests run, which is primary, Holm's
/// adjustment, verdicts and the cases where nothing can be tested. (The tests' numbers
/// themselves are checked against scipy and statsmodels in `StatisticsReferenceTests`.)
@Suite("Shift statistics")
struct ShiftStatisticsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let info = SessionInfo(name: "s", pollTitle: "P", event: nil, createdAt: now)
    static let poll = PollDefinition(title: "P", questions: [
        Question(id: "yn", kind: .single, ask: "?", options: ["Yes", "No", "Unsure"], rounds: ["opening", "closing"]),
        Question(id: "agree", kind: .likert, ask: "?", options: Question.defaultLikertLabels, rounds: ["opening", "closing"]),
        Question(id: "scale", kind: .scale, ask: "?", max: 10, min: 0, rounds: ["opening", "closing"]),
        Question(id: "multi", kind: .multi, ask: "?", options: ["A", "B", "C"], max: 2, rounds: ["opening", "closing"]),
        Question(id: "rank", kind: .ranking, ask: "?", options: ["A", "B", "C"], rounds: ["opening", "closing"]),
        Question(id: "group", kind: .single, ask: "?", options: ["Room", "Online"], segment: true, rounds: ["opening"]),
    ])

    static func r(_ p: String, _ q: String, _ a: Answer, _ round: String) -> Response {
        Response(participant: p, round: round, question: q, answer: a, channel: .web, receivedAt: now)
    }

    /// `people` participants who move from "No" to "Yes", disagree to agree, 3 to 7, and so on.
    static func strongShift(_ people: Int, pairedFrom: Int = 0) -> [Response] {
        (0..<people).flatMap { i -> [Response] in
            let opening = "p\(i)", closing = i >= pairedFrom ? "p\(i)" : "late\(i)"
            return [
                r(opening, "yn", .choice(i % 5 == 0 ? 0 : 1), "opening"), r(closing, "yn", .choice(i % 5 == 0 ? 1 : 0), "closing"),
                r(opening, "agree", .choice(i % 2), "opening"), r(closing, "agree", .choice(3 + i % 2), "closing"),
                r(opening, "scale", .number(2 + i % 3), "opening"), r(closing, "scale", .number(6 + i % 3), "closing"),
                r(opening, "multi", .choices([i % 3 == 0 ? 0 : 1]), "opening"), r(closing, "multi", .choices([0, 2]), "closing"),
                r(opening, "rank", .order([0, 1, 2]), "opening"), r(closing, "rank", .order(i % 4 == 0 ? [0, 1, 2] : [2, 1, 0]), "closing"),
                r(opening, "group", .choice(i % 2), "opening"),
            ]
        }
    }

    @Test func aStrongShiftIsAClearShiftWithPairedPrimaryTests() throws {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: Self.strongShift(40))
        for id in ["yn", "agree", "scale", "multi", "rank"] {
            let shift = try #require(report.questions.first { $0.question.id == id })
            let primary = try #require(shift.primary, "\(id) has a primary test")
            // Everyone's scale answer rose by exactly 4: the paired t test is undefined (no
            // variance), so the exact signed-rank test (here the sign test) is the paired test.
            #expect(primary.paired, "\(id): 40 of 40 paired make the paired test primary")
            #expect(shift.verdict == .clearShift, "\(id): \(shift.verdictText)")
            #expect(shift.tests.filter(\.primary).count == 1)
        }
        let yn = report.questions[0]
        #expect(yn.tests.map(\.result.name).sorted() == ["chi_square_homogeneity", "mcnemar_midp", "stuart_maxwell"])
        #expect(yn.primary?.result.name == "mcnemar_midp")
        #expect(yn.primary?.option == "Yes", "the option leading the closing round")
        #expect(yn.headline.hasPrefix("“Yes” rose from 20% to 80% (+60 points; among the 40 paired participants +60, 95% CI +"), "\(yn.headline)")
        #expect(yn.headline.hasSuffix("; 40 of 40 paired participants answered differently."))
        let agree = report.questions[1]
        #expect(agree.paired?.up == 40 && agree.paired?.down == 0 && agree.paired?.same == 0)
        #expect(agree.agreement?.labels == ["Agree", "Strongly agree"])
        #expect(agree.agreement?.percent == [0, 100])
        #expect(agree.tests.map(\.result.name) == ["wilcoxon_signed_rank", "mann_whitney_u"])
        let scale = report.questions[2]
        #expect(abs(scale.meanChange! - 4) < 1e-12)
        #expect(scale.paired?.meanDifference == 4)
        #expect(scale.tests.map(\.result.name) == ["wilcoxon_signed_rank", "welch_t"])
        #expect(scale.primary?.result.exact == true)
        #expect(abs(scale.primary!.result.pValue - 2 * pow(0.5, 40)) < 1e-25, "the sign test: all 40 moved up")
        let multi = report.questions[3]
        #expect(Set(multi.tests.map(\.result.name)) == ["fisher_exact", "mcnemar_midp"])
        #expect(multi.tests.filter { $0.result.name == "fisher_exact" }.count == 3, "one per option")
        #expect(report.questions[4].consensus?.first == ["A", "B", "C"])
        #expect(report.questions[4].consensus?.last == ["C", "B", "A"])
    }

    @Test func whenFewAnsweredBothRoundsTheRoundsAreComparedAsIndependentSamples() throws {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: Self.strongShift(40, pairedFrom: 31))
        let yn = report.questions[0]
        #expect(yn.paired?.n == 9)
        #expect(yn.primary?.result.name == "chi_square_homogeneity")
        #expect(yn.primary?.paired == false)
        #expect(report.questions[1].primary?.result.name == "mann_whitney_u")
        #expect(report.questions[2].primary?.result.name == "welch_t")
        #expect(report.questions[3].primary?.result.name == "fisher_exact")
    }

    @Test func primaryPValuesAreHolmAdjustedAcrossTheSession() throws {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: Self.strongShift(12))
        let primaries = report.questions.compactMap(\.primary)
        #expect(primaries.count == 5)
        #expect(primaries.map { $0.pAdjusted! } == StatisticalTests.holm(primaries.map(\.result.pValue)))
        for shift in report.questions {
            for test in shift.tests where !test.primary { #expect(test.pAdjusted == nil) }
        }
    }

    @Test func nobodyMovingIsNotAClearShift() throws {
        let responses = (0..<30).flatMap { i in
            ["opening", "closing"].flatMap { round in
                [Self.r("p\(i)", "yn", .choice(i % 3), round), Self.r("p\(i)", "scale", .number(i % 11), round)]
            }
        }
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: responses)
        // Nobody switched: there is nothing for McNemar or a signed-rank test to count, and the
        // same people are not tested as two independent samples instead.
        #expect(report.questions[0].verdict == .notTested("no paired participant switched to or from “Yes”"))
        #expect(report.questions[0].primary == nil)
        #expect(!report.questions[0].tests.contains { $0.result.name == "mcnemar_midp" }, "no McNemar p = 1 without switchers")
        #expect(report.questions[0].headline == "“Yes” stayed at 33% (±0 points; among the 30 paired participants ±0, 95% CI -7 to +7); 0 of 30 paired participants answered differently.")
        #expect(report.questions[2].tests.map(\.result.name) == ["welch_t"], "no paired difference to test")
        #expect(report.questions[2].verdict == .notTested("no paired participant answered differently"))
    }

    @Test func degenerateSessionsSayWhyNothingIsTestedAndNeverProduceNaN() throws {
        let sessions: [(String, [Response])] = [
            ("nobody", []),
            ("one person", [Self.r("a", "yn", .choice(0), "opening"), Self.r("a", "yn", .choice(1), "closing"),
                            Self.r("a", "scale", .number(3), "opening"), Self.r("a", "scale", .number(5), "closing"),
                            Self.r("a", "agree", .choice(1), "opening"), Self.r("a", "agree", .choice(4), "closing")]),
            ("one round", (0..<20).map { Self.r("p\($0)", "yn", .choice($0 % 2), "opening") }),
            ("everyone the same", (0..<20).flatMap { i in ["opening", "closing"].flatMap { round in
                [Self.r("p\(i)", "yn", .choice(1), round), Self.r("p\(i)", "agree", .choice(2), round),
                 Self.r("p\(i)", "scale", .number(5), round), Self.r("p\(i)", "multi", .choices([0]), round),
                 Self.r("p\(i)", "rank", .order([0, 1, 2]), round)] } }),
        ]
        for (name, responses) in sessions {
            let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: responses)
            for shift in report.questions {
                if case .notTested(let why) = shift.verdict {
                    #expect(!why.isEmpty, "\(name) / \(shift.question.id) says why")
                    #expect(shift.verdictText.hasPrefix("Not tested: "))
                } else {
                    Issue.record("\(name) / \(shift.question.id) should not be tested: \(shift.verdictText)")
                }
                #expect(!shift.headline.isEmpty && !shift.headline.contains("nan") && !shift.headline.contains("inf"))
                let numbers = shift.rounds.flatMap { $0.rows.map(\.percent) + [$0.mean, $0.median, $0.sd].compactMap { $0 } }
                    + (shift.changePoints ?? []) + (shift.intervals ?? []).compactMap { $0 }.flatMap { [$0.lower, $0.upper] }
                #expect(numbers.allSatisfy { $0.isFinite }, "\(name) / \(shift.question.id)")
            }
        }
        let same = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: sessions[3].1)
        #expect(same.questions[0].verdict == .notTested("everyone gave the same answer in both rounds"))
        #expect(ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: []).caveat
                == "With 0 participants there is nothing to compare.")
    }

    @Test func smallRoomsGetAPrecisionCaveat() {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: Self.strongShift(25))
        #expect(report.caveat == "With 25 people, one person is 4 points and a percentage is only known to about ±20 points: read small changes as noise.")
        #expect(ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: Self.strongShift(60)).caveat == nil)
    }

    @Test func leadingAnswersAreLabelledByStrength() {
        func lead(_ counts: [Int]) -> LeadingAnswer.Strength? {
            let n = counts.reduce(0, +)
            return LeadingAnswer.of(counts.enumerated().map { Share(label: "\($0.offset)", count: $0.element, percent: 100 * Double($0.element) / Double(n)) })?.strength
        }
        #expect(lead([4, 3, 3]) == .plurality)
        #expect(lead([5, 5, 0]) == .tied)
        #expect(lead([5, 4, 1]) == .majority)
        #expect(lead([2, 1]) == .majority, "two thirds exactly is not more than two thirds")
        #expect(lead([7, 3]) == .supermajority)
    }

    @Test func segmentsBreakEveryOtherQuestionDownByGroup() throws {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: Self.strongShift(40))
        let breakdown = try #require(report.segments.first)
        #expect(breakdown.segment.id == "group")
        #expect(breakdown.groups.map(\.label) == ["Room", "Online"])
        #expect(breakdown.groups.map(\.size) == [20, 20])
        let room = breakdown.groups[0]
        #expect(room.shifts.map(\.question.id) == ["yn", "agree", "scale", "multi", "rank"])
        #expect(room.shifts[0].rounds.map(\.n) == [20, 20])
        #expect(room.shifts.allSatisfy { $0.tests.isEmpty })
        // Room members are the even-numbered participants: likert answers 1 → 4 (positions).
        #expect(room.shifts[1].rounds[0].mean == 1)
        #expect(room.shifts[1].rounds[1].mean == 4)
    }

    @Test func handsCountInTheUnpairedTestsButAreNeverPaired() throws {
        let yn = PollDefinition(title: "P", questions: [
            Question(id: "yn", kind: .single, ask: "?", options: ["Yes", "No"], rounds: ["opening", "closing"]),
        ])
        let responses = (0..<12).flatMap { i in
            [Self.r("p\(i)", "yn", .choice(1), "opening"), Self.r("p\(i)", "yn", .choice(i < 6 ? 0 : 1), "closing")]
        }
        let hands = [HandCount(round: "opening", question: "yn", counts: [5, 5], updatedAt: Self.now)]
        let shift = ShiftAnalysis.analyze(session: Self.info, definition: yn, responses: responses, hands: hands).questions[0]
        #expect(shift.rounds.map(\.n) == [22, 12])
        #expect(shift.rounds[0].hands == 10)
        let chi = try #require(shift.tests.first { $0.result.name == "chi_square_homogeneity" })
        #expect(chi.result == StatisticalTests.chiSquareHomogeneity([[5, 17], [6, 6]]), "hands are respondents of their round")
        #expect(shift.paired?.n == 12, "hands are never paired")
        let mcnemar = try #require(shift.tests.first { $0.result.name == "mcnemar_midp" })
        #expect(mcnemar.result == StatisticalTests.mcnemarMidP(b: 6, c: 0))
        #expect(mcnemar.primary)
    }
}
