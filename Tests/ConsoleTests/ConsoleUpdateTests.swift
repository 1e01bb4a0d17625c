import Console
import PollCore
import Testing

/// The update function: every key on every screen, and the data events.
@Suite("Console update")
struct ConsoleUpdateTests {
    typealias F = ConsoleFixtures

    func key(_ c: Character) -> ConsoleEvent { .key(.character(c)) }

    @Test func roundKeysToggleTheFirstAndLastRound() {
        var model = F.fresh()
        #expect(F.send([key("o")], to: &model) == [.session(.openRound("opening"))])
        #expect(model.control.openRound == "opening")
        #expect(model.screen == .progress, "audience pace shows the round's progress")
        #expect(F.send([key("o")], to: &model) == [.session(.closeRound("opening"))])
        #expect(model.control.openRound == nil)
        #expect(F.send([key("c")], to: &model) == [.session(.openRound("closing"))])
        #expect(model.control.phases == ["opening": .closed, "closing": .open])
        #expect(F.send([key("o")], to: &model) == [.session(.openRound("opening"))], "opening one closes the other")
        #expect(model.control.phases == ["opening": .open, "closing": .closed])
    }

    @Test func numberKeysOpenRoundsOnlyWhenThePollHasMoreThanTwo() {
        let three = PollDefinition(title: "T", rounds: ["opening", "middle", "closing"],
                                   questions: [Question(id: "q", kind: .text, ask: "?", rounds: ["opening", "middle", "closing"])])
        var model = F.fresh(three)
        #expect(F.send([key("2")], to: &model) == [.session(.openRound("middle"))])
        var two = F.fresh()
        #expect(F.send([key("2")], to: &two).isEmpty)
    }

    @Test func arrowsAndPNStepThroughQuestions() {
        var model = F.model()
        #expect(F.send([.key(.right)], to: &model) == [.session(.next)])
        #expect(model.screen == .question)
        #expect(model.currentQuestion?.id == "approach")
        F.send([key("n")], to: &model)
        #expect(model.currentQuestion?.id == "right")
        F.send([.key(.left), key("p")], to: &model)
        #expect(model.currentQuestion?.id == "special")
    }

    @Test func revealResetsWhenTheQuestionChanges() {
        var model = F.model()
        F.send([.key(.enter), key("r")], to: &model)
        #expect(model.revealed)
        F.send([key("r")], to: &model)
        #expect(!model.revealed)
        F.send([key("r"), key("n")], to: &model)
        #expect(!model.revealed, "a new question starts hidden")
        var fromProgress = F.model()
        F.send([key("r")], to: &fromProgress)
        #expect(fromProgress.screen == .question && fromProgress.revealed)
    }

    @Test func compareSummaryAndBack() {
        var model = F.model()
        F.send([key("v")], to: &model)
        #expect(model.screen == .compare)
        F.send([key("v")], to: &model)
        #expect(model.screen == .question)
        F.send([key("s")], to: &model)
        #expect(model.screen == .summary)
        // The summary scrolls by question, no further than its last screenful, and back.
        F.send([.key(.down)], to: &model)
        #expect(model.scroll == min(1, model.maxScroll))
        F.send(Array(repeating: .key(.pageDown), count: 5), to: &model)
        #expect(model.scroll == model.maxScroll)
        F.send(Array(repeating: .key(.up), count: 10), to: &model)
        #expect(model.scroll == 0)
        F.send([.key(.escape)], to: &model)
        #expect(model.screen == .question)
        F.send([.key(.escape)], to: &model)
        #expect(model.screen == .progress)
        F.send([.key(.enter)], to: &model)
        #expect(model.screen == .question)
    }

    @Test func spaceOpensVotingOnlyInPresenterPace() {
        var audience = F.model()
        #expect(F.send([key(" ")], to: &audience).isEmpty)
        #expect(audience.banner?.text.hasPrefix("Audience pace") == true)
        var presenter = F.fresh(pace: .presenter)
        #expect(F.send([key(" ")], to: &presenter).isEmpty)
        #expect(presenter.banner?.kind == .error)
        F.send([key("o")], to: &presenter)
        #expect(presenter.screen == .question)
        #expect(F.send([key(" ")], to: &presenter) == [.session(.openVoting)])
        #expect(presenter.control.votingOpen)
        #expect(F.send([key(" ")], to: &presenter) == [.session(.closeVoting)])
        #expect(!presenter.control.votingOpen)
    }

    @Test func helpAndQuit() {
        var model = F.model()
        F.send([key("?")], to: &model)
        #expect(model.overlay == .help)
        #expect(F.send([key("q")], to: &model).isEmpty, "any key closes the help, q included")
        #expect(model.overlay == nil)
        #expect(F.send([key("q")], to: &model).isEmpty)
        #expect(model.overlay == .confirmQuit, "voting is open: ask first")
        #expect(F.send([key("n")], to: &model).isEmpty)
        #expect(model.overlay == nil)
        F.send([key("q")], to: &model)
        #expect(F.send([key("y")], to: &model) == [.quit])
        var idle = F.model(closingOpen: false)
        #expect(F.send([key("q")], to: &idle) == [.quit], "nothing open: quit at once")
        #expect(F.send([.key(.control("c"))], to: &model) == [.quit], "Ctrl-C always quits")
    }

    @Test func dataEventsUpdateTheTallyAndControl() {
        var model = F.fresh()
        F.send([key("o")], to: &model)
        let response = Response(participant: "x", round: "opening", question: "special", answer: .choice(2), channel: .web, receivedAt: F.now)
        F.send([.recorded(response)], to: &model)
        #expect(model.tally.tally(round: "opening", question: "special")?.counts == [0, 0, 1])
        F.send([.status("12 of 30")], to: &model)
        #expect(model.status == "12 of 30")
        F.send([.failed("disk full")], to: &model)
        #expect(model.banner == Banner("disk full", kind: .error))
        F.send([.alert("40 joins were refused")], to: &model)
        #expect(model.banner == Banner("40 joins were refused", kind: .error), "an alert stands out like an error")
        F.send([.notice("Changes are read again.")], to: &model)
        #expect(model.banner == Banner("Changes are read again."))
        F.send([.resize(TerminalSize(columns: 100, rows: 30))], to: &model)
        #expect(model.size == TerminalSize(columns: 100, rows: 30))
    }

    @Test func handCounts() {
        var model = F.model()
        F.send([.key(.enter)], to: &model)
        F.send([key("h")], to: &model)
        #expect(model.screen == .hands)
        #expect(model.hands?.round == "closing")
        let effects = F.send([key("1"), key("2"), .key(.down), key("7"), key("9"), .key(.backspace), .key(.up), .key(.enter)], to: &model)
        #expect(effects == [.saveHands(round: "closing", question: "special", counts: [12, 7, 0])])
        F.send([.handsSaved(HandCount(round: "closing", question: "special", counts: [12, 7, 0], updatedAt: F.now))], to: &model)
        #expect(model.screen == .question && model.revealed)
        #expect(model.tally.tally(round: "closing", question: "special")?.hands == [12, 7, 0])
        F.send([key("h"), .key(.tab)], to: &model)
        #expect(model.hands?.round == "opening", "Tab switches the round")
        F.send([.key(.escape)], to: &model)
        #expect(model.screen == .question && model.hands == nil)
        F.send([key("n"), key("h")], to: &model)
        #expect(model.screen == .question, "multi questions are not counted by hand")
        #expect(model.banner?.kind == .error)
    }

    @Test func kioskNeedsAnOpenRound() {
        var model = F.fresh()
        F.send([key("k")], to: &model)
        #expect(model.screen == .lobby)
        #expect(model.banner?.kind == .error)
    }

    @Test func closingTheRoundEndsTheKiosk() {
        var model = F.fresh()
        F.send([key("o"), key("k")], to: &model)
        #expect(model.screen == .kiosk)
        var engine = SessionEngine(definition: model.definition, control: model.control)
        _ = try? engine.handle(.closeRound("opening"))
        F.send([.controlChanged(engine.control)], to: &model)
        #expect(model.screen == .lobby && model.kiosk == nil)
    }
}
