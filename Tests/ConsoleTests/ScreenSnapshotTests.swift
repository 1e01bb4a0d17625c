import Console
import Foundation
import PollCore
import Testing

/// Every screen, rendered at 80×24 and 120×40 and compared with its recorded text.
@Suite("Console screens")
struct ScreenSnapshotTests {
    typealias F = ConsoleFixtures
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)]

    func snapshot(_ model: ConsoleModel, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertSnapshot(ScreenRenderer.render(model), named: "\(name)-\(model.size.columns)x\(model.size.rows)", sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes)
    func lobby(size: TerminalSize) {
        snapshot(F.fresh(size: size), "lobby")
    }

    @Test(arguments: sizes)
    func roundProgress(size: TerminalSize) {
        snapshot(F.model(size: size), "progress")
    }

    @Test(arguments: sizes)
    func questionWithResultsHidden(size: TerminalSize) {
        var model = F.model(size: size)
        model.screen = .question
        snapshot(model, "question-hidden")
    }

    @Test(arguments: sizes)
    func resultsOfEveryKind(size: TerminalSize) {
        var model = F.model(size: size)
        F.send([.key(.enter)], to: &model)
        for question in F.poll.questions {
            F.send([.key(.character("r"))], to: &model)
            #expect(model.currentQuestion?.id == question.id)
            snapshot(model, "results-\(question.kind.rawValue)")
            F.send([.key(.character("n"))], to: &model)
        }
    }

    @Test(arguments: sizes)
    func compare(size: TerminalSize) {
        var model = F.model(size: size)
        F.send([.key(.character("v"))], to: &model)
        snapshot(model, "compare")
        F.send([.key(.character("n")), .key(.character("n")), .key(.character("v"))], to: &model)
        snapshot(model, "compare-likert")
    }

    @Test(arguments: sizes)
    func summary(size: TerminalSize) {
        var model = F.model(size: size, closingOpen: false)
        F.send([.key(.character("s"))], to: &model)
        snapshot(model, "summary")
    }

    @Test(arguments: sizes)
    func help(size: TerminalSize) {
        var model = F.model(size: size)
        F.send([.key(.character("?"))], to: &model)
        snapshot(model, "help")
    }

    @Test(arguments: sizes)
    func confirmQuit(size: TerminalSize) {
        var model = F.model(size: size)
        F.send([.key(.character("q"))], to: &model)
        snapshot(model, "confirm-quit")
    }

    @Test(arguments: sizes)
    func handCounts(size: TerminalSize) {
        var model = F.model(size: size)
        F.send([.key(.enter), .key(.character("h")), .key(.character("1")), .key(.character("2")), .key(.down), .key(.character("7"))], to: &model)
        snapshot(model, "hands")
    }

    @Test(arguments: sizes)
    func kiosk(size: TerminalSize) {
        var model = F.fresh(size: size)
        F.send([.key(.character("o")), .key(.character("k"))], to: &model)
        snapshot(model, "kiosk-welcome")
        F.send([.key(.enter)], to: &model)
        snapshot(model, "kiosk-code")
        F.send([.key(.enter), .key(.character("2"))], to: &model)
        snapshot(model, "kiosk-single")
        F.send([.key(.enter), .key(.character("1")), .key(.character("3"))], to: &model)
        snapshot(model, "kiosk-multi")
        F.send([.key(.enter), .key(.character("4")), .key(.enter), .key(.right), .key(.right)], to: &model)
        snapshot(model, "kiosk-scale")
        F.send([.key(.enter), .key(.down), .key(.character(" ")), .key(.down)], to: &model)
        snapshot(model, "kiosk-ranking")
        F.send([.key(.enter)] + F.keys("privacy trust"), to: &model)
        snapshot(model, "kiosk-words")
        F.send([.key(.enter)], to: &model)
        snapshot(model, "kiosk-thanks-saving")
        F.send([.key(.control("x"))], to: &model)
        snapshot(model, "kiosk-leave")
    }

    @Test(arguments: sizes)
    func closingRoundKioskAsksForTheVoterCode(size: TerminalSize) {
        var model = F.model(size: size)
        F.send([.key(.character("k"))] + F.keys("ZZ9"), to: &model)
        F.send([.key(.enter)], to: &model)
        snapshot(model, "kiosk-unknown-code")
    }

    @Test(arguments: sizes)
    func wideAndRightToLeftText(size: TerminalSize) {
        var model = F.model(F.worldPoll, size: size)
        F.send([.key(.enter), .key(.character("r"))], to: &model)
        snapshot(model, "world-results")
        F.send([.key(.character("v"))], to: &model)
        snapshot(model, "world-compare")
        var kiosk = F.fresh(F.worldPoll, size: size)
        F.send([.key(.character("o")), .key(.character("k")), .key(.enter), .key(.enter), .key(.character("1"))], to: &kiosk)
        snapshot(kiosk, "world-kiosk")
    }

    @Test(arguments: [TerminalSize(columns: 79, rows: 24), TerminalSize(columns: 80, rows: 23), TerminalSize(columns: 30, rows: 8)])
    func tooSmall(size: TerminalSize) {
        let grid = ScreenRenderer.render(F.model(size: size))
        let text = grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("terminal too small (needs 80×24)"))
        #expect(text.contains("now \(size.columns)×\(size.rows)"))
        if size.columns == 79 { assertSnapshot(grid, named: "too-small-79x24") }
    }

    @Test func presenterPace() {
        var model = F.fresh(size: .minimum, pace: .presenter)
        F.send([.key(.character("o")), .key(.character(" "))], to: &model)
        assertSnapshot(ScreenRenderer.render(model), named: "presenter-voting-80x24")
    }
}
