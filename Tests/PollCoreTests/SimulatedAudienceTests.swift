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
}
