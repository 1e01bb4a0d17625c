import Foundation
import Testing
@testable import Analysis
import PollCore

@Suite("Shift analysis (counts, percentages, change in points)")
struct ShiftAnalysisTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let info = SessionInfo(name: "s", pollTitle: "P", event: nil, createdAt: now)
    static let poll = PollDefinition(title: "P", questions: [
        Question(id: "yn", kind: .single, ask: "?", options: ["Yes", "No"], rounds: ["opening", "closing"]),
        Question(id: "seg", kind: .single, ask: "?", options: ["Room", "Online"], segment: true, rounds: ["opening"]),
        Question(id: "scale", kind: .scale, ask: "?", max: 4, min: 1, rounds: ["opening", "closing"]),
        Question(id: "rank", kind: .ranking, ask: "?", options: ["A", "B"], rounds: ["opening", "closing"]),
        Question(id: "words", kind: .words, ask: "?", rounds: ["opening", "closing"]),
        Question(id: "text", kind: .text, ask: "?", rounds: ["opening", "closing"]),
    ])

    func r(_ p: String, _ q: String, _ a: Answer, _ round: String = "opening") -> Response {
        Response(participant: p, round: round, question: q, answer: a, channel: .web, receivedAt: Self.now)
    }

    @Test func countsPercentagesAndChange() throws {
        let responses = [
            r("a", "yn", .choice(0)), r("b", "yn", .choice(1)), r("c", "yn", .choice(1)), r("d", "yn", .choice(1)),
            r("a", "yn", .choice(0), "closing"), r("b", "yn", .choice(0), "closing"), r("c", "yn", .choice(1), "closing"),
            r("d", "yn", .choice(0), "closing"),
        ]
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: responses)
        let yn = try #require(report.questions.first)
        #expect(yn.rounds.map(\.n) == [4, 4])
        #expect(yn.rounds[0].rows.map(\.count) == [1, 3])
        #expect(yn.rounds[0].rows.map(\.percent) == [25, 75])
        #expect(yn.rounds[1].rows.map(\.percent) == [75, 25])
        #expect(yn.changePoints == [50, -50])
        #expect(yn.paired?.n == 4)
        #expect(yn.paired?.differently == 2)
        #expect(yn.paired?.transitions == [[1, 0], [2, 1]], "from Yes (row) / No to Yes (column) / No")
        #expect(report.participants == ["opening": 4, "closing": 4])
    }

    @Test func handsCountInTheDistribution() throws {
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll,
                                           responses: [r("a", "yn", .choice(0)), r("a", "yn", .choice(1), "closing")],
                                           hands: [HandCount(round: "opening", question: "yn", counts: [2, 1], updatedAt: Self.now)])
        let yn = report.questions[0]
        #expect(yn.rounds[0].n == 4)
        #expect(yn.rounds[0].hands == 3)
        #expect(yn.rounds[0].rows.map(\.count) == [3, 1])
    }

    @Test func scaleRankingWordsAndText() throws {
        let responses = [
            r("a", "scale", .number(1)), r("b", "scale", .number(4)), r("a", "scale", .number(4), "closing"),
            r("a", "rank", .order([0, 1])), r("b", "rank", .order([1, 0])), r("a", "rank", .order([1, 0]), "closing"),
            r("a", "words", .words(["Trust", "risk"])), r("b", "words", .words(["trust"])),
            r("a", "words", .words(["power"]), "closing"),
            r("a", "text", .text("first")), r("b", "text", .text("second")),
        ]
        let report = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: responses)
        let scale = report.questions[2]
        #expect(scale.rounds[0].rows.map(\.label) == ["1", "2", "3", "4"])
        #expect(scale.rounds[0].mean == 2.5)
        #expect(scale.rounds[1].mean == 4)
        #expect(scale.changePoints == [-50, 0, 0, 50])
        let rank = report.questions[3]
        #expect(rank.rounds[0].rows.map(\.meanRank) == [1.5, 1.5])
        #expect(rank.rounds[1].rows.map(\.meanRank) == [2, 1])
        let words = report.questions[4]
        #expect(words.rounds[0].rows.map(\.label) == ["trust", "power", "risk"], "most used first, then alphabetical")
        #expect(words.rounds[0].rows.map(\.percent) == [100, 0, 50])
        let text = report.questions[5]
        #expect(text.rounds[0].texts == ["first", "second"])
        #expect(report.questions[4].paired?.differently == 1, "{trust, risk} → {power}")
        #expect(report.questions[4].newWords == ["power"])
        #expect(report.questions[4].vanishedWords == ["trust", "risk"], "most used first")
        #expect(text.changePoints == nil)
        #expect(text.note == "free text is shown, not measured")
    }

    @Test func emptyAndOneRoundSessionsSayWhyNothingIsMeasured() {
        let empty = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: [])
        #expect(empty.questions[0].changePoints == nil)
        #expect(empty.questions[0].note == "nobody answered in the opening round")
        #expect(empty.questions[0].rounds[0].rows.allSatisfy { $0.percent == 0 && !$0.percent.isNaN })
        #expect(empty.questions[1].note == "asked in one round only")
        #expect(empty.questions[2].rounds[0].mean == nil)
        let onlyOpening = ShiftAnalysis.analyze(session: Self.info, definition: Self.poll, responses: [r("a", "yn", .choice(0))])
        #expect(onlyOpening.questions[0].note == "nobody answered in the closing round")
    }
}
