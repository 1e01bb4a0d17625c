import Foundation
import Testing
@testable import PollCore

@Suite("Live tallies")
struct TallyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func response(_ participant: String, _ question: String, _ answer: Answer, round: String = "opening") -> Response {
        Response(participant: participant, round: round, question: question, answer: answer, channel: .web, receivedAt: now)
    }

    @Test func theLatestAnswerCounts() throws {
        var tally = Tally(definition: Fixtures.poll)
        tally.record(response("a", "single", .choice(0)))
        tally.record(response("b", "single", .choice(0)))
        tally.record(response("a", "single", .choice(2)))
        let t = try #require(tally.tally(round: "opening", question: "single"))
        #expect(t.counts == [1, 0, 1])
        #expect(t.respondents == 2)
        #expect(tally.tally(round: "closing", question: "single")?.respondents == 0)
    }

    @Test func answersKeepTheirArrivalOrder() throws {
        var tally = Tally(definition: Fixtures.poll)
        tally.record(response("a", "single", .choice(0)))
        tally.record(response("b", "single", .choice(1)))
        tally.record(response("c", "single", .choice(2)))
        tally.record(response("a", "single", .choice(1)))
        var t = try #require(tally.tally(round: "opening", question: "single"))
        #expect(t.inArrivalOrder.map(\.participant) == ["b", "c", "a"], "a changed answer arrives anew")
        #expect(t.answer(of: "a") == .choice(1) && t.answer(of: "z") == nil)
        #expect(t.answersByParticipant() == ["a": .choice(1), "b": .choice(1), "c": .choice(2)])
        // Counted out of order (a store's row ids): the positions given decide, and later
        // answers without a position still come last.
        var sliced = Tally(definition: Fixtures.poll)
        sliced.record(participant: "late", round: "closing", question: "text", answer: .text("third"), arrival: 30)
        sliced.record(participant: "early", round: "closing", question: "text", answer: .text("first"), arrival: 10)
        sliced.record(participant: "middle", round: "closing", question: "text", answer: .text("second"), arrival: 20)
        sliced.record(participant: "next", round: "closing", question: "text", answer: .text("fourth"))
        t = try #require(sliced.tally(round: "closing", question: "text"))
        #expect(t.texts == ["first", "second", "third", "fourth"])
        #expect(t.respondents == 4)
    }

    @Test func aRestrictedTallyKeepsItsMembersInArrivalOrder() throws {
        var tally = Tally(definition: Fixtures.poll)
        for (who, option) in [("d", 0), ("a", 1), ("c", 2), ("b", 0), ("a", 2)] {
            tally.record(response(who, "single", .choice(option)))
        }
        tally.setHands(HandCount(round: "opening", question: "single", counts: [5, 5, 5], updatedAt: now))
        let part = try #require(tally.restricted(to: ["a", "b", "d"]).tally(round: "opening", question: "single"))
        #expect(part.inArrivalOrder.map(\.participant) == ["d", "b", "a"])
        #expect(part.counts == [2, 0, 1], "members' latest answers only, no hands")
    }

    @Test func slicesAddUpToTheSameTallyInEitherOrder() throws {
        // As the store counts a large session: disjoint slices of rows, added in whatever
        // order their readers finish.
        func slice(_ range: Range<Int>) -> Tally {
            var part = Tally(definition: Fixtures.poll)
            for i in range {
                part.record(participant: "p\(i)", round: "opening", question: "single", answer: .choice(i % 3), arrival: i + 1)
            }
            return part
        }
        var forward = slice(0..<150), backward = slice(150..<300)
        forward.add(slice(150..<300))
        backward.add(slice(0..<150))
        #expect(forward == backward && forward.hashValue == backward.hashValue)
        let merged = try #require(forward.tally(round: "opening", question: "single"))
        #expect(merged.respondents == 300 && merged.counts == [100, 100, 100])
        #expect(merged.inArrivalOrder.map(\.participant) == (0..<300).map { "p\($0)" })
        backward.record(participant: "p0", round: "opening", question: "single", answer: .choice(1), arrival: 1)
        #expect(forward != backward, "a different answer makes a different tally")
    }

    @Test func everyKindCounts() throws {
        var tally = Tally(definition: Fixtures.poll)
        tally.record(response("a", "multi", .choices([0, 2])))
        tally.record(response("b", "multi", .choices([2])))
        tally.record(response("a", "scale", .number(10)))
        tally.record(response("a", "ranking", .order([2, 0, 1])))
        tally.record(response("b", "ranking", .order([0, 2, 1])))
        tally.record(response("a", "words", .words(["Trust", "power"])))
        tally.record(response("b", "words", .words(["trust"])))
        tally.record(response("b", "words", .words(["risk"])))
        #expect(tally.tally(round: "opening", question: "multi")?.counts == [1, 0, 2])
        #expect(tally.tally(round: "opening", question: "scale")?.counts.last == 1)
        let ranking = try #require(tally.tally(round: "opening", question: "ranking"))
        #expect(ranking.counts == [1, 0, 1], "first places")
        #expect(ranking.rankSums == [3, 6, 3])
        #expect(tally.tally(round: "opening", question: "words")?.wordCounts == ["trust": 1, "power": 1, "risk": 1])
        #expect(tally.participants(in: "opening") == ["a", "b"])
    }

    @Test func handsAddToCountsAndCanBeEdited() throws {
        var tally = Tally(definition: Fixtures.poll)
        tally.record(response("a", "single", .choice(1)))
        tally.setHands(HandCount(round: "opening", question: "single", counts: [10, 2, 0], updatedAt: now))
        #expect(tally.tally(round: "opening", question: "single")?.counts == [10, 3, 0])
        tally.setHands(HandCount(round: "opening", question: "single", counts: [8, 2, 1], updatedAt: now))
        #expect(tally.tally(round: "opening", question: "single")?.counts == [8, 3, 1])
        #expect(tally.tally(round: "opening", question: "single")?.respondents == 12)
    }

    @Test func handCountsAreValidated() {
        func check(_ question: String, _ counts: [Int], round: String = "opening") -> HandCountError? {
            do { try HandCount(round: round, question: question, counts: counts, updatedAt: now).validate(against: Fixtures.poll) } catch { return error }
            return nil
        }
        #expect(check("single", [1, 2, 3]) == nil)
        #expect(check("single", [1, 2]) == .wrongCount(expected: 3, given: 2))
        #expect(check("single", [1, -2, 3]) == .negative)
        #expect(check("scale", [1]) == .notAChoiceQuestion("scale"))
        #expect(check("nope", [1]) == .unknownQuestion("nope"))
    }
}
