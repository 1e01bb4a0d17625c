import Foundation
import Testing
import TestSupport

/// A translated poll through the real commands: answers imported in three languages count as
/// one; the report and the export in the main language or another; the JSON report lists the
/// languages the answers came in.
@Suite("Translated polls through the CLI")
struct LanguagesCLITests {
    static let poll = """
        languages: [en, fr, ar]
        title: {en: Encryption, fr: Chiffrement, ar: التشفير}
        questions:
          - id: protect
            kind: single
            ask: {en: Should it be protected?, fr: Faut-il le protéger ?, ar: هل ينبغي حمايته؟}
            options: {en: [Yes, No, Not sure], fr: [Oui, Non, Je ne sais pas], ar: [نعم, لا, لا أدري]}

        """

    /// Six people; the opening in three languages and option numbers, the closing all "Yes".
    static func importSession(_ cli: CLIRunner) throws {
        let file = try cli.write("poll.yaml", Self.poll)
        let rows = [
            "p1,opening,protect,Oui,fr", "p2,opening,protect,لا,ar", "p3,opening,protect,Not sure,en",
            "p4,opening,protect,non,fr", "p5,opening,protect,2,", "p6,opening,protect,Yes,en",
        ] + (1...6).map { "p\($0),closing,protect,نعم,ar" }
        let csv = try cli.write("answers.csv", (["participant,round,question,answer,language"] + rows).joined(separator: "\n") + "\n")
        let imported = try cli.run("import", file, csv, "--session", "w", "--db", "w.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test func answersInEveryLanguageCountTogetherInTheReport() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try Self.importSession(cli)
        let english = try cli.run("report", "w", "--db", "w.sqlite")
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("Should it be protected?") && !english.stdout.contains("Faut-il"))
        let french = try cli.run("report", "w", "--db", "w.sqlite", "--language", "fr")
        #expect(french.stdout.contains("Faut-il le protéger ?") && french.stdout.contains("Chiffrement"))
        // The same counts under other words: No was chosen by 3 (لا, non, 2), in both reports.
        func row(_ text: String, _ label: String) -> String? {
            text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }.map(String.init)
        }
        let noEnglish = try #require(row(english.stdout, "No ")), noFrench = try #require(row(french.stdout, "Non "))
        #expect(noEnglish.split(separator: " ").filter { $0.hasSuffix("%") } == noFrench.split(separator: " ").filter { $0.hasSuffix("%") })
        #expect(noEnglish.contains("50%"), "\(noEnglish)")

        let json = try cli.run("report", "w", "--db", "w.sqlite", "--format", "json", "--language", "ar")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["language"] as? String == "ar")
        let languages = try #require(document["answer_languages"] as? [[String: Any]])
        let opening = languages.filter { $0["round"] as? String == "opening" }
        #expect(opening.map { $0["language"] as? String } == ["en", "fr", "ar", nil], "the poll's order, then unrecorded")
        #expect(opening.map { $0["answers"] as? Int } == [2, 2, 1, 1])
        #expect(languages.filter { $0["round"] as? String == "closing" }.map { $0["answers"] as? Int } == [6])
        let questions = try #require(document["questions"] as? [[String: Any]])
        #expect((questions.first?["ask"] as? String) == "هل ينبغي حمايته؟")

        let unknown = try cli.run("report", "w", "--db", "w.sqlite", "--language", "de")
        #expect(unknown.status == 1 && unknown.stderr.contains("session w's poll is not in `de`: its languages are en, fr, ar"))
    }

    @Test func theExportIsInTheMainLanguageOrAnotherAndReadsBack() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try Self.importSession(cli)
        let main = try cli.run("export", "w", "--db", "w.sqlite")
        #expect(main.lines.first == "session,round,question,participant,answer,channel,time,language")
        #expect(main.lines.contains { $0.hasPrefix("w,opening,protect,p1,Yes,import,") && $0.hasSuffix(",fr") })
        #expect(main.lines.contains { $0.hasPrefix("w,opening,protect,p5,No,import,") && $0.hasSuffix(",") })
        let arabic = try cli.run("export", "w", "--db", "w.sqlite", "--language", "ar", "--output", "ar.csv")
        #expect(arabic.status == 0)
        let written = try String(contentsOfFile: cli.path("ar.csv"), encoding: .utf8)
        #expect(written.contains("w,opening,protect,p1,نعم,import,") && !written.contains(",Yes,"))
        // What the Arabic export holds, `import` reads back as the same answers and languages.
        let again = try cli.run("import", cli.path("poll.yaml"), cli.path("ar.csv"), "--session", "again", "--db", "w.sqlite")
        #expect(again.status == 0, "\(again.stderr)")
        /// Round, question, participant, answer and language of each exported row.
        func answers(_ lines: [String]) -> [[String]] {
            lines.dropFirst().map { line in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return Array(fields[1...4]) + [fields[7]]
            }
        }
        let copy = try cli.run("export", "again", "--db", "w.sqlite")
        #expect(answers(copy.lines) == answers(main.lines))
        let wrong = try cli.write("wrong.csv", "participant,round,question,answer,language\np1,opening,protect,Yes,de\n")
        let refused = try cli.run("import", cli.path("poll.yaml"), wrong, "--session", "x", "--db", "w.sqlite")
        #expect(refused.status == 1 && refused.stderr.contains("language `de` is not one of the poll's (en, fr, ar)"), "\(refused.stderr)")
    }
}
