import Foundation
import Testing
import TestSupport

/// The commands on a PostgreSQL database (`--db postgres://…`, `ROOMPOLL_DB`) and `roompoll
/// copy` between SQLite and PostgreSQL, through the real binary and a real server.
@Suite("PostgreSQL from the command line")
struct PostgresCLITests {
    static let onPostgres = ConditionTrait.enabled(if: PostgresTestDatabase.serverURL != nil,
                                                   Comment(rawValue: PostgresTestDatabase.skipped))

    @Test(onPostgres)
    func aCopyFromSQLiteToPostgresAndBackExportsTheSame() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let demo = try cli.run("demo", "--print", "--audience", "60", "--seed", "11", "--session", "w", "--db", "laptop.sqlite")
        #expect(demo.status == 0, "\(demo.stderr)")
        let up = try cli.run("copy", "w", "--from", "laptop.sqlite", "--to", database.url)
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("checked") && up.stdout.contains("Q&A change") && up.stdout.contains("?sslmode=disable"),
                "the target named so that it can be given to --db again: \(up.stdout)")
        let down = try cli.run("copy", "w", "--from", database.url, "--to", "back.sqlite")
        #expect(down.status == 0, "\(down.stderr)")
        for format in ["csv", "json"] {
            let original = try cli.run("export", "w", "--db", "laptop.sqlite", "--format", format)
            let roundTrip = try cli.run("export", "w", "--db", "back.sqlite", "--format", format)
            #expect(original.status == 0 && !original.stdout.isEmpty)
            #expect(roundTrip.stdout == original.stdout, "the \(format) export is identical after SQLite → PostgreSQL → SQLite")
        }
        let reportHere = try cli.run("report", "w", "--db", "laptop.sqlite", "--format", "json")
        let reportThere = try cli.run("report", "w", "--db", database.url, "--format", "json")
        #expect(reportThere.status == 0 && reportThere.stdout == reportHere.stdout, "the report reads the same from PostgreSQL")

        // A session of that name is never overwritten; --as names the copy.
        let again = try cli.run("copy", "w", "--from", "laptop.sqlite", "--to", database.url)
        #expect(again.status != 0 && again.stderr.contains("already has a session named `w`") && again.stderr.contains("--as"), "\(again.stderr)")
        let renamed = try cli.run("copy", "w", "--from", "laptop.sqlite", "--to", database.url, "--as", "w-2")
        #expect(renamed.status == 0 && renamed.stdout.contains("as `w-2`") && renamed.stdout.contains("new join code"), "\(renamed.stdout)")
        let sessions = try cli.run("sessions", "--db", database.url)
        #expect(sessions.lines.filter { $0.hasPrefix("w ") || $0.hasPrefix("w-2 ") }.count == 2, "\(sessions.stdout)")
    }

    @Test(onPostgres)
    func everyCommandTakesAURLOrROOMPOLL_DB() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let poll = try cli.write("poll.yaml", "title: Quick\nquestions:\n  - {id: yn, kind: single, ask: Yes or no?, options: [Yes, No]}\n")
        let csv = try cli.write("a.csv", "participant,round,question,answer\np1,opening,yn,Yes\np1,closing,yn,No\np2,opening,yn,No\np2,closing,yn,No\n")
        let imported = try cli.run("import", poll, csv, "--session", "q", "--db", database.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let sessions = try cli.run(["sessions"], environment: ["ROOMPOLL_DB": database.url])
        #expect(sessions.status == 0 && sessions.stdout.contains("opening 2, closing 2"), "\(sessions.stdout)\(sessions.stderr)")
        let report = try cli.run("report", "q", "--db", database.url)
        #expect(report.status == 0 && report.stdout.contains("Yes or no?"))
    }

    @Test func aBadURLOrAnUnreachableServerIsAClearError() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let bad = try cli.run("sessions", "--db", "postgres://me@host/db?sslmode=sometimes")
        #expect(bad.status != 0 && bad.stderr.contains("sslmode"), "\(bad.stderr)")
        let started = Date()
        let away = try cli.run("sessions", "--db", "postgres://me:secret@127.0.0.1:9/db?sslmode=disable")
        #expect(away.status != 0 && away.stderr.contains("not reachable"), "\(away.stderr)")
        #expect(!away.stderr.contains("secret"), "no password in messages")
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
