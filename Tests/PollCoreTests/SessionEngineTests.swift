import Foundation
import Testing
@testable import PollCore

@Suite("Session engine")
struct SessionEngineTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func engine(pace: Pace = .audience) -> SessionEngine {
        SessionEngine(definition: Fixtures.poll, control: SessionControl(startOf: Fixtures.poll, pace: pace))
    }

    func submission(_ question: String, _ answer: String, round: String? = nil, by participant: String = "p1") -> Submission {
        Submission(participant: participant, question: question, round: round, answer: .encoded(answer), channel: .web, receivedAt: now)
    }

    func refusal(_ result: Result<Response, Refusal>) -> Refusal? {
        if case .failure(let refusal) = result { return refusal }
        return nil
    }

    @Test func newSessionHasEveryRoundPendingAndFirstQuestionCurrent() {
        let control = engine().control
        #expect(control.phases == ["opening": .pending, "closing": .pending])
        #expect(control.openRound == nil)
        #expect(control.currentQuestion == "single")
    }

    @Test func openingARoundClosesTheOtherAndPersists() throws {
        var e = engine()
        let effects = try e.handle(.openRound("opening"))
        #expect(effects == [.persist(e.control), .broadcast(e.control)])
        #expect(e.control.openRound == "opening")
        try e.handle(.openRound("closing"))
        #expect(e.control.phases == ["opening": .closed, "closing": .open])
        try e.handle(.closeRound("closing"))
        #expect(e.control.openRound == nil)
        #expect(try e.handle(.closeRound("closing")).isEmpty, "no change, no effect")
        #expect(throws: SessionEventError.unknownRound("middle")) { try e.handle(.openRound("middle")) }
    }

    @Test func navigationStaysWithinTheOpenRound() throws {
        var e = engine()
        try e.handle(.openRound("opening"))
        try e.handle(.previous)
        #expect(e.control.currentQuestion == "single", "stops at the first question")
        for _ in 0..<10 { try e.handle(.next) }
        #expect(e.control.currentQuestion == "words", "text is asked in the closing round only")
        try e.handle(.openRound("closing"))
        try e.handle(.next)
        #expect(e.control.currentQuestion == "text")
        try e.handle(.select("scale"))
        #expect(e.control.currentQuestion == "scale")
        #expect(throws: SessionEventError.unknownQuestion("nope")) { try e.handle(.select("nope")) }
    }

    @Test func audiencePaceAcceptsEveryQuestionOfTheOpenRound() throws {
        var e = engine()
        try e.handle(.openRound("opening"))
        #expect(throws: Never.self) { try e.check(submission("scale", "4")).get() }
        #expect(throws: Never.self) { try e.check(submission("ranking", "A>B>C", round: "opening")).get() }
        #expect(throws: SessionEventError.audiencePace) { try e.handle(.openVoting) }
    }

    @Test func refusalReasons() throws {
        var e = engine(pace: .presenter)
        #expect(refusal(e.check(submission("single", "Yes"))) == .roundClosed(nil))
        try e.handle(.openRound("opening"))
        #expect(refusal(e.check(submission("single", "Yes", round: "closing"))) == .roundClosed("closing"))
        #expect(refusal(e.check(submission("single", "Yes", round: "middle"))) == .unknownRound("middle"))
        #expect(refusal(e.check(submission("nope", "Yes"))) == .unknownQuestion("nope"))
        #expect(refusal(e.check(submission("text", "Hi"))) == .notAskedInRound(question: "text", round: "opening"))
        #expect(refusal(e.check(submission("single", "Yes"))) == .questionClosed("single"), "presenter pace, voting not open")
        try e.handle(.openVoting)
        #expect(refusal(e.check(submission("single", "Yes"))) == nil)
        #expect(refusal(e.check(submission("scale", "3"))) == .questionClosed("scale"), "not the open question")
        #expect(refusal(e.check(submission("single", "Maybe"))) == .invalid(.wrongOption("Maybe")))
        try e.handle(.next)
        #expect(e.control.votingOpen == false, "moving on closes voting")
        #expect(refusal(e.check(submission("multi", "Press"))) == .questionClosed("multi"))
        try e.handle(.openVoting)
        #expect(refusal(e.check(submission("multi", "Press;Courts;Streets"))) == .invalid(.tooManyChoices(allowed: 2, given: 3)))
        try e.handle(.closeVoting)
        #expect(refusal(e.check(submission("multi", "Press"))) == .questionClosed("multi"))
    }

    @Test func votingOpensOnlyOnAQuestionOfTheOpenRound() throws {
        var e = engine(pace: .presenter)
        #expect(throws: SessionEventError.noRoundOpen) { try e.handle(.openVoting) }
        try e.handle(.openRound("opening"))
        try e.handle(.select("text"))
        #expect(throws: SessionEventError.notAskedInOpenRound(question: "text", round: "opening")) { try e.handle(.openVoting) }
        #expect(e.control.votingOpen == false)
    }

    @Test func aRoundWithoutQuestionsHasNothingToStepThrough() throws {
        let poll = PollDefinition(title: "P", questions: [Question(id: "only", kind: .text, ask: "?", rounds: ["opening"])])
        var e = SessionEngine(definition: poll, control: SessionControl(startOf: poll))
        try e.handle(.openRound("closing"))
        #expect(throws: SessionEventError.noQuestion) { try e.handle(.next) }
    }

    @Test func invalidAnswersOfEveryKindAreRefused() throws {
        var e = engine()
        try e.handle(.openRound("closing"))
        #expect(refusal(e.check(submission("scale", "12"))) == .invalid(.outOfRange(value: 12, range: 0...10)))
        #expect(refusal(e.check(submission("ranking", "A>B"))) == .invalid(.incompleteRanking(missing: ["C"])))
        #expect(refusal(e.check(submission("text", String(repeating: "z", count: 300)))) == .invalid(.tooLong(limit: 280)))
        #expect(refusal(e.check(submission("likert", "6"))) == .invalid(.wrongOption("6")))
    }

    @Test func recordedAnswersIgnoreWhetherTheRoundIsOpen() {
        let e = engine()
        #expect(refusal(e.checkRecorded(submission("single", "Yes", round: "closing"))) == nil)
        #expect(refusal(e.checkRecorded(submission("text", "Hi", round: "opening"))) == .notAskedInRound(question: "text", round: "opening"))
        #expect(refusal(e.checkRecorded(submission("single", "Yes"))) == .unknownRound(""))
    }

    @Test func structuredAnswersAreNormalized() throws {
        var e = engine()
        try e.handle(.openRound("opening"))
        let s = Submission(participant: "p", question: "multi", answer: .value(.choices([2, 0])), channel: .kiosk, receivedAt: now)
        #expect(try e.check(s).get().answer == .choices([0, 2]))
    }
}
