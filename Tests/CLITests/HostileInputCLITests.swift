import Foundation
import Testing
import TestSupport

/// What a tester found by trying to break roompoll, each through the built binary: the
/// command refuses with a clear message, never crashes, hangs or writes escapes raw.
@Suite("Hostile input through the binary", .serialized)
struct HostileInputCLITests {
    @Test func hugeScaleNumbersAreRefusedByEveryCommandThatReadsPolls() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = try cli.write("huge.yaml", "title: Huge\nquestions:\n  - {id: a, kind: scale, ask: A, min: -5000000000000000000, max: 5000000000000000000}\n")
        let csv = try cli.write("a.csv", "participant,round,question,answer\np1,opening,a,1\n")
        for arguments in [["check", poll], ["import", poll, csv, "--db", "x.sqlite"], ["serve", poll, "--port", "0", "--db", "x.sqlite"]] {
            let outcome = try cli.run(arguments)
            #expect(outcome.status == 1, "\(arguments[0]): a clear refusal, not a crash (\(outcome.status))")
            #expect(outcome.stderr.contains("huge.yaml:3:39: `min` must be a whole number from -1000000 to 1000000"), "\(outcome.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.path("x.sqlite")), "nothing was created")
    }

    @Test func controlCharactersInPollFilesAreRefusedByCheck() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let nul = try cli.write("nul.yaml", "title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [\"Yes\\0\", No]}\n")
        let escape = try cli.write("escape.yaml", "title: \"Hello \\e]0;pwned\\a\"\nquestions:\n  - {id: a, kind: text, ask: A}\n")
        let outcome = try cli.run("check", nul, escape)
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 2)
        #expect(outcome.errorLines[0].hasPrefix("\(nul):3:45: `options` holds a control character (U+0000)"))
        #expect(outcome.errorLines[1].hasPrefix("\(escape):1:8: `title` holds a control character (U+001B)"))
        #expect(!outcome.stderr.contains("\u{1B}"))
    }

    @Test(.timeLimit(.minutes(1)))
    func bigAndRepetitiveFilesAreCheckedQuickly() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let options = (1...100_000).map { "o\($0)" }.joined(separator: ", ")
        let many = try cli.write("many.yaml", "title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [\(options)]}\n")
        let repeats = try cli.write("repeats.yaml", String(repeating: "title: T\n", count: 3_000) + "questions:\n  - {id: a, kind: text, ask: A}\n")
        let started = Date()
        let outcome = try cli.run("check", many, repeats)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("many.yaml:3:44: `options` has 100000 entries; a question has at most 100"))
        #expect(outcome.stderr.contains("more keys appear twice; fix the 10 above and check again"))
        #expect(outcome.errorLines.count == 12)
        #expect(Date().timeIntervalSince(started) < 20, "the tester's files took over 20 s before")
    }

    /// A database with a session whose stored poll title holds terminal escapes (as an older
    /// version let through), and one unreadable answer and hand count.
    func hostileDatabase(_ cli: CLIRunner) throws -> String {
        let csv = try cli.write("answers.csv", "participant,round,question,answer\np1,opening,special-protection,Yes\np2,opening,special-protection,No\n")
        let imported = try cli.run("import", cli.poll("encryption-human-right"), csv, "--session", "evil", "--db", "h.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        let path = cli.path("h.sqlite")
        _ = try sqlite3(path, "UPDATE session SET definition = json_set(definition, '$.title', 'Owned ' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J')")
        return path
    }

    @Test func reportsAndListsNeverWriteTerminalEscapes() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        _ = try hostileDatabase(cli)
        let sessions = try cli.run("sessions", "--db", "h.sqlite")
        let report = try cli.run("report", "evil", "--db", "h.sqlite")
        let markdown = try cli.run("report", "evil", "--format", "markdown", "--db", "h.sqlite")
        for outcome in [sessions, report, markdown] {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("pwned"), "the title is shown, without its escapes")
            #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stdout.contains("\u{07}"))
        }
        // An error naming the title (the session runs another poll) is printed without them too.
        let refused = try cli.run("serve", cli.poll("digital-id"), "--session", "evil", "--port", "0", "--db", "h.sqlite")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("runs the poll “Owned ]0;pwned[2J”"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("\u{1B}") && !refused.stderr.contains("\u{07}"))
    }

    @Test func oneUnreadableRowNoLongerBlocksTheSessionWithSalvage() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let path = try hostileDatabase(cli)
        _ = try sqlite3(path, "UPDATE response SET answer = 'Perhaps' WHERE id = 1")
        _ = try sqlite3(path, "INSERT INTO hand_count VALUES (1, 'opening', 'special-protection', '[-3, 99999999999]', '2026-01-01')")
        let blocked = try cli.run("report", "evil", "--db", "h.sqlite")
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("Run again with --salvage to skip unreadable rows and list them."))
        let report = try cli.run("report", "evil", "--salvage", "--format", "json", "--db", "h.sqlite")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.errorLines.first == "Skipped 2 unreadable rows (--salvage):")
        #expect(report.stderr.contains("response 1 (`special-protection`: `Perhaps`)"))
        #expect(report.stderr.contains("hand counts for `special-protection` in the opening round"))
        let export = try cli.run("export", "evil", "--salvage", "--db", "h.sqlite")
        #expect(export.status == 0)
        #expect(export.lines.count == 2, "the header and the one readable answer")
        #expect(try cli.run("export", "evil", "--db", "h.sqlite").status == 1)
    }

    @Test func anEmptyDatabaseFileIsRefusedAndLeftAlone() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        _ = try cli.write("empty.sqlite", "")
        let outcome = try cli.run("sessions", "--db", "empty.sqlite")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("empty.sqlite is an empty file (0 bytes), not a roompoll database"))
        #expect(try String(contentsOfFile: cli.path("empty.sqlite"), encoding: .utf8).isEmpty)
    }
}
