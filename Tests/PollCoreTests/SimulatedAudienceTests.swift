import Foundation
import Testing
@testable import PollCore

@Suite("Simulated audience")
struct SimulatedAudienceTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func sameSeedSameAnswers() {
        let a = SimulatedAudience(definition: Fixtures.poll, size: 40, seed: 7).submissions(round: "opening", at: now)
        let b = SimulatedAudience(definition: Fixtures.poll, size: 40, seed: 7).submissions(round: "opening", at: now)
        let c = SimulatedAudience(definition: Fixtures.poll, size: 40, seed: 8).submissions(round: "opening", at: now)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func everyAnswerIsValidAndAgreementRises() throws {
        let audience = SimulatedAudience(definition: Fixtures.poll, size: 400, seed: 1)
        var engine = SessionEngine(definition: Fixtures.poll, control: SessionControl(startOf: Fixtures.poll))
        var tally = Tally(definition: Fixtures.poll)
        var people: [String: Set<String>] = [:]
        for round in ["opening", "closing"] {
            try engine.handle(.openRound(round))
            for submission in audience.submissions(round: round, at: now) {
                let response = try engine.check(submission).get()
                tally.record(response)
                people[round, default: []].insert(response.participant)
            }
        }
        func agree(_ round: String) -> Double {
            let t = tally.tally(round: round, question: "likert")!
            return Double(t.counts[3] + t.counts[4]) / Double(t.respondents)
        }
        #expect(agree("closing") > agree("opening") + 0.1)
        let opening = people["opening"]!, closing = people["closing"]!
        #expect(!opening.subtracting(closing).isEmpty, "some leave after the opening round")
        #expect(!closing.subtracting(opening).isEmpty, "some arrive for the closing round only")
        #expect(opening.allSatisfy(ParticipantToken.isValid))
    }

    /// Knowledge questions: the audience gets more of them right by the closing round, every
    /// answer is valid (a wrong `multi` answer keeps to `max`), and both right and wrong ones occur.
    @Test func theAudienceLearns() throws {
        let poll = try PollFileParser.parse("""
            title: Training
            rounds: [opening, closing]
            questions:
              - {id: key, kind: single, ask: Best second factor?, options: [SMS, App, Hardware key], correct: Hardware key}
              - {id: apps, kind: multi, max: 2, ask: End to end by default?, options: [Signal, WhatsApp, SMS], correct: [Signal, WhatsApp]}
              - {id: view, kind: likert, ask: I feel safe online.}
            """)
        let audience = SimulatedAudience(definition: poll, size: 300, seed: 3)
        var engine = SessionEngine(definition: poll, control: SessionControl(startOf: poll))
        var right: [String: [Bool]] = [:]
        for round in poll.rounds {
            try engine.handle(.openRound(round))
            for submission in audience.submissions(round: round, at: now) {
                let response = try engine.check(submission).get()
                if let correct = poll.question(response.question)!.isCorrect(response.answer) { right[round, default: []].append(correct) }
            }
        }
        func share(_ round: String) -> Double { Double(right[round]!.filter { $0 }.count) / Double(right[round]!.count) }
        #expect(share("closing") > share("opening") + 0.1, "opening \(share("opening")), closing \(share("closing"))")
        #expect(share("opening") > 0.2 && share("opening") < 0.8, "some right, some wrong at the start")
    }
}
