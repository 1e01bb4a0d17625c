import Foundation
import Testing
import TestSupport

/// `roompoll report SESSION SESSION…`: hand-made sessions through the real `import` and
/// `report` commands, whose pooled change is known by hand.
@Suite("Several sessions side by side")
struct SessionsSideBySideCLITests {
    static let poll = """
        title: Confidence
        questions:
          - {id: score, kind: scale, ask: How confident are you?, min: 0, max: 10}
          - {id: yn, kind: single, ask: Should it pass?, options: [Yes, No]}

        """

    /// Ten people per session; in `a` five move +1 and five +3 (mean +2), in `b` they move 0 and
    /// +2 in turn (mean +1). Each mean change has variance s²/n = (10/9)/10.
    static func importSessions(_ cli: CLIRunner, second poll: String? = nil, secondMoves: [Int] = [0, 2]) throws {
        let first = try cli.write("poll.yaml", Self.poll)
        let second = try poll.map { try cli.write("other.yaml", $0) } ?? first
        for (name, moves, file) in [("a", [1, 3], first), ("b", secondMoves, second)] {
            let rows = (0..<10).flatMap { i in
                ["p\(i),opening,score,4", "p\(i),closing,score,\(4 + moves[i % 2])", "p\(i),opening,yn,\(i < 5 ? "Yes" : "No")",
                 "p\(i),closing,yn,\(i < 7 ? "Yes" : "No")"]
            }
            let csv = try cli.write("\(name).csv", (["participant,round,question,answer"] + rows).joined(separator: "\n") + "\n")
            #expect(try cli.run("import", file, csv, "--session", name, "--db", "s.sqlite").status == 0)
        }
    }

    @Test func identicalPollsArePooledByInverseVariance() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try Self.importSessions(cli)
        let json = try cli.run("report", "a", "b", "--db", "s.sqlite", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "roompoll.sessions/1" && document["identical_polls"] as? Bool == true)
        let questions = try #require(document["questions"] as? [[String: Any]])
        let score = try #require(questions.first { $0["id"] as? String == "score" })
        let sessions = try #require(score["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["change"] as? Double } == [2, 1])
        let pooled = try #require(score["pooled"] as? [String: Any])
        // Equal variances: the pooled change is the plain mean, 1.5 ± 1.959964 · √(1/18).
        #expect(abs(pooled["change"] as! Double - 1.5) < 1e-12)
        let interval = try #require(pooled["interval"] as? [String: Double])
        #expect(abs(interval["lower"]! - (1.5 - 1.959963984540054 * (1.0 / 18).squareRoot())) < 1e-9)
        let q = try #require(pooled["heterogeneity"] as? [String: Any])
        #expect(abs(q["statistic"] as! Double - 4.5) < 1e-9 && q["df"] as? Double == 1)

        let text = try cli.run("report", "a", "b", "--db", "s.sqlite")
        #expect(text.stdout.contains("Sessions side by side: a, b"))
        #expect(text.stdout.contains("4.0 → 6.0, +2.0 among 10 paired participants"))
        #expect(text.stdout.contains("Pooled over 2 sessions (fixed effect): +1.5"))
        for format in ["markdown", "html", "csv"] {
            let out = try cli.run("report", "a", "b", "--db", "s.sqlite", "--format", format)
            #expect(out.status == 0)
            #expect(out.stdout.contains("+1.5") || out.stdout.contains("1.5000"), "\(format) has the pooled change")
            if format == "html" {
                #expect(out.stdout.contains("<svg class=\"chart\" id=\"q1-score-sessions\" role=\"img\""), "a chart per question")
                #expect(!out.stdout.contains("<script") && !out.stdout.contains("http"), "self-contained")
            }
        }
    }

    @Test func differentPollsAreShownButNeverPooled() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try Self.importSessions(cli, second: Self.poll.replacingOccurrences(of: "options: [Yes, No]", with: "options: [Yes, No, Unsure]"))
        let text = try cli.run("report", "a", "b", "--db", "s.sqlite")
        #expect(text.status == 0)
        #expect(text.stdout.contains("polls differ"))
        #expect(!text.stdout.contains("Pooled over"))
        #expect(text.stdout.contains("+2.0 among 10 paired") && text.stdout.contains("+1.0 among 10 paired"), "both still side by side")
    }

    @Test func aSessionNamedTwiceOrMissingIsRefused() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try Self.importSessions(cli)
        let twice = try cli.run("report", "a", "a", "--db", "s.sqlite")
        #expect(twice.status != 0 && twice.stderr.contains("named twice"))
        let missing = try cli.run("report", "a", "nope", "--db", "s.sqlite")
        #expect(missing.status != 0 && missing.stderr.contains("no session named `nope`"))
    }

    @Test func aSessionWhosePairsAllMovedAlikeIsNotPooledAndTheReportSaysWhy() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try Self.importSessions(cli, secondMoves: [1, 1])
        let text = try cli.run("report", "a", "b", "--db", "s.sqlite")
        #expect(text.status == 0)
        let joined = text.stdout.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
        #expect(joined.contains("Not pooled: in b every paired participant’s change was the same"), "\(joined)")
        let json = try cli.run("report", "a", "b", "--db", "s.sqlite", "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let score = try #require((document["questions"] as? [[String: Any]])?.first { $0["id"] as? String == "score" })
        #expect(score["pooled"] == nil && (score["not_pooled"] as? String)?.contains("no estimated variance") == true)
    }
}
