import Foundation
import Testing
import TestSupport

/// A knowledge check through the real `import`, `report` and `export` commands, on a room
/// small enough to check by hand.
@Suite("Knowledge check through the CLI")
struct KnowledgeCLITests {
    static let poll = """
        title: Digital security basics
        questions:
          - {id: twofa, kind: single, ask: Which is a second factor?, options: [A password, A hardware key], correct: A hardware key}
          - {id: update, kind: single, ask: When should you install updates?, options: [Soon, Never], correct: Soon}
          - {id: useful, kind: likert, ask: The training was useful.}

        """

    @Test func theReportShowsWhatTheRoomLearned() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let file = try cli.write("poll.yaml", Self.poll)
        // Opening: p1 1/2, p2 0/2, p3 2/2. Closing: p1 2/2, p2 1/2, p3 2/2.
        let rows = [
            "p1,opening,twofa,A hardware key", "p1,opening,update,Never", "p2,opening,twofa,A password", "p2,opening,update,Never",
            "p3,opening,twofa,A hardware key", "p3,opening,update,Soon",
            "p1,closing,twofa,A hardware key", "p1,closing,update,Soon", "p2,closing,twofa,A hardware key", "p2,closing,update,Never",
            "p3,closing,twofa,A hardware key", "p3,closing,update,Soon", "p1,closing,useful,Agree",
        ]
        let csv = try cli.write("answers.csv", (["participant,round,question,answer"] + rows).joined(separator: "\n") + "\n")
        #expect(try cli.run("import", file, csv, "--session", "t", "--db", "t.sqlite").status == 0)
        let text = try cli.run("report", "t", "--db", "t.sqlite")
        #expect(text.status == 0, "\(text.stderr)")
        let flat = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Knowledge check"))
        #expect(flat.contains("Right answers rose from 50% to 83% of the room; among the 3 who took it twice, not clearly different from no change (normalized gain 0.67, medium)."), "\(text.stdout)")
        #expect(flat.contains("3 people took the check in the opening round, 3 in the closing round."))
        #expect(flat.contains("the mean of each person's own gain 0.75, leaving out 1 with a perfect first score."))
        #expect(flat.contains("2 improved, 1 stayed the same, 0 got worse."))
        #expect(flat.contains("Which is a second factor? (right: “A hardware key”) — 67% → 100%; among the 3 who answered twice +33 points"))
        #expect(flat.contains("Normalized gain (Hake 1998): low below 0.3"))

        let json = try cli.run("report", "t", "--db", "t.sqlite", "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let knowledge = try #require(document["knowledge"] as? [String: Any])
        #expect(knowledge["paired"] as? Int == 3 && knowledge["improved"] as? Int == 2 && knowledge["perfect_first"] as? Int == 1)
        #expect(abs((knowledge["class_gain"] as? Double ?? 0) - 2.0 / 3) < 1e-12 && knowledge["class_gain_level"] as? String == "medium")
        let items = try #require(knowledge["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["twofa", "update"] && items[0]["correct"] as? [String] == ["A hardware key"])
        #expect(items[1]["gained"] as? Int == 1 && items[1]["right_both"] as? Int == 1 && items[1]["wrong_both"] as? Int == 1)

        let wide = try cli.run("export", "t", "--db", "t.sqlite", "--format", "wide")
        #expect(wide.lines.first?.hasSuffix("knowledge_correct.opening,knowledge_answered.opening,knowledge_correct.closing,knowledge_answered.closing") == true)
        #expect(wide.lines.contains { $0.hasPrefix("p2,") && $0.hasSuffix(",0,2,1,2") }, "\(wide.stdout)")
    }

    @Test func aPollWithoutAKnowledgeCheckHasNoSection() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let outcome = try cli.run("demo", "--print", "--db", "d.sqlite")
        #expect(outcome.status == 0 && !outcome.stdout.contains("Knowledge check"))
    }
}
