import Foundation
import Testing
import TestSupport

/// The built `roompoll` binary, run as a facilitator would run it.
@Suite("roompoll command", .serialized)
struct CLITests {
    @Test func checkPrintsOkForEveryShippedPoll() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let names = ["cybercrime-treaty", "digital-id", "encryption-human-right"]
        let outcome = try cli.run(["check"] + names.map(cli.poll))
        #expect(outcome.status == 0)
        #expect(outcome.lines == names.map { "\(cli.poll($0)): ok" })
        #expect(outcome.stderr.isEmpty)
    }

    @Test func checkReportsEveryProblemAsFileLineColumn() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let bad = try cli.write("bad.yaml", """
            title: Bad
            questions:
              - id: a
                kind: single
                ask: A?
                optoins: [Yes, No]
              - id: a
                kind: scale
                ask: B?
                min: 3
                max: 1
            """)
        let empty = try cli.write("empty.yaml", "")
        let outcome = try cli.run("check", bad, cli.poll("digital-id"), empty)
        #expect(outcome.status == 1)
        #expect(outcome.lines == ["\(cli.poll("digital-id")): ok"])
        #expect(outcome.errorLines == [
            "\(bad):3:5: missing `options` (a single question needs at least two)",
            "\(bad):6:5: unknown key `optoins` in a question — did you mean `options`?",
            "\(bad):7:9: duplicate question id `a` (first used on line 3)",
            "\(bad):10:10: scale `min` (3) must be less than `max` (1)",
            "\(empty):1:1: the file is empty: a poll needs a `title` and `questions`",
        ])
        #expect(try cli.run("check", cli.path("missing.yaml")).stderr.contains("missing.yaml: cannot read the file"))
    }

    @Test func importSessionsExportAndImportBackUnchanged() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = cli.poll("digital-id")
        let csv = try cli.write("answers.csv", """
            participant,round,question,answer
            p1,opening,stakeholder,Civil society
            p1,opening,necessity,5
            p1,closing,necessity,Agree
            p2,opening,routes,Open-source systems>Strategic litigation>Mapping national legislation>Multilateral engagement>Documenting harms with communities
            p2,closing,one-word,"surveillance; trust"
            "p 3",opening,open-source-trust,Not at all
            """)
        let first = try cli.run("import", poll, csv, "--session", "workshop", "--db", "test.sqlite")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported 6 answers from 3 participants into session `workshop`"))

        let sessions = try cli.run("sessions", "--db", "test.sqlite")
        #expect(sessions.status == 0)
        #expect(sessions.lines.count == 2)
        #expect(sessions.lines[0].hasPrefix("SESSION"))
        #expect(sessions.lines[1].hasPrefix("workshop  Digital ID and human rights"))
        #expect(sessions.lines[1].hasSuffix("opening 3, closing 2"))

        let exported = try cli.run("export", "workshop", "--format", "csv", "--db", "test.sqlite")
        #expect(exported.status == 0)
        #expect(exported.lines.count == 7)
        let exportFile = try cli.write("export.csv", exported.stdout)
        let again = try cli.run("import", poll, exportFile, "--session", "copy", "--db", "test.sqlite")
        #expect(again.status == 0, "\(again.stderr)")
        let reexported = try cli.run("export", "copy", "--format", "csv", "--db", "test.sqlite")
        #expect(reexported.stdout.replacingOccurrences(of: "copy,", with: "workshop,") == exported.stdout,
                "export → import → export changes nothing but the session name")

        let json = try cli.run("export", "workshop", "--format", "json", "--db", "test.sqlite")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["responses"] as? [[String: String]])?.count == 6)
    }

    @Test func richAnswersRoundTripThroughExportAndImport() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = cli.poll("encryption-human-right")
        let csv = try cli.write("answers.csv", "\u{FEFF}participant,round,question,answer\r"
            + "p1,opening,treaty-approach,Protect strong encryption explicitly;Consult civil society and technical experts\r"
            + "p1,closing,takeaway,\"Commas, \"\"quotes\"\" and Ünïcödé — 中文 🙂\"\r"
            + "p2,closing,takeaway,\"two\r\nlines\"\r"
            + "p2,opening,where,2\r")
        let first = try cli.run("import", poll, csv, "--session", "rich", "--db", "t.sqlite")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported 4 answers from 2 participants"))
        let exported = try cli.run("export", "rich", "--db", "t.sqlite")
        #expect(exported.stdout.contains("\"Commas, \"\"quotes\"\" and Ünïcödé — 中文 🙂\""))
        #expect(exported.stdout.contains(",two lines,"))
        #expect(exported.stdout.contains(",Online,"), "option numbers are exported as labels")
        let file = try cli.write("export.csv", exported.stdout)
        #expect(try cli.run("import", poll, file, "--session", "copy", "--db", "t.sqlite").status == 0)
        let again = try cli.run("export", "copy", "--db", "t.sqlite")
        #expect(again.stdout.replacingOccurrences(of: "copy,", with: "rich,") == exported.stdout)
    }

    @Test func aBadImportIntoAnExistingSessionChangesNothing() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = cli.poll("digital-id")
        let good = try cli.write("good.csv", "participant,round,question,answer\np1,opening,necessity,Agree\n")
        #expect(try cli.run("import", poll, good, "--session", "s", "--db", "t.sqlite").status == 0)
        let before = try cli.run("export", "s", "--db", "t.sqlite").stdout
        let bad = try cli.write("bad.csv", "participant,round,question,answer\np1,opening,necessity,Disagree\np2,opening,necessity,Perhaps\n")
        let outcome = try cli.run("import", poll, bad, "--session", "s", "--db", "t.sqlite")
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == ["\(bad):3: `Perhaps` is not one of the options", "Nothing was imported: 1 problem."])
        #expect(try cli.run("export", "s", "--db", "t.sqlite").stdout == before)
        let oneRow = try cli.write("one.csv", "participant,round,question,answer\np3,opening,necessity,5\n")
        #expect(try cli.run("import", poll, oneRow, "--session", "s", "--db", "t.sqlite").stdout
                == "Imported 1 answer from 1 participant into session `s` (t.sqlite).\n")
        #expect(try cli.run("import", poll, oneRow, "--session", "", "--db", "t.sqlite").stderr.contains("a session name must be 1 to 64 characters"))
    }

    @Test func aBadImportImportsNothingAndListsEveryBadRow() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let csv = try cli.write("answers.csv", """
            participant,round,question,answer
            p1,opening,necessity,Agree
            p2,opening,necessity,Maybe
            p3,opening,routes,Strategic litigation
            p4,opening,nope,x
            """)
        let outcome = try cli.run("import", cli.poll("digital-id"), csv, "--db", "test.sqlite")
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == [
            "\(csv):3: `Maybe` is not one of the options",
            "\(csv):4: the ranking leaves out `Mapping national legislation`, `Multilateral engagement`, `Documenting harms with communities`, `Open-source systems`",
            "\(csv):5: the poll has no question `nope`",
            "Nothing was imported: 3 problems.",
        ])
        #expect(!FileManager.default.fileExists(atPath: cli.path("test.sqlite")), "no database was even created")
    }

    @Test func reportJSONAndText() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let csv = try cli.write("answers.csv", """
            participant,round,question,answer
            a,opening,confidence,2
            b,opening,confidence,4
            a,closing,confidence,8
            b,closing,confidence,6
            """)
        #expect(try cli.run("import", cli.poll("cybercrime-treaty"), csv, "--session", "s", "--db", "r.sqlite").status == 0)
        let json = try cli.run("report", "s", "--format", "json", "--db", "r.sqlite")
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "roompoll.report/2")
        let questions = try #require(document["questions"] as? [[String: Any]])
        let confidence = try #require(questions.first { $0["id"] as? String == "confidence" })
        let rounds = try #require(confidence["rounds"] as? [String: [String: Any]])
        #expect(rounds["opening"]?["mean"] as? Double == 3)
        #expect(rounds["closing"]?["mean"] as? Double == 7)

        let text = try cli.run("report", "s", "--db", "r.sqlite", "--output", "report.txt")
        #expect(text.status == 0 && text.stdout.isEmpty)
        let written = try String(contentsOfFile: cli.path("report.txt"), encoding: .utf8)
        #expect(written.hasPrefix("Principles for a UN cybercrime treaty\n"))
        #expect(written.contains("opening: mean 3.0 · median 3 · sd 1.4; closing: mean 7.0 · median 7 · sd 1.4"), "\(written)")
        #expect(written.contains("A clear shift") || written.contains("Not a clear shift") || written.contains("Not tested"))
    }

    @Test func clearErrorsForMissingDatabaseAndSession() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let missing = try cli.run("report", "x", "--db", "none.sqlite")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database at none.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("none.sqlite")))
        #expect(try cli.run("demo", "--audience", "5", "--db", "d.sqlite", "--session", "real").status == 0)
        let unknown = try cli.run("export", "nope", "--db", "d.sqlite")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no session named `nope` in d.sqlite (its sessions: real)"))
        let badFormat = try cli.run("report", "real", "--format", "pdf", "--db", "d.sqlite")
        #expect(badFormat.status != 0)
        #expect(badFormat.stderr.contains("pdf"))
    }

    @Test func demoRunsBothRoundsThroughTheStoreAndPrintsTheReport() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let outcome = try cli.run("demo", "--poll", cli.poll("encryption-human-right"), "--audience", "60", "--db", "demo.sqlite",
                                  "--session", "demo")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let opening = try #require(outcome.lines.first { $0.hasPrefix("Opening round:") })
        #expect(opening.contains("participants"))
        #expect(outcome.lines.contains { $0.hasPrefix("Closing round:") })
        #expect(outcome.stdout.contains("3. special-protection · single"))
        #expect(outcome.lines.last == "Stored in demo.sqlite. Next: roompoll report demo --db demo.sqlite --format json")
        let sessions = try cli.run("sessions", "--db", "demo.sqlite")
        let row = try #require(sessions.lines.last)
        #expect(row.hasPrefix("demo "))
        #expect(row.contains("  Is encryption a human right?"))
        #expect(row.hasSuffix("opening 54, closing 55"))
        // Same seed, same audience: a second run gives the same report body.
        let second = try cli.run("demo", "--poll", cli.poll("encryption-human-right"), "--audience", "60", "--db", "demo2.sqlite",
                                 "--session", "demo")
        func body(_ text: String) -> [String] { text.split(separator: "\n").map(String.init).filter { !$0.contains("created") && !$0.contains("join code") && !$0.contains("Stored in") } }
        #expect(body(second.stdout) == body(outcome.stdout))
    }

    @Test func demoWithoutDatabaseUsesAFreshFile() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let outcome = try cli.run("demo", "--audience", "10")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let stored = try #require(outcome.lines.last)
        let path = try #require(stored.split(separator: " ").dropFirst(2).first.map { String($0.dropLast()) })
        #expect(path.contains("roompoll-demo-"))
        #expect(FileManager.default.fileExists(atPath: path))
        try? FileManager.default.removeItem(atPath: path)
        #expect(!FileManager.default.fileExists(atPath: cli.path("roompoll.sqlite")), "the current folder is left alone")
    }

    @Test(arguments: ["check", "import", "sessions", "export", "report", "demo"])
    func everyCommandHasHelp(command: String) throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let outcome = try cli.run(command, "--help")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("USAGE: roompoll \(command)"))
        if command != "check" { #expect(outcome.stdout.contains("--db")) }
    }
}

/// The audience Q&A through the binary: the printed demo asks, votes and answers; the report
/// and `export --qa` carry it; `moderate` refuses what it cannot do.
@Suite("Q&A on the command line")
struct QandACLITests {
    @Test func theDemoReportAndExportCarryTheQandA() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let db = cli.path("qa.sqlite")
        let demo = try cli.run("demo", "--print", "--db", db, "--session", "qa", "--poll", cli.poll("encryption-human-right"))
        #expect(demo.status == 0)
        #expect(demo.stdout.contains("Audience Q&A: 4 questions"))
        let report = try cli.run("report", "qa", "--db", db, "--format", "markdown")
        #expect(report.stdout.contains("## Audience Q&A"))
        #expect(report.stdout.contains("Answered, in order:"))
        let csv = try cli.run("export", "qa", "--db", db, "--qa")
        #expect(csv.status == 0)
        #expect(csv.lines.first == QandAColumns.header)
        #expect(csv.lines.count == 5, "a header and the 4 questions")
        let json = try cli.run("export", "qa", "--db", db, "--qa", "--format", "json")
        #expect(json.stdout.contains("\"schema\" : \"roompoll.qanda/1\""))
        let wide = try cli.run("export", "qa", "--db", db, "--qa", "--format", "wide")
        #expect(wide.status != 0 && wide.stderr.contains("--qa writes csv or json"))
    }

    @Test func moderateRefusesWhatItCannotDo() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let missing = try cli.run("moderate", "qa", "--db", cli.path("none.sqlite"))
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("terminal") || missing.stderr.contains("no database"))
        let help = try cli.run("--help")
        #expect(help.stdout.contains("moderate"), "moderate is listed in --help")
    }
}

/// The Q&A export's header, as the README documents it.
enum QandAColumns {
    static let header = "session,id,asked_at,side,channel,state,votes,answered_order,seconds_answering,merged_into,name,text,original_text"
}

extension QandACLITests {
    @Test func theDemoRunsAPresenterPacedPollInItsOwnPace() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let db = cli.path("presenter.sqlite")
        let demo = try cli.run("demo", "--print", "--db", db, "--session", "p", "--poll", cli.poll("cybercrime-treaty"))
        #expect(demo.status == 0)
        let opening = try #require(demo.lines.first { $0.hasPrefix("Opening round:") })
        #expect(!opening.hasPrefix("Opening round: 0 answers"), "every question's voting was opened in turn")
        let sessions = try cli.run("sessions", "--db", db)
        #expect(sessions.status == 0)
        let stored = try runTool("/usr/bin/sqlite3", [db, "SELECT json_extract(control, '$.pace') FROM session"])
        #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines) == "presenter", "the poll's pace, not audience")
    }
}
