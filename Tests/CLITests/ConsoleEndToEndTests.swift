import Foundation
import Testing
import TestSupport

/// The built binary's console in a real terminal (tmux): a whole session driven by keys.
@Suite("Console end to end", .serialized)
struct ConsoleEndToEndTests {
    static var binary: String { CLIRunner.binary.path }
    static let poll = CLIRunner.root.appendingPathComponent("polls/encryption-human-right.yaml").path

    /// The shell line that runs roompoll, then reports its exit status and the terminal's
    /// mode (canonical input and echo must be back on) and waits to be read.
    static func command(_ arguments: String) -> String {
        "\(binary) \(arguments); echo EXIT=$?; echo MODE=$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '); sleep 600"
    }

    /// The voter code shown on the kiosk's code screen.
    func voterCode(_ screen: String) throws -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("Your voter code") })
        return lines[index + 2].replacingOccurrences(of: " ", with: "")
    }

    @Test func aWholeSessionWithKioskVotersThenQuit() throws {
        let folder = try TemporaryFolder("roompoll-e2e")
        defer { folder.remove() }
        let db = folder.path("e2e.sqlite")
        let tmux = try TmuxSession(Self.command("run \(Self.poll) --db \(db) --session e2e --port 0"))
        try tmux.waitFor("Press o to open the opening round.")
        try tmux.press("o")
        try tmux.waitFor("Opening round — open")
        #expect(try tmux.display("#{alternate_on}") == "1", "the console uses the alternate screen")

        // Two kiosk voters answer the seven questions of the opening round.
        try tmux.press("k")
        try tmux.waitFor("Welcome!")
        try tmux.press("Enter")
        let code = try voterCode(try tmux.waitFor("Your voter code"))
        #expect(code.count == 5)
        try tmux.press("Enter")
        for answer in ["1", "1", "1", "5", "5", "1", "5"] { try tmux.press(answer, "Enter") }
        try tmux.waitFor("Thank you — your answers are saved.")
        try tmux.press("Enter")
        try tmux.waitFor("Welcome!")
        try tmux.press("Enter")
        let second = try voterCode(try tmux.waitFor("Your voter code"))
        #expect(second != code)
        try tmux.press("Enter")
        for answer in ["2", "2", "2", "1", "1", "3", "1"] { try tmux.press(answer, "Enter") }
        try tmux.waitFor("Thank you — your answers are saved.")
        try tmux.press("C-x")
        try tmux.waitFor("Leave kiosk mode?")
        try tmux.press("y")
        try tmux.waitFor("Left kiosk mode after 2 voters.")

        // Reveal the results of the third question.
        try tmux.press("n", "n", "r")
        let results = try tmux.waitFor("50%")
        #expect(results.contains("2 answers"))
        let yes = try #require(results.split(separator: "\n").first { $0.contains("  Yes ") })
        #expect(yes.hasSuffix("1   50%"))

        // The closing round: the first voter comes back with their code.
        try tmux.press("c")
        try tmux.waitFor("● closing open")
        try tmux.press("k")
        try tmux.waitFor("type your voter code")
        try tmux.type(code.lowercased())
        try tmux.press("Enter", "2", "Enter")
        for _ in 0..<5 { try tmux.press("Tab") }
        try tmux.waitFor("Thank you — your answers are saved.")
        try tmux.press("C-x", "y")
        try tmux.waitFor("Left kiosk mode after 1 voter.")

        try tmux.press("v")
        let compare = try tmux.waitFor("Not tested: too few answers to test")
        #expect(compare.contains("Compare · question 1 · single"))
        #expect(compare.contains("“No” rose from 50% to 100% (+50 points"), "the report's headline, on the wall")

        try tmux.press("q")
        try tmux.waitFor("A round is open. Quit anyway?")
        try tmux.press("y")
        let after = try tmux.waitFor("MODE=")
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("Session `e2e` is saved in \(db)."))
        #expect(after.contains("MODE=icanon echo"), "the terminal is back in canonical mode with echo")
        #expect(try tmux.display("#{alternate_on}") == "0", "the alternate screen is left")

        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let export = try cli.run("export", "e2e", "--db", db)
        #expect(export.lines.count == 1 + 7 + 7 + 1)
        #expect(export.lines.dropFirst().allSatisfy { $0.contains(",kiosk,") })
        #expect(export.stdout.contains(",closing,special-protection,kiosk-\(code),No,kiosk,"))
    }

    @Test func resumesWhereItWasAndShowsTooSmall() throws {
        let folder = try TemporaryFolder("roompoll-e2e")
        defer { folder.remove() }
        let db = folder.path("e2e.sqlite")
        do {
            let tmux = try TmuxSession(Self.command("run \(Self.poll) --db \(db) --session resume --no-server"))
            try tmux.waitFor("Press o to open")
            try tmux.press("c", "Enter")
            try tmux.waitFor("Question 1 of 6")
            try tmux.resize(columns: 60, rows: 20)
            try tmux.waitFor("terminal too small (needs 80×24)")
            try tmux.resize(columns: 100, rows: 30)
            try tmux.waitFor("Question 1 of 6")
            try tmux.press("C-c")
            try tmux.waitFor("EXIT=0")
        }
        let tmux = try TmuxSession(Self.command("run \(Self.poll) --db \(db) --session resume --no-server"))
        // The header comes first: wait for the whole screen, which says the round is still open.
        let screen = try tmux.waitFor("Closing round — open")
        #expect(screen.contains("closing open"), "the round is still open after a restart")
        try tmux.press("Enter")
        try tmux.waitFor("Question 1 of 6", seconds: 5)
        try tmux.press("C-c")
        try tmux.waitFor("EXIT=0")
    }

    @Test func theAutomaticDemoRunsBothRoundsByItself() throws {
        let folder = try TemporaryFolder("roompoll-e2e")
        defer { folder.remove() }
        let db = folder.path("demo.sqlite")
        let tmux = try TmuxSession(Self.command("demo --auto --speed 40 --audience 25 --db \(db) --session auto --port 0"))
        try tmux.waitFor("● opening open", seconds: 20)
        let summary = try tmux.waitFor("Demo finished — q quits", seconds: 60)
        #expect(summary.contains("Summary · clear shifts first"))
        #expect(summary.contains("■ opening closed") && summary.contains("■ closing closed"))
        try tmux.press("q")
        let after = try tmux.waitFor("MODE=")
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("Session `auto` is saved in \(db)."))
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let sessions = try cli.run("sessions", "--db", db)
        let row = try #require(sessions.lines.last)
        #expect(row.hasPrefix("auto "))
        #expect(!row.hasSuffix("opening 0, closing 0"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let folder = try TemporaryFolder("roompoll-e2e")
        defer { folder.remove() }
        let db = folder.path("term.sqlite")
        let tmux = try TmuxSession(Self.command("run \(Self.poll) --db \(db) --session term --port 0"))
        try tmux.waitFor("Press o to open")
        let shell = try tmux.display("#{pane_pid}")
        let pgrep = Process()
        pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        pgrep.arguments = ["-TERM", "-P", shell, "-f", "roompoll"]
        try pgrep.run()
        pgrep.waitUntilExit()
        let after = try tmux.waitFor("MODE=")
        #expect(after.contains("Stopped by signal 15; every answer is saved."))
        #expect(after.contains("EXIT=143"), "128 + SIGTERM, as shells expect")
        #expect(after.contains("MODE=icanon echo"))
        #expect(try tmux.display("#{alternate_on}") == "0")
    }
}

extension ConsoleEndToEndTests {
    @Test func theAgendaClockSurvivesKillNineAndAResume() throws {
        let folder = try TemporaryFolder("roompoll-e2e")
        defer { folder.remove() }
        let db = folder.path("agenda.sqlite")
        let start = Date()
        do {
            let tmux = try TmuxSession(Self.command("run \(Self.poll) --db \(db) --session agenda --no-server"), columns: 120, rows: 30)
            try tmux.waitFor("t starts “Introduction and opening poll”")
            try tmux.press("t")
            try tmux.waitFor("Opening round: press o · Agenda 1/4 ▸ Introduction and opening poll 0:0")
            Thread.sleep(forTimeInterval: 3)
            _ = try runTool("/usr/bin/pkill", ["-9", "-f", "session agenda --no-server$"])   // the binary, not the shell around it
            try tmux.waitFor("EXIT=137")
        }
        let tmux = try TmuxSession(Self.command("run \(Self.poll) --db \(db) --session agenda --no-server"), columns: 120, rows: 30)
        let screen = try tmux.waitFor("Agenda 1/4 ▸ Introduction and opening poll")
        let line = try #require(screen.split(separator: "\n").first { $0.contains("Agenda 1/4") })
        let clock = try #require(line.split(separator: " ").first { $0.contains(":") && $0.first?.isNumber == true })
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        let seconds = parts.count == 2 ? parts[0] * 60 + parts[1] : -1
        #expect(seconds >= 3 && Double(seconds) <= Date().timeIntervalSince(start) + 1,
                "the part's clock runs on from when it began, not from the resume (\(line))")
        try tmux.press("C-c")
        try tmux.waitFor("EXIT=0")
        // The agenda was never ended: its part runs up to the session's last stored activity —
        // none here, so its minutes are unknown — never up to whenever the report is run.
        let json = try runTool(Self.binary, ["report", "agenda", "--db", db, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let agenda = try #require(document["agenda"] as? [[String: Any]])
        #expect(agenda.first?["ended"] as? Bool == false && agenda.first?["took_minutes"] == nil)
        #expect(agenda.dropFirst().allSatisfy { $0["ended"] == nil && $0["took_minutes"] == nil })
        let text = try runTool(Self.binary, ["report", "agenda", "--db", db])
        #expect(text.contains("Introduction and opening poll: planned 10 min, not ended, nothing stored after it began"))
    }
}
