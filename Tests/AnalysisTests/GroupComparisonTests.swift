import Foundation
import Testing
@testable import Analysis
import PollCore

/// Did the groups move differently? Hand-made rooms whose answer is known by counting.
@Suite("Group comparisons")
struct GroupComparisonTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let info = SessionInfo(name: "s", pollTitle: "P", event: nil, createdAt: now)

    static func poll(segment kind: QuestionKind) -> PollDefinition {
        PollDefinition(title: "P", questions: [
            Question(id: "where", kind: kind, ask: "Where?", options: ["Room", "Online"], segment: true, rounds: ["opening"]),
            Question(id: "yn", kind: .single, ask: "Pass?", options: ["Yes", "No"], rounds: ["opening", "closing"]),
            Question(id: "score", kind: .scale, ask: "Score?", max: 10, min: 0, rounds: ["opening", "closing"]),
        ])
    }

    static func r(_ p: String, _ q: String, _ a: Answer, _ round: String) -> Response {
        Response(participant: p, round: round, question: q, answer: a, channel: .web, receivedAt: now)
    }

    /// Ten in the room, eight of whom move Yes → No; ten online, one of whom does. Scores: the
    /// room moves +2 each, online +0 or +1.
    static func responses(segmentAnswer: (Int) -> Answer) -> [Response] {
        (0..<20).flatMap { i -> [Response] in
            let room = i < 10
            let moves = room ? i < 8 : i == 10
            return [r("p\(i)", "where", segmentAnswer(i), "opening"),
                    r("p\(i)", "yn", .choice(0), "opening"), r("p\(i)", "yn", .choice(moves ? 1 : 0), "closing"),
                    r("p\(i)", "score", .number(4), "opening"), r("p\(i)", "score", .number(room ? 6 : 4 + i % 2), "closing")]
        }
    }

    @Test func pairedGroupsAreComparedOnTheRoomsHeadlineMeasure() throws {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll(segment: .single),
                                           responses: Self.responses { .choice($0 < 10 ? 0 : 1) })
        let comparisons = try #require(report.segments.first?.comparisons)
        #expect(comparisons.map(\.question.id) == ["yn", "score"])
        let yn = comparisons[0]
        // The closing round leans Yes (11 of 20): the measure is the share choosing “Yes”.
        #expect(yn.measure == "“Yes”" && yn.unit == .percent && yn.design == .paired)
        #expect(yn.groups.map(\.label) == ["Room", "Online"] && yn.groups.map(\.n) == [10, 10])
        #expect(yn.groups.map(\.change) == [-80, -10])
        #expect(yn.gapBefore == 0 && yn.gapAfter == 70 && yn.gapNarrowed == false)
        // One-way ANOVA of the changes (−1 × 8, 0 × 2) and (−1, 0 × 9): SSB = 2 · 10 · 0.35² = 2.45,
        // SSW = 1.6 + 0.9 = 2.5, F = 2.45 / (2.5 / 18) = 17.64.
        let test = try #require(yn.test)
        #expect(test.name == "one_way_anova" && test.df == 1 && test.df2 == 18)
        #expect(abs(test.statistic! - 17.64) < 1e-9)
        #expect(yn.pAdjusted != nil && yn.pAdjusted! >= test.pValue, "Holm-adjusted across the comparisons")
        let score = comparisons[1]
        #expect(score.unit == .mean && score.groups.map(\.change) == [2, 0.5])
        #expect(score.groups[0].interval == ConfidenceInterval(lower: 2, upper: 2), "every one moved +2")
    }

    @Test func overlappingGroupsAreNotCompared() {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll(segment: .multi),
                                           responses: Self.responses { .choices($0 < 10 ? [0] : [0, 1]) })
        #expect(report.segments.first?.groups.map(\.size) == [20, 10])
        #expect(report.segments.first?.comparisons.isEmpty == true)
    }

    @Test func aGroupOfOneIsLeftOut() throws {
        // Only p0 is online: a group of one takes no part, and one group leaves nothing to compare.
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll(segment: .single),
                                           responses: Self.responses { .choice($0 == 0 ? 1 : 0) })
        #expect(report.segments.first?.comparisons.isEmpty == true)
    }

    /// An unpaired room: the closing round's people are new (their group answered in the opening).
    static func unpaired(_ groups: [(label: Int, opening: [Int], closing: [Int])]) -> [Response] {
        var responses: [Response] = []
        for (g, group) in groups.enumerated() {
            for (i, answer) in group.opening.enumerated() {
                responses += [r("g\(g)o\(i)", "where", .choice(group.label), "opening"), r("g\(g)o\(i)", "yn", .choice(answer), "opening")]
            }
            for (i, answer) in group.closing.enumerated() {
                responses += [r("g\(g)c\(i)", "where", .choice(group.label), "opening"), r("g\(g)c\(i)", "yn", .choice(answer), "closing")]
            }
        }
        return responses
    }

    @Test func aGroupAtZeroOrAHundredPercentStillCounts() throws {
        // Found in review: with Wald variances a group going 100% → 0% had none and was dropped
        // from Cochran's Q. Room: all Yes then all No; Online: half Yes both times.
        let poll = PollDefinition(title: "P", questions: [
            Question(id: "where", kind: .single, ask: "Where?", options: ["Room", "Online"], segment: true, rounds: ["opening"]),
            Question(id: "yn", kind: .single, ask: "Pass?", options: ["Yes", "No"], rounds: ["opening", "closing"]),
        ])
        let responses = Self.unpaired([(0, Array(repeating: 0, count: 10), Array(repeating: 1, count: 10)),
                                       (1, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])])
        let report = ShiftAnalysis.analyze(session: Self.info, definition: poll, responses: responses)
        let yn = try #require(report.segments.first?.comparisons.first)
        #expect(yn.design == .unpaired && yn.groups.count == 2)
        let test = try #require(yn.test, "\(String(describing: yn.untested))")
        // The measure is “No” (the closing round leans No, 15 of 20). Agresti–Caffo variances:
        // Room (0+1)/12 and (10+1)/12 → 2 · (1/12 · 11/12)/12; Online 6/12 twice → 2 · (1/4)/12.
        let room = 2 * (1.0 / 12 * 11 / 12) / 12 * 10_000, online = 2 * 0.25 / 12 * 10_000
        let changes = [100.0, 0]
        let mean = (changes[0] / room + changes[1] / online) / (1 / room + 1 / online)
        let q = (changes[0] - mean) * (changes[0] - mean) / room + (changes[1] - mean) * (changes[1] - mean) / online
        #expect(yn.measure == "“No”" && yn.groups.map(\.change) == changes)
        #expect(abs(test.statistic! - q) < 1e-9 && test.df == 1)
    }

    @Test func groupsThatEachMovedAsOneAreClearlyDifferent() throws {
        // Paired: everyone in the room moves 4 → 6, everyone online stays at 4. No variation
        // within the groups, all of it between them: F is infinite and p = 0, as scipy has it.
        let responses = (0..<8).flatMap { i -> [Response] in
            [Self.r("p\(i)", "where", .choice(i < 4 ? 0 : 1), "opening"),
             Self.r("p\(i)", "yn", .choice(0), "opening"), Self.r("p\(i)", "yn", .choice(i % 2), "closing"),
             Self.r("p\(i)", "score", .number(4), "opening"), Self.r("p\(i)", "score", .number(i < 4 ? 6 : 4), "closing")]
        }
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll(segment: .single), responses: responses)
        let score = try #require(report.segments.first?.comparisons.first { $0.question.id == "score" })
        let test = try #require(score.test)
        #expect(test.statistic == nil && test.pValue == 0 && test.df == 1 && test.df2 == 6)
    }
}
