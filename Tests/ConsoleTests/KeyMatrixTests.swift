import Console
import PollCore
import Testing

/// Every facilitator key on every screen: what it asks the session to do, and where it leads.
/// Modal screens (help, quit question, hands, kiosk) have their own tests; here every key is
/// also pressed on them to check that none crashes or leaves a screen that does not render.
@Suite("Every key on every screen")
struct KeyMatrixTests {
    typealias F = ConsoleFixtures

    static let screens: [ConsoleScreen] = [.lobby, .progress, .question, .compare, .summary]
    static let keys: [Key] = [.left, .right, .character("p"), .character("n"), .character("o"), .character("c"),
                              .character(" "), .character("r"), .character("v"), .character("s"), .character("k"),
                              .character("h"), .character("?"), .character("q"), .escape, .enter, .up, .down,
                              .pageUp, .pageDown, .backspace, .tab, .backTab, .home, .end, .function(1),
                              .control("c"), .character("z")]

    /// The model on `screen`, the opening round open, the first question current.
    func model(on screen: ConsoleScreen) -> ConsoleModel {
        var model = F.fresh()
        F.send([.key(.character("o"))], to: &model)
        model.screen = screen
        return model
    }

    struct Expectation: Equatable {
        var effects: [ConsoleEffect]
        var screen: ConsoleScreen
        var overlay: ConsoleOverlay?
    }

    func expected(_ key: Key, from screen: ConsoleScreen) -> Expectation {
        let back: ConsoleScreen = screen == .question ? .progress : (screen == .lobby || screen == .progress ? screen : .question)
        switch key {
        case .left, .character("p"): return Expectation(effects: [.session(.previous)], screen: .question)
        case .right, .character("n"): return Expectation(effects: [.session(.next)], screen: .question)
        case .character("o"): return Expectation(effects: [.session(.closeRound("opening"))], screen: screen)
        case .character("c"): return Expectation(effects: [.session(.openRound("closing"))], screen: screen)
        case .character("r"): return Expectation(effects: [], screen: .question)
        case .character("v"): return Expectation(effects: [], screen: screen == .compare ? .question : .compare)
        case .character("s"): return Expectation(effects: [], screen: screen == .summary ? .question : .summary)
        case .character("k"): return Expectation(effects: [], screen: .kiosk)
        case .character("h"): return Expectation(effects: [], screen: .hands)
        case .character("?"): return Expectation(effects: [], screen: screen, overlay: .help)
        case .character("q"): return Expectation(effects: [], screen: screen, overlay: .confirmQuit)
        case .escape, .backspace: return Expectation(effects: [], screen: back)
        case .enter: return Expectation(effects: [], screen: screen == .lobby || screen == .progress ? .question : screen)
        case .control("c"): return Expectation(effects: [.quit], screen: screen)
        default: return Expectation(effects: [], screen: screen)
        }
    }

    /// What the wall shows of the question is stored when a key changes it: results after
    /// `r`, the comparison on the compare screen, nothing elsewhere (the kiosk and the hand
    /// counts leave it as it is).
    func withShown(_ expectation: Expectation, key: Key, from screen: ConsoleScreen) -> Expectation {
        guard expectation.effects.isEmpty, expectation.screen != .kiosk, expectation.screen != .hands else { return expectation }
        let before: SessionControl.Shown? = screen == .compare ? .compare : nil
        let after: SessionControl.Shown? = expectation.screen == .compare ? .compare : (key == .character("r") ? .results : nil)
        var result = expectation
        if before != after { result.effects = [.session(.show(after))] }
        return result
    }

    @Test(arguments: screens)
    func everyKey(on screen: ConsoleScreen) {
        for key in Self.keys {
            var model = model(on: screen)
            let effects = ConsoleUpdate.update(&model, .key(key))
            let actual = Expectation(effects: effects, screen: model.screen, overlay: model.overlay)
            #expect(actual == withShown(expected(key, from: screen), key: key, from: screen), "key \(key) on \(screen)")
            _ = ScreenRenderer.render(model)
        }
    }

    @Test func everyKeyOnTheModalScreensRenders() {
        let starts: [(String, [ConsoleEvent])] = [
            ("help", [.key(.character("?"))]),
            ("confirm quit", [.key(.character("q"))]),
            ("hands", [.key(.enter), .key(.character("h"))]),
            ("kiosk welcome", [.key(.character("k"))]),
            ("kiosk question", [.key(.character("k")), .key(.enter), .key(.enter)]),
        ]
        for (name, events) in starts {
            for key in Self.keys + [.character("y"), .control("x"), .backTab, .character("7")] {
                var model = F.fresh()
                F.send([.key(.character("o"))] + events, to: &model)
                let effects = F.send([.key(key)], to: &model)
                let grid = ScreenRenderer.render(model)
                #expect(grid.lines.count == 24, "\(name), key \(key)")
                if name == "help" {
                    #expect(model.overlay == nil, "any key closes the help (\(key))")
                    #expect(effects == (key == .control("c") ? [.quit] : []), "Ctrl-C quits from anywhere")
                }
                if name.hasPrefix("kiosk"), key != .control("x"), key != .control("c") {
                    #expect(model.screen == .kiosk, "only Ctrl-X then Y leaves the kiosk (\(key))")
                    #expect(!effects.contains(.quit))
                }
            }
        }
    }
}
