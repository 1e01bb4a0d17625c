import Foundation
import Testing
import TestSupport

/// The verdicts of tiny and unanimous rooms, through the real `import` and `report` commands:
/// hand-made sessions whose right answer is known by counting.
@Suite("Honest verdicts in tiny and unanimous rooms")
struct HonestVerdictCLITests {
    static let poll = """
        title: Honest verdicts
        questions:
          - id: yn
            kind: single
            ask: Should it pass?
            options: [Yes, No]
          - id: score
            kind: scale
            ask: How confident are you?
            min: 1
            max: 7

        """

    /// Imports `rows` (participant, round, question, answer) as session `name` and returns the text
    /// report, its wrapped lines joined.
    static func report(_ cli: CLIRunner, _ name: String, _ rows: [String]) throws -> String {
        let poll = try cli.write("poll.yaml", Self.poll)
        let csv = try cli.write("\(name).csv", (["participant,round,question,answer"] + rows).joined(separator: "\n") + "\n")
        #expect(try cli.run("import", poll, csv, "--session", name, "--db", "v.sqlite").status == 0)
        let report = try cli.run("report", name, "--db", "v.sqlite")
        #expect(report.status == 0)
        // Lines wrapped at 80 columns are joined again, so sentences can be matched whole.
        return report.stdout.replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
    }

    @Test func aUnanimousMoveOnAScaleIsAClearShift() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        // 12 of 12 move 3 → 4: the paired t is undefined (no variance); the sign test is 2 · ½¹² = 0.0005.
        let twelve = try Self.report(cli, "twelve", (0..<12).flatMap { ["p\($0),opening,score,3", "p\($0),closing,score,4"] })
        #expect(twelve.contains("A clear shift (exact Wilcoxon signed-rank test, p < 0.001"), "\(twelve)")
        #expect(twelve.contains("every one of the 12 paired participants moved +1.0"))
        #expect(!twelve.contains("Welch"), "the same people are never tested as two independent samples")
        // 30 people all 3 → 5 used to be "too few answers to test".
        let thirty = try Self.report(cli, "thirty", (0..<30).flatMap { ["p\($0),opening,score,3", "p\($0),closing,score,5"] })
        #expect(thirty.contains("A clear shift (exact Wilcoxon signed-rank test, p < 0.001"), "\(thirty)")
        #expect(!thirty.contains("too few answers"))
    }

    @Test func aTinyRoomsPairsAreTestedAsPairs() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        // Four people, all Yes then No: McNemar's exact mid-p is 2·(1/16) − 1/16 = 0.0625, not χ²'s 0.005.
        let four = try Self.report(cli, "four", (0..<4).flatMap { ["p\($0),opening,yn,Yes", "p\($0),closing,yn,No"] })
        #expect(four.contains("Not a clear shift (McNemar mid-p test on “No”, p = 0.062"), "\(four)")
        #expect(!four.contains("A clear shift (χ²"))
        #expect(four.contains("also: χ² test of homogeneity"), "χ² is still shown, for reference")
    }

    @Test func oneParticipantGetsNoSupermajorityAndNoInterval() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let one = try Self.report(cli, "one", ["p0,opening,yn,Yes", "p0,closing,yn,No"])
        #expect(!one.contains("supermajority"), "\(one)")
        #expect(one.contains("(the only answer)"))
        #expect(!one.contains("95% CI"))
        #expect(one.contains("Not tested: too few answers to test (fewer than 2 in a round)."))
    }
    @Test func aZeroToHundredScaleIsListedInTenRanges() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let poll = try cli.write("wide.yaml", """
            title: Wide
            questions:
              - {id: pct, kind: scale, ask: How likely is it (0–100)?, min: 0, max: 100}

            """)
        let rows = (0..<30).flatMap { i in ["p\(i),opening,pct,\(i * 3)", "p\(i),closing,pct,\(min(100, i * 3 + 10))"] }
        let csv = try cli.write("wide.csv", (["participant,round,question,answer"] + rows).joined(separator: "\n") + "\n")
        #expect(try cli.run("import", poll, csv, "--session", "wide", "--db", "w.sqlite").status == 0)
        for format in ["text", "markdown", "html", "csv"] {
            let report = try cli.run("report", "wide", "--db", "w.sqlite", "--format", format)
            #expect(report.status == 0)
            #expect(report.stdout.contains("90–100"), "\(format): the ranges are listed")
            #expect(!report.stdout.contains("| 57 |") && !report.stdout.contains(">57<"), "\(format): not every value")
        }
    }
}
