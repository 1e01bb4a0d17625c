import Console
import Foundation
import PollCore
import Testing

/// The console's Q&A screen: keys, effects and the two views, rendered and compared as text.
@Suite("Console Q&A")
struct QandAConsoleTests {
    typealias F = ConsoleFixtures

    func text(_ model: ConsoleModel) -> String { ScreenRenderer.render(model).lines.joined(separator: "\n") }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func wallAndModerationViews(size: TerminalSize) {
        var model = F.qandAModel(size: size)
        F.send([.key(.character("a"))], to: &model)
        #expect(model.screen == .qandA)
        assertSnapshot(ScreenRenderer.render(model), named: "qanda-wall-\(size.columns)x\(size.rows)")
        let wall = text(model)
        #expect(!wall.contains("Is there any good law"), "a waiting question never shows in the wall view")
        #expect(!wall.contains("Spam"))
        #expect(wall.contains("1 waiting"))
        F.send([.key(.character("w"))], to: &model)
        assertSnapshot(ScreenRenderer.render(model), named: "qanda-moderation-\(size.columns)x\(size.rows)")
        #expect(text(model).contains("Is there any good law"))
    }

    @Test func approveAnswerAndTheClocks() {
        var model = F.qandAModel(size: TerminalSize(columns: 120, rows: 40))
        F.send([.key(.character("a")), .key(.character("w")), .key(.right)], to: &model)
        #expect(model.qandAState.side == .online)
        // The online column: the relayed question (1 vote), then the waiting one.
        F.send([.key(.down)], to: &model)
        #expect(model.qandAState.selected == 3)
        let effects = F.send([.key(.character("y"))], to: &model)
        #expect(effects == [.qandA(.approve(3))])
        #expect(model.qandA.questions[3]?.state == .shown)
        F.send([.key(.character(" "))], to: &model)
        #expect(model.qandA.answering?.id == 3)
        model.now = F.now.addingTimeInterval(95)
        #expect(text(model).contains("online 1:35 · 0 answered"))
        #expect(text(model).contains("Now answering (online, 1:35): Is there any good law"))
        F.send([.key(.character("d"))], to: &model)
        #expect(model.qandA.questions[3]?.state == .answered)
        // Online has had time, the room none: the room's most voted is proposed.
        F.send([.key(.character("g"))], to: &model)
        #expect(model.qandAState.selected == 2)
        #expect(text(model).contains("Next: How do we reach people who are not online? — in the room is behind"))
    }

    @Test func hideRestoreEditRelayAndMerge() {
        var model = F.qandAModel(size: TerminalSize(columns: 120, rows: 40))
        F.send([.key(.character("a"))], to: &model)
        #expect(model.qandAState.selected == 2, "the proposal is selected on entering: the room's most voted")
        #expect(F.send([.key(.character("x"))], to: &model) == [.qandA(.hide(2))])
        F.send([.key(.character("w"))], to: &model)
        model.qandAState.selected = 2
        #expect(F.send([.key(.character("u"))], to: &model) == [.qandA(.restore(2))])
        // Correct a typo: the original is kept.
        F.send([.key(.character("e")), .key(.backspace)] + F.keys("!") + [.key(.enter)], to: &model)
        #expect(model.qandA.questions[2]?.text == "How do we reach people who are not online!")
        #expect(model.qandA.questions[2]?.original == "How do we reach people who are not online?")
        // Type in a question relayed from the call's chat, on the online side.
        F.send([.key(.right), .key(.character("t"))] + F.keys("From chat: what about SIM registration?") + [.key(.enter)], to: &model)
        let relayed = model.qandA.questions.values.first { $0.channel == .relayed && $0.text.hasPrefix("From chat") }
        #expect(relayed?.side == .online && relayed?.state == .shown && relayed?.author == nil)
        // Escape drops a line being typed.
        F.send([.key(.character("t"))] + F.keys("never mind") + [.key(.escape)], to: &model)
        #expect(!model.qandA.questions.values.contains { $0.text == "never mind" })
        // Merge the relayed question into the other online one: its votes add up there.
        model.qandAState.selected = relayed?.id
        F.send([.key(.character("m"))], to: &model)
        model.qandAState.selected = 4
        let merge = F.send([.key(.character("m"))], to: &model)
        #expect(merge == [.qandA(.merge(relayed!.id, into: 4))])
        #expect(model.qandA.questions[relayed!.id]?.state == .merged)
    }

    @Test func keysSayWhyNothingHappens() {
        var model = F.qandAModel(size: TerminalSize(columns: 120, rows: 40))
        F.send([.key(.character("a"))], to: &model)
        #expect(F.send([.key(.character("y"))], to: &model).isEmpty, "the selected question is not waiting")
        #expect(model.banner?.kind == .error)
        #expect(F.send([.key(.character("d"))], to: &model).isEmpty)
        #expect(model.banner?.text == "No question is being answered: Space starts one.")
        F.send([.key(.escape)], to: &model)
        #expect(model.screen != .qandA)
        var off = F.model(size: TerminalSize(columns: 120, rows: 40))
        F.send([.key(.character("a"))], to: &off)
        #expect(off.screen != .qandA)
        #expect(off.banner?.text.contains("qa: on") == true)
    }

    @Test func theModeratorTerminalShowsOnlyTheQandA() {
        var model = F.qandAModel(size: TerminalSize(columns: 80, rows: 24))
        model.moderateOnly()
        #expect(model.screen == .qandA && model.qandAState.moderating)
        #expect(F.send([.key(.character("o"))], to: &model).isEmpty, "the rounds are the facilitator's")
        F.send([.key(.escape), .key(.character("w"))], to: &model)
        #expect(model.screen == .qandA && model.qandAState.moderating)
        #expect(F.send([.key(.character("q"))], to: &model) == [.quit])
    }
}
