import Analysis
import Foundation
import PollCore
import Testing

@Suite("Knowledge scores")
struct KnowledgeScoreTests {
    @Test func scoresCountRightAnswersOutOfThoseAnswered() throws {
        let poll = try PollFileParser.parse("""
            title: T
            questions:
              - {id: a, kind: single, ask: A?, options: [x, y], correct: y}
              - {id: b, kind: multi, ask: B?, options: [p, q, r], correct: [p, r]}
              - {id: c, kind: single, ask: C?, options: [x, y]}
            """)
        var tally = Tally(definition: poll)
        func answer(_ who: String, _ question: String, _ answer: Answer, _ round: String = "opening") {
            tally.record(Response(participant: who, round: round, question: question, answer: answer, channel: .web, receivedAt: Date()))
        }
        answer("perfect", "a", .choice(1)); answer("perfect", "b", .choices([0, 2]))
        answer("half", "a", .choice(1)); answer("half", "b", .choices([0]))
        answer("skipper", "b", .choices([0, 2])); answer("skipper", "c", .choice(0))
        answer("opinion-only", "c", .choice(1))
        answer("half", "a", .choice(0), "closing")
        let opening = KnowledgeScore.scores(tally, round: "opening")
        #expect(opening["perfect"] == KnowledgeScore(correct: 2, answered: 2) && opening["perfect"]?.percent == 100)
        #expect(opening["half"] == KnowledgeScore(correct: 1, answered: 2), "multi: only all the correct options count")
        #expect(opening["skipper"] == KnowledgeScore(correct: 1, answered: 1), "a skipped question counts neither way")
        #expect(opening["opinion-only"] == nil, "no knowledge question answered: no score")
        #expect(KnowledgeScore.scores(tally, round: "closing") == ["half": KnowledgeScore(correct: 0, answered: 1)])
    }
}
