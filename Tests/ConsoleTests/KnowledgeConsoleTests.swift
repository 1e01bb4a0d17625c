import Analysis
import Console
import Foundation
import PollCore
import Testing

/// A knowledge question on the console: the right option gets a ✓ only once no open round asks it.
@Suite("Console knowledge questions")
struct KnowledgeConsoleTests {
    @Test func theRightOptionIsMarkedOnlyWhenNoRoundAsksIt() throws {
        let poll = try PollFileParser.parse("""
            title: Training
            questions:
              - {id: twofa, kind: single, ask: Which is a second factor?, options: [A password, A hardware key], correct: A hardware key}
            """)
        var model = ConsoleFixtures.model(poll, size: TerminalSize(columns: 80, rows: 24))
        ConsoleFixtures.send([.key(.enter), .key(.character("r"))], to: &model)
        func screen() -> String { ScreenRenderer.render(model).lines.joined(separator: "\n") }
        #expect(screen().contains("A hardware key") && !screen().contains("✓"), "the closing round is open: no mark")
        ConsoleFixtures.send([.key(.character("c"))], to: &model)   // close the closing round
        if model.control.shown == nil { ConsoleFixtures.send([.key(.character("r"))], to: &model) }
        #expect(model.control.openRound == nil && model.control.shown != nil)
        #expect(screen().contains("✓ A hardware key"), "\(screen())")
        #expect(!screen().contains("✓ A password"))
    }

    /// The shipped training: its compare and summary screens say nothing of right answers while
    /// the closing round is open, then mark the right option and show the check's headline.
    @Test(arguments: ScreenSnapshotTests.sizes)
    func compareAndSummaryOfATraining(size: TerminalSize) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../polls/digital-security-training.yaml")
        let poll = try PollFileParser.parse(try String(contentsOf: url.standardized, encoding: .utf8))
        var model = ConsoleFixtures.model(poll, size: size)
        ConsoleFixtures.send([.key(.enter)], to: &model)
        while model.currentQuestion?.id != "second-factor" { ConsoleFixtures.send([.key(.character("n"))], to: &model) }
        func screen() -> String { ScreenRenderer.render(model).lines.joined(separator: "\n") }
        ConsoleFixtures.send([.key(.character("v"))], to: &model)
        #expect(model.screen == .compare && screen().contains("A hardware security"))
        #expect(!screen().contains("✓") && !screen().contains("Right:"), "the closing round is open: \(screen())")
        ConsoleFixtures.send([.key(.character("s"))], to: &model)
        #expect(screen().contains("Knowledge check: shown once the closing round closes."))
        #expect(!screen().contains("Right answers"))

        ConsoleFixtures.send([.key(.character("c")), .key(.character("v"))], to: &model)
        #expect(model.control.openRound == nil && model.screen == .compare)
        #expect(screen().contains("✓ A hardware security") && screen().contains("Right: "))
        assertSnapshot(ScreenRenderer.render(model), named: "knowledge-compare-\(size.columns)x\(size.rows)")
        ConsoleFixtures.send([.key(.character("s"))], to: &model)
        let knowledge = try #require(model.analysis.knowledge)
        #expect(screen().contains("Knowledge check: Right answers rose"), "\(screen())")
        #expect(knowledge.meanChange ?? 0 > 0, "the simulated audience learns")
        assertSnapshot(ScreenRenderer.render(model), named: "knowledge-summary-\(size.columns)x\(size.rows)")
    }
}
