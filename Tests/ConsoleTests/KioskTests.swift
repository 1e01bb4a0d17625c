import Console
import PollCore
import Testing

/// Kiosk voters at the room terminal: codes, every kind of answer, pairing, refusals, leaving.
@Suite("Kiosk")
struct KioskTests {
    typealias F = ConsoleFixtures

    func key(_ c: Character) -> ConsoleEvent { .key(.character(c)) }

    /// Runs the kiosk effects like the shell: each answer is stored and confirmed.
    func vote(_ events: [ConsoleEvent], _ model: inout ConsoleModel) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for event in events {
            for effect in F.send([event], to: &model) {
                effects.append(effect)
                if case let .submitKiosk(participant, round, question, answer, _) = effect {
                    F.send([.recorded(Response(participant: participant, round: round, question: question,
                                               answer: answer, channel: .kiosk, receivedAt: F.now)),
                            .kioskStored(question: question)], to: &model)
                }
            }
        }
        return effects
    }

    func answers(_ effects: [ConsoleEffect]) -> [String: Answer] {
        var result: [String: Answer] = [:]
        for case let .submitKiosk(_, _, question, answer, _) in effects { result[question] = answer }
        return result
    }

    @Test func aVoterAnswersEveryKindWithTheKeyboard() throws {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter)], to: &model)
        let code = try #require(model.kiosk?.voterCode)
        #expect(code.count == 5)
        let effects = vote([.key(.enter),
                            .key(.down), .key(.down), .key(.enter),                  // single: ↓↓ from nothing → option 2
                            key("1"), key("3"), key("2"), key("3"), .key(.enter),     // multi: 1 and 2 (3 toggled off)
                            key("5"), .key(.up), .key(.enter),                        // likert: 5 then ↑ → 4
                            key("8"), .key(.enter),                                   // scale: typed 8
                            .key(.down), key(" "), .key(.down), key(" "), .key(.enter), // ranking: move B below C
                            ] + F.keys("Privacy, trust") + [.key(.enter)], &model)
        let given = answers(effects)
        #expect(given["special"] == .choice(1))
        #expect(given["approach"] == .choices([0, 1]))
        #expect(given["right"] == .choice(3))
        #expect(given["confidence"] == .number(8))
        #expect(given["routes"] == .order([0, 2, 1]))
        #expect(given["word"] == .words(["Privacy", "trust"]))
        #expect(effects.allSatisfy { if case .submitKiosk(let p, "opening", _, _, _) = $0 { return p == "kiosk-\(code)" } else { return false } })
        #expect(model.kiosk?.step == .thanks)
        #expect(model.kiosk?.voters == 1)
    }

    @Test func tooManyChoicesAreExplainedAndNothingIsSent() {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter), .key(.enter), .key(.tab)], to: &model)
        let effects = vote([key("1"), key("2"), key("3"), .key(.enter)], &model)
        #expect(effects.isEmpty)
        #expect(model.kiosk?.problem == "3 options chosen, at most 2 allowed")
        #expect(model.kiosk?.step == .question(index: 1))
    }

    @Test func skippingAndGoingBack() {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter), .key(.enter)], to: &model)
        F.send([.key(.tab), .key(.tab)], to: &model)
        #expect(model.kiosk?.step == .question(index: 2))
        F.send([.key(.backTab)], to: &model)
        #expect(model.kiosk?.step == .question(index: 1))
        F.send([.key(.enter)], to: &model)
        #expect(model.kiosk?.step == .question(index: 2), "Enter with nothing chosen skips")
    }

    @Test func theClosingRoundPairsByVoterCode() throws {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter)], to: &model)
        let code = try #require(model.kiosk?.voterCode)
        _ = vote([.key(.enter), key("1"), .key(.enter)], &model)
        F.send([.key(.control("x")), key("y"), key("c"), key("k")], to: &model)
        #expect(model.kiosk?.round == "closing")
        F.send(F.keys("ZZZZZ") + [.key(.enter)], to: &model)
        #expect(model.kiosk?.step == .welcome(typed: "ZZZZZ", error: "No voter with the code ZZZZZ. Check it, or clear it to continue without one."))
        F.send(Array(repeating: .key(.backspace), count: 5) + F.keys(code.lowercased()) + [.key(.enter)], to: &model)
        #expect(model.kiosk?.voterCode == code)
        let effects = vote([key("2"), .key(.enter)], &model)
        #expect(effects == [.submitKiosk(participant: "kiosk-\(code)", round: "closing", question: "special", answer: .choice(1), language: "en")])
        let opening = model.tally.tally(round: "opening", question: "special")?.answer(of: "kiosk-\(code)")
        let closing = model.tally.tally(round: "closing", question: "special")?.answer(of: "kiosk-\(code)")
        #expect(opening == .choice(0) && closing == .choice(1), "the same participant in both rounds: paired")
    }

    @Test func aSecondVoterGetsANewCodeAfterTheThanks() throws {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter)], to: &model)
        let first = try #require(model.kiosk?.voterCode)
        _ = vote([.key(.enter), key("1"), .key(.enter)] + Array(repeating: .key(.tab), count: 5), &model)
        #expect(model.kiosk?.step == .thanks)
        F.send([.key(.enter), .key(.enter)], to: &model)
        let second = try #require(model.kiosk?.voterCode)
        #expect(second != first)
    }

    @Test func aRefusedAnswerTakesTheVoterBackAndHoldsTheThanks() {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter), .key(.enter)], to: &model)
        let effects = F.send([key("1"), .key(.enter)], to: &model)
        #expect(effects.count == 1)
        #expect(model.kiosk?.step == .question(index: 1), "the voter moves on while the answer is stored")
        F.send(Array(repeating: .key(.tab), count: 5), to: &model)
        #expect(model.kiosk?.step == .thanks)
        F.send([.key(.enter)], to: &model)
        #expect(model.kiosk?.step == .thanks, "no next voter while an answer is unconfirmed")
        F.send([.kioskRefused(question: "special", reason: "the answer could not be stored: disk full")], to: &model)
        #expect(model.kiosk?.step == .question(index: 0))
        #expect(model.kiosk?.problem == "Not saved: the answer could not be stored: disk full")
    }

    @Test func aCodeAnswersOnlyOncePerRound() throws {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter)], to: &model)
        let code = try #require(model.kiosk?.voterCode)
        _ = vote([.key(.enter), key("1"), .key(.enter)], &model)
        F.send([.key(.control("x")), key("y"), key("c"), key("k")], to: &model)
        _ = vote(F.keys(code) + [.key(.enter), key("2"), .key(.enter)] + Array(repeating: .key(.tab), count: 6), &model)
        #expect(model.kiosk?.step == .thanks)
        F.send([.key(.enter)] + F.keys(code) + [.key(.enter)], to: &model)
        #expect(model.kiosk?.step == .welcome(typed: code, error: "The code \(code) has already answered in this round."))
    }

    @Test func anUntouchedRankingIsNotAnAnswer() {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter), .key(.enter)] + Array(repeating: .key(.tab), count: 4), to: &model)
        #expect(model.kiosk?.step == .question(index: 4))
        #expect(F.send([.key(.enter)], to: &model).isEmpty)
        #expect(model.kiosk?.problem == "Put the items in your order first (Space picks one up), or Tab to skip.")
    }

    @Test func aVoterWhoSkipsEverythingIsNotCounted() {
        var model = F.fresh()
        F.send([key("o"), key("k"), .key(.enter), .key(.enter)] + Array(repeating: .key(.tab), count: 6), to: &model)
        #expect(model.kiosk?.step == .thanks)
        #expect(model.kiosk?.voters == 0)
        #expect(ScreenRenderer.render(model).text.contains("No answers given"))
    }

    @Test func inPresenterPaceTheKioskAsksOnlyTheOpenQuestion() {
        var model = F.fresh(pace: .presenter)
        F.send([key("o"), key("k"), .key(.enter)], to: &model)
        #expect(model.kiosk?.step == .welcome(typed: "", error: "No question is open for voting yet — please wait for the facilitator."))
        F.send([.key(.control("x")), key("y"), key("n"), key(" "), key("k"), .key(.enter), .key(.enter)], to: &model)
        #expect(model.kiosk?.questions == ["approach"])
        let effects = vote([key("1"), .key(.enter)], &model)
        #expect(effects.count == 1)
        #expect(model.kiosk?.step == .thanks)
    }

    @Test func leavingNeedsCtrlXThenY() {
        var model = F.fresh()
        F.send([key("o"), key("k")], to: &model)
        F.send([key("q"), .key(.escape), key("y")], to: &model)
        #expect(model.screen == .kiosk, "q, Escape and y do not leave")
        F.send([.key(.control("x")), key("n")], to: &model)
        #expect(model.screen == .kiosk)
        F.send([.key(.control("c")), key("y")], to: &model)
        #expect(model.screen == .question)
        #expect(model.kiosk == nil)
    }
}
