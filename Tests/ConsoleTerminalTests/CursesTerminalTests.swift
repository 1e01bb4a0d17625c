import Console
import PollCore
@testable import ConsoleTerminal
import Foundation
import Testing

/// The real ncursesw backend, on a pseudo-terminal.
@Suite("Curses backend", .serialized)
struct CursesTerminalTests {
    func grid(_ text: String, style: CellStyle = .plain) -> CellGrid {
        var grid = CellGrid(size: TerminalSize(columns: 80, rows: 24))
        grid.put(text, x: 2, y: 3, style: style)
        return grid
    }

    @Test func drawsWideTextThenOnlyWhatChanged() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try CursesTerminal(input: pty.input, output: pty.output, terminalType: "xterm-256color")
        #expect(terminal.size == TerminalSize(columns: 80, rows: 24))
        _ = pty.drain()
        terminal.draw(grid("中文 العربية 🙂 ok", style: CellStyle(foreground: .green, bold: true)))
        let first = pty.drain()
        #expect(first.contains("中文"))
        #expect(first.contains("🙂"))
        #expect(first.contains("\u{1b}[1m") || first.contains(";1m"), "bold is sent")
        terminal.draw(grid("中文 العربية 🙂 oK", style: CellStyle(foreground: .green, bold: true)))
        let second = pty.drain()
        #expect(second.contains("K"))
        #expect(!second.contains("中文"), "unchanged cells are not written again")
        #expect(second.utf8.count < 40)
        terminal.close()
        let restored = pty.drain()
        #expect(restored.contains("\u{1b}[?1049l"), "leaves the alternate screen")
        #expect(restored.contains("\u{1b}[?25h") || restored.contains("\u{1b}[?12l\u{1b}[?25h"), "shows the cursor again")
    }

    @Test func decodesKeys() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try CursesTerminal(input: pty.input, output: pty.output, terminalType: "xterm-256color")
        defer { terminal.close() }
        pty.type("q\u{1b}OA\u{1b}OB\u{03}\r\t\u{18}é中\u{7f}\u{1b}[5~")
        usleep(100_000)
        var keys: [Key] = []
        while let input = terminal.read() {
            if case .key(let key) = input { keys.append(key) }
        }
        #expect(keys == [.character("q"), .up, .down, .control("c"), .enter, .tab, .control("x"),
                         .character("é"), .character("中"), .backspace, .pageUp])
        pty.type("\u{1b}")
        usleep(150_000)
        #expect(terminal.read() == .key(.escape), "a lone Escape arrives after the short escape delay")
        #expect(terminal.read() == nil, "never blocks when nothing is waiting")
    }

    @Test func reportsAResize() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try CursesTerminal(input: pty.input, output: pty.output, terminalType: "xterm-256color")
        defer { terminal.close() }
        pty.resize(columns: 100, rows: 30)
        kill(getpid(), SIGWINCH)
        usleep(100_000)
        var resized: TerminalSize?
        while let input = terminal.read() {
            if case .resize(let size) = input { resized = size }
        }
        #expect(resized == TerminalSize(columns: 100, rows: 30))
    }

    @Test func noColorDrawsAttributesOnly() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try CursesTerminal(input: pty.input, output: pty.output, terminalType: "xterm-256color", noColor: true)
        _ = pty.drain()
        terminal.draw(grid("mono", style: CellStyle(foreground: .red, bold: true, reverse: true)))
        let drawn = pty.drain()
        terminal.close()
        #expect(drawn.contains("mono"))
        #expect(!drawn.contains("[31m") && !drawn.contains("[38;5;1m") && !drawn.contains(";31m"), "no colour sequences")
        #expect(drawn.contains("[7m") || drawn.contains(";7m"), "reverse video carries the meaning")
    }

    /// The QR code's black and white make it scan on a light terminal: `NO_COLOR` keeps them.
    @Test func noColorKeepsEssentialColours() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try CursesTerminal(input: pty.input, output: pty.output, terminalType: "xterm-256color", noColor: true)
        _ = pty.drain()
        terminal.draw(grid("▀▄█", style: CellStyle(foreground: .white, background: .black, essential: true)))
        let drawn = pty.drain()
        terminal.close()
        #expect(drawn.contains("37m") || drawn.contains("37;"), "white modules: \(drawn.debugDescription)")
        #expect(drawn.contains("40m") || drawn.contains("40;"), "on black: \(drawn.debugDescription)")
    }

    /// A console model of a one-question poll, nothing open.
    func loopModel() -> ConsoleModel {
        let poll = PollCore.PollDefinition(title: "Loop test", questions: [.init(id: "q", kind: .text, ask: "?", rounds: ["opening", "closing"])])
        return ConsoleModel(sessionName: "s", joinCode: "ABCDEF", control: .init(startOf: poll), tally: .init(definition: poll),
                            size: .minimum, seed: 1)
    }

    @Test func theLoopQuitsOnQAndRestoresTheTerminal() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try CursesTerminal(input: pty.input, output: pty.output, terminalType: "xterm-256color")
        let inbox = try ConsoleInbox()
        let model = loopModel()
        pty.type("?")
        pty.type("x")
        pty.type("o")
        pty.type("q")
        var effects: [ConsoleEffect] = []
        let (ending, final) = try ConsoleLoop.run(model, terminal: terminal, inbox: inbox) { effects.append($0) }
        #expect(ending == .quit)
        #expect(effects == [.session(.openRound("opening"))])
        #expect(final.overlay == nil)
        #expect(pty.drain().contains("\u{1b}[?1049l"))
    }

    @Test func aStopRequestEndsTheLoop() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try CursesTerminal(input: pty.input, output: pty.output, terminalType: "xterm-256color")
        let inbox = try ConsoleInbox()
        let model = loopModel()
        inbox.post(.status("hello"))
        inbox.requestStop()
        let (ending, _) = try ConsoleLoop.run(model, terminal: terminal, inbox: inbox) { _ in }
        #expect(ending == .stopped(signal: 0))
    }
}
