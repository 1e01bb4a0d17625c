import Console
import Foundation
import JoinQR
import PollCore
import Testing
import TestSupport

/// Joining never gets lost: the QR code as the console draws it scans on a dark and on a
/// light terminal (read back by zbarimg), the progress screen keeps the address, the QR code
/// and who is connected, and `j` brings the join screen back at any time.
@Suite("Join screen")
struct JoinScreenTests {
    typealias F = ConsoleFixtures
    static let url = "http://192.168.1.23:8080/j/K7M2QX"

    func withJoin(_ model: ConsoleModel) -> ConsoleModel {
        var model = model
        model.joinURLs = [Self.url]
        model.wallURL = "http://192.168.1.23:8080/w/K7M2QX"
        model.joinQR = QRMatrix(Self.url)!.halfBlockLines()
        model.connected = 42
        return model
    }

    /// The screen as a terminal with the given default colours shows it, as a PGM image: each
    /// cell two pixels high (half blocks), white and black as themselves, a cell's default
    /// colours as the terminal's.
    func image(_ grid: CellGrid, darkBackground: Bool, scale: Int = 4) -> Data {
        func light(_ color: TerminalColor?, isForeground: Bool) -> Bool {
            switch color {
            case .white?: return true
            case .black?: return false
            case nil: return isForeground == darkBackground   // a dark terminal: light text on a dark background
            default: return isForeground == darkBackground
            }
        }
        var rows: [[Bool]] = []
        for y in 0..<grid.height {
            var top: [Bool] = [], bottom: [Bool] = []
            for x in 0..<grid.width {
                let cell = grid[x, y]
                var fg = light(cell.style.foreground, isForeground: true), bg = light(cell.style.background, isForeground: false)
                if cell.style.reverse { swap(&fg, &bg) }
                let glyph = cell.text
                top.append(glyph == "█" || glyph == "▀" ? fg : bg)
                bottom.append(glyph == "█" || glyph == "▄" ? fg : bg)
            }
            rows += [top, bottom]
        }
        let width = grid.width * scale, height = rows.count * scale
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { pixels.append(rows[y / scale][x / scale] ? 255 : 0) }
        }
        return Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)
    }

    func decode(_ grid: CellGrid, darkBackground: Bool) throws -> String {
        let folder = try TemporaryFolder("roompoll-join")
        defer { folder.remove() }
        let path = folder.path("screen.pgm")
        try image(grid, darkBackground: darkBackground).write(to: URL(fileURLWithPath: path))
        return try runTool("/usr/bin/zbarimg", ["--quiet", "--raw", path]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [true, false])
    func theQRCodeScansOnDarkAndLightTerminals(darkBackground: Bool) throws {
        var model = withJoin(F.fresh(size: TerminalSize(columns: 120, rows: 40)))
        #expect(try decode(ScreenRenderer.render(model), darkBackground: darkBackground) == Self.url, "the lobby")
        model = withJoin(F.fresh(size: .minimum))
        #expect(try decode(ScreenRenderer.render(model), darkBackground: darkBackground) == Self.url, "the lobby at 80×24 (no text over the code)")
        model = withJoin(F.model(size: TerminalSize(columns: 120, rows: 40)))
        #expect(model.screen == .progress)
        #expect(try decode(ScreenRenderer.render(model), darkBackground: darkBackground) == Self.url, "the round's progress")
    }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func progressKeepsTheJoinAddressAndWhoIsHere(size: TerminalSize) {
        let model = withJoin(F.model(size: size))
        assertSnapshot(ScreenRenderer.render(model), named: "progress-join-\(size.columns)x\(size.rows)")
        let text = ScreenRenderer.render(model).text
        #expect(text.contains("Join: \(Self.url)"))
        #expect(text.contains("42 connected now · 37 participants answered"))
        let lobby = ScreenRenderer.render(withJoin(F.fresh(size: size)))
        #expect(lobby.text.contains("42 connected now"), "the lobby too")
        #expect(lobby.text.contains("Wall page") && lobby.text.contains("http://192.168.1.23:8080/w/K7M2QX"), "the lobby names the wall page")
        #expect(lobby.text.contains("http://192.168.1.23:8080/j/K7M2QX"), "a join address is never cut")
        assertSnapshot(lobby, named: "lobby-join-\(size.columns)x\(size.rows)")
    }

    /// While voting is open, a question screen keeps the join address, and where the terminal
    /// is wide enough the QR code beside the question.
    @Test(arguments: ScreenSnapshotTests.sizes)
    func questionScreensKeepTheJoinAddress(size: TerminalSize) throws {
        var model = withJoin(F.model(size: size))
        F.send([.key(.enter)], to: &model)
        #expect(model.screen == .question)
        let grid = ScreenRenderer.render(model)
        assertSnapshot(grid, named: "question-join-\(size.columns)x\(size.rows)")
        #expect(grid.text.contains(Self.url))
        if size.columns >= 120 {
            #expect(try decode(grid, darkBackground: false) == Self.url, "the QR code beside the question scans")
        }
    }

    /// Three addresses that must wrap at 80 columns: only the first is listed, so the rounds
    /// and the next step keep their rows; none draws over the QR code.
    @Test func aNarrowLobbyListsOneAddress() throws {
        var model = withJoin(F.fresh(size: .minimum))
        model.joinURLs = [Self.url, "http://10.1.2.3:8080/j/K7M2QX", "http://172.16.5.4:8080/j/K7M2QX"]
        let grid = ScreenRenderer.render(model)
        #expect(grid.text.contains(Self.url) && !grid.text.contains("10.1.2.3"))
        #expect(grid.text.contains("Press o to open the opening round."))
        #expect(grid.text.contains("Closing round"))
        #expect(try decode(grid, darkBackground: true) == Self.url)
        model.size = TerminalSize(columns: 140, rows: 40)
        #expect(ScreenRenderer.render(model).text.contains("http://172.16.5.4:8080/j/K7M2QX"), "wide enough: all three")
    }

    @Test func jBringsTheJoinScreenBackAtAnyTime() {
        var model = withJoin(F.model(size: TerminalSize(columns: 120, rows: 40)))
        F.send([.key(.enter), .key(.character("r"))], to: &model)
        #expect(model.screen == .question)
        F.send([.key(.character("j"))], to: &model)
        #expect(model.screen == .lobby)
        #expect(ScreenRenderer.render(model).text.contains("Join code  K 7 M 2 Q X"))
        F.send([.key(.enter)], to: &model)
        #expect(model.screen == .question)
        F.send([.connected(3)], to: &model)
        #expect(model.connected == 3)
    }
}

/// Small things a new facilitator tripped over.
@Suite("Console details")
struct ConsoleDetailTests {
    typealias F = ConsoleFixtures

    @Test func presenterPaceSaysHowToOpenVoting() {
        var model = F.fresh(size: TerminalSize(columns: 100, rows: 30), pace: .presenter)
        F.send([.key(.character("o"))], to: &model)
        #expect(model.screen == .question)
        #expect(ScreenRenderer.render(model).text.contains("Voting on this question is not open — Space opens it."))
        F.send([.key(.character(" "))], to: &model)
        #expect(!ScreenRenderer.render(model).text.contains("Space opens it"))
    }

    @Test func theQuitDialogNamesThePollFile() {
        var model = F.model(size: TerminalSize(columns: 100, rows: 30))
        model.pollPath = "polls/encryption-human-right.yaml"
        F.send([.key(.character("q"))], to: &model)
        #expect(ScreenRenderer.render(model).text.contains("roompoll run polls/encryption-human-right.yaml --session workshop"))
    }
}

extension ConsoleDetailTests {
    @Test func theSummaryScrollsNoFurtherThanItsEnd() {
        var model = F.model(size: TerminalSize(columns: 80, rows: 24), closingOpen: false)
        F.send([.key(.character("s"))] + Array(repeating: .key(.down), count: 20), to: &model)
        // Scrolling stops at the last screenful, which shows the last question of the summary's order.
        let report = model.analysis
        #expect(model.scroll == model.maxScroll)
        #expect(ScreenRenderer.render(model).text.contains(String(report.questions[report.summaryOrder.last!].question.ask.prefix(20))))
        let long = PollDefinition(title: "Twenty", questions: (1...20).map {
            Question(id: "q\($0)", kind: .single, ask: "Question number \($0)?", options: ["Yes", "No"], rounds: ["opening", "closing"])
        })
        var many = F.model(long, size: TerminalSize(columns: 80, rows: 24), closingOpen: false)
        F.send([.key(.character("s"))] + Array(repeating: .key(.pageDown), count: 5), to: &many)
        // Each question takes its wrapped lines and a blank one; the last screenful ends with the
        // last question of the summary's order.
        let order = many.analysis.summaryOrder
        #expect(many.scroll == many.maxScroll && many.scroll > 0)
        let text = ScreenRenderer.render(many).text
        #expect(text.contains("Question number \(order.last! + 1)?"))
        #expect(text.split(separator: "\n").filter { $0.contains("Question number") }.count == 20 - many.scroll)
    }
}

extension ConsoleDetailTests {
    @Test func theWallNumbersQuestionsAsPhonesDo() {
        // Phones say "Question i of n" among the open round's questions: so does the wall.
        let poll = PollDefinition(title: "Rounds", questions: [
            Question(id: "who", kind: .single, ask: "Who?", options: ["A", "B"], rounds: ["opening"]),
            Question(id: "view", kind: .single, ask: "View?", options: ["Yes", "No"], rounds: ["opening", "closing"]),
            Question(id: "takeaway", kind: .text, ask: "Takeaway?", rounds: ["closing"]),
        ])
        var model = F.fresh(poll, size: TerminalSize(columns: 100, rows: 30))
        F.send([.key(.character("c")), .key(.enter)], to: &model)
        #expect(model.currentQuestion?.id == "view")
        #expect(ScreenRenderer.render(model).text.contains("Question 1 of 2 · single · voting open"))
    }
}

/// The agenda bar: before the agenda starts, on time, over time, and the round prompt.
@Suite("Agenda bar")
struct AgendaBarTests {
    typealias F = ConsoleFixtures

    static func model(size: TerminalSize) -> ConsoleModel {
        var poll = F.poll
        poll.agenda = [AgendaPart(name: "Introduction and opening poll", minutes: 10, opens: "opening"),
                       AgendaPart(name: "Discussion", minutes: 40), AgendaPart(name: "Q&A", minutes: 30),
                       AgendaPart(name: "Closing poll and remarks", minutes: 10, opens: "closing")]
        var model = F.fresh(poll, size: size)
        model.now = F.now
        return model
    }

    static func move(_ model: inout ConsoleModel, at seconds: Double) {
        var engine = SessionEngine(definition: model.definition, control: model.control)
        _ = try? engine.handle(.nextAgendaPart(at: F.now.addingTimeInterval(seconds)))
        F.send([.controlChanged(engine.control)], to: &model)
    }

    func line(_ model: ConsoleModel) -> String { ScreenRenderer.render(model).lines[2] }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func everyState(size: TerminalSize) {
        var model = Self.model(size: size)
        #expect(line(model).contains("Agenda: 4 parts, 90 min — t starts “Introduction and opening poll” (10 min)"))
        #expect(F.send([.key(.character("t"))], to: &model) == [.nextAgendaPart])
        Self.move(&model, at: 0)
        model.now = F.now.addingTimeInterval(125)
        assertSnapshot(ScreenRenderer.render(model), named: "agenda-round-prompt-\(size.columns)x\(size.rows)")
        #expect(line(model).hasPrefix(" Opening round: press o · Agenda 1/4 ▸ Introduction and opening poll 2:05 of 1"), "cut to the width")
        #expect(ScreenRenderer.render(model)[3, 2].style == .notice)
        F.send([.key(.character("o"))], to: &model)
        Self.move(&model, at: 600)
        model.now = F.now.addingTimeInterval(600 + 20 * 60)
        assertSnapshot(ScreenRenderer.render(model), named: "agenda-on-time-\(size.columns)x\(size.rows)")
        #expect(line(model).contains("Agenda 2/4 ▸ Discussion 20:00 of 40 min"))
        #expect(ScreenRenderer.render(model)[3, 2].style == .accent)
        model.now = F.now.addingTimeInterval(600 + 47 * 60)
        assertSnapshot(ScreenRenderer.render(model), named: "agenda-over-time-\(size.columns)x\(size.rows)")
        #expect(line(model).contains("Discussion 47:00 of 40 min — ⚠ over by 7 min"), "said in words too, for monochrome terminals")
        #expect(ScreenRenderer.render(model)[3, 2].style == .error)
        model.now = F.now.addingTimeInterval(600 + 40 * 60 + 30)
        #expect(line(model).contains("40:30 of 40 min — ⚠ over by 1 min"), "any time over counts as a minute")
        model.now = F.now.addingTimeInterval(600 + 40 * 60 + 0.3)
        #expect(line(model).contains("40:00 of 40 min") && !line(model).contains("over by"), "on the minute, as the clock shows it, is on time")
        #expect(ScreenRenderer.render(model)[3, 2].style == .accent)
    }

    @Test func withoutAnAgendaTSaysSo() {
        var model = F.fresh(size: TerminalSize(columns: 100, rows: 30))
        #expect(F.send([.key(.character("t"))], to: &model).isEmpty)
        #expect(model.banner?.text.contains("no agenda") == true)
    }
}

extension ConsoleDetailTests {
    @Test func aWideScaleShowsItsResultsInRanges() {
        let wide = PollDefinition(title: "Wide", questions: [
            Question(id: "pct", kind: .scale, ask: "How likely, 0–100?", max: 100, min: 0, rounds: ["opening", "closing"]),
        ])
        var model = F.model(wide, size: TerminalSize(columns: 80, rows: 24))
        F.send([.key(.enter), .key(.character("r"))], to: &model)
        let text = ScreenRenderer.render(model).text
        // Ten ranges and the mean fit on the wall; not 101 rows cut off at the bottom.
        #expect(text.contains("0–9") && text.contains("90–100"), "\(text)")
        #expect(!text.contains("\n  57 "))
        #expect(text.contains("mean "))
    }
}
