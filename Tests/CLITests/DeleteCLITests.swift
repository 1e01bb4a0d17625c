import Foundation
import Testing
import TestSupport

/// `sessions --details` and `delete` through the real binary, on a real SQLite file: the deleted
/// session's answers are gone from the file's bytes, the other session is untouched.
@Suite("Deleting sessions through the CLI", .serialized)
struct DeleteCLITests {
    static let poll = """
        title: Takeaways
        questions:
          - {id: view, kind: single, ask: Useful?, options: [Yes, No]}
          - {id: note, kind: text, ask: One thing you will change.}

        """

    /// Answers of `count` people whose text answers all carry `marker`, given at `time`.
    static func answers(_ marker: String, count: Int, time: String) -> String {
        (["participant,round,question,answer,time"] + (0..<count).flatMap { person in
            ["p\(person),opening,view,Yes,\(time)", "p\(person),opening,note,\(marker) number \(person),\(time)",
             "p\(person),closing,view,\(person % 2 == 0 ? "Yes" : "No"),\(time)"]
        }).joined(separator: "\n") + "\n"
    }

    /// Whether the database file or its write-ahead log holds `text` anywhere in its bytes.
    static func bytesContain(_ cli: CLIRunner, _ text: String) -> Bool {
        ["d.sqlite", "d.sqlite-wal"].contains { name in
            guard let data = FileManager.default.contents(atPath: cli.path(name)) else { return false }
            return data.range(of: Data(text.utf8)) != nil
        }
    }

    @Test func deletingASessionLeavesNoTraceOfItsAnswersAndTheOtherUntouched() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = try cli.write("poll.yaml", Self.poll)
        for (session, marker) in [("gone", "PELICAN-7Q"), ("kept", "OSPREY-4K")] {
            let csv = try cli.write("\(session).csv", Self.answers(marker, count: 40, time: "2026-11-02T10:00:00Z"))
            #expect(try cli.run("import", poll, csv, "--session", session, "--db", "d.sqlite").status == 0)
        }
        let details = try cli.run("sessions", "--details", "--db", "d.sqlite")
        #expect(details.stdout.contains("gone · Takeaways") && details.stdout.contains("40 participants · 120 answers (120 current, 0 replaced)"))
        #expect(details.stdout.contains("data from 2026-11-02T10:00:00.000Z to 2026-11-02T10:00:00.000Z"), "\(details.stdout)")
        let before = try cli.run("report", "kept", "--format", "json", "--db", "d.sqlite").stdout
        #expect(Self.bytesContain(cli, "PELICAN-7Q number 39"), "the search finds what is there")

        // Its opening round left open, as a console that was never closed would leave it.
        _ = try sqlite3(cli.path("d.sqlite"), "UPDATE session SET control = json_set(control, '$.phases.opening', 'open') WHERE name = 'gone'")
        #expect(try cli.run("sessions", "--details", "--db", "d.sqlite").stdout
                    .contains("its opening round is still open: a console or server may still be taking answers"))

        // Not confirmed: nothing changes.
        let refused = try cli.run(["delete", "gone", "--db", "d.sqlite"], input: "no\n")
        #expect(refused.status == 1 && refused.stderr.contains("nothing deleted"))
        #expect(refused.stdout.contains("Type yes to delete"))
        #expect(refused.stdout.contains("stop its console and servers first"))
        #expect(try cli.run("sessions", "--db", "d.sqlite").stdout.contains("gone"))

        // Another process has the database open (idle) while it is deleted: the write-ahead log
        // stays, and must have been emptied, not just left for the last process to close.
        let other = try SQLiteLockHolder.idle(path: cli.path("d.sqlite"))
        defer { other.release() }
        let deleted = try cli.run(["delete", "gone", "gone", "--db", "d.sqlite"], input: "yes\n")
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("Deleted gone."))
        let listed = try cli.run("sessions", "--db", "d.sqlite").stdout
        #expect(!listed.contains("gone") && listed.contains("kept"))
        #expect(FileManager.default.fileExists(atPath: cli.path("d.sqlite-wal")), "the other process keeps the log")
        #expect(!Self.bytesContain(cli, "PELICAN-7Q"), "no byte of the deleted answers is left in the file or its log")
        #expect(Self.bytesContain(cli, "OSPREY-4K number 39"), "the other session's answers are still there")
        #expect(try cli.run("report", "kept", "--format", "json", "--db", "d.sqlite").stdout == before)
        #expect(try cli.run("delete", "gone", "--yes", "--db", "d.sqlite").stderr.contains("no session named `gone`"))
    }

    /// Retention: sessions whose last stored answer is older than the age go, newer ones stay.
    @Test func olderThanDeletesOnlyInactiveSessions() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = try cli.write("poll.yaml", Self.poll)
        let now = ISO8601DateFormatter().string(from: Date())
        for (session, time) in [("last-year", "2025-11-02T10:00:00Z"), ("this-week", now)] {
            let csv = try cli.write("\(session).csv", Self.answers(session.uppercased(), count: 3, time: time))
            #expect(try cli.run("import", poll, csv, "--session", session, "--db", "d.sqlite").status == 0)
        }
        #expect(try cli.run("delete", "--older-than", "30x", "--db", "d.sqlite").stderr.contains("--older-than"))
        #expect(try cli.run("delete", "--db", "d.sqlite").stderr.contains("name the sessions to delete, or give --older-than AGE"))
        let run = try cli.run("delete", "--older-than", "30d", "--yes", "--db", "d.sqlite")
        #expect(run.status == 0 && run.stdout.contains("Deleted last-year.") && !run.stdout.contains("Deleted this-week"), "\(run.stdout)\(run.stderr)")
        #expect(try cli.run("sessions", "--db", "d.sqlite").stdout.contains("this-week"))
        #expect(try cli.run("delete", "--older-than", "30d", "--yes", "--db", "d.sqlite").stdout.contains("No session"))
    }

    /// Another process holding the write lock: the deletion is refused with a clear message
    /// and nothing is deleted.
    @Test func aLockedDatabaseRefusesTheDeletion() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = try cli.write("poll.yaml", Self.poll)
        let csv = try cli.write("a.csv", Self.answers("HERON", count: 3, time: "2026-11-02T10:00:00Z"))
        #expect(try cli.run("import", poll, csv, "--session", "a", "--db", "d.sqlite").status == 0)
        let lock = try SQLiteLockHolder(path: cli.path("d.sqlite"))
        let refused = try cli.run("delete", "a", "--yes", "--db", "d.sqlite")
        lock.release()
        #expect(refused.status != 0 && refused.stderr.lowercased().contains("locked"), "\(refused.stderr)")
        #expect(try cli.run("sessions", "--db", "d.sqlite").stdout.contains("a "))
    }
}
