import Foundation
import Testing
import Analysis
import PollCore
import Report
import TestSupport

/// The text, Markdown and HTML reports of the shipped encryption poll with a fixed simulated
/// audience, compared with their recorded snapshots (`RECORD_SNAPSHOTS=1` records them again).
@Suite("Report snapshots")
struct ReportSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func report() throws -> ShiftReport {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../polls/encryption-human-right.yaml").standardized
        let definition = try PollFileParser.parse(String(contentsOf: file, encoding: .utf8))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var engine = SessionEngine(definition: definition, control: SessionControl(startOf: definition, pace: .audience))
        var responses: [Response] = []
        let audience = SimulatedAudience(definition: definition, size: 60, seed: 2026)
        for round in definition.rounds {
            _ = try? engine.handle(.openRound(round))
            for submission in audience.submissions(round: round, at: now) {
                if case .success(let response) = engine.checkRecorded(submission) { responses.append(response) }
            }
        }
        let info = SessionInfo(name: "workshop", pollTitle: definition.title, event: definition.event, createdAt: now)
        return ShiftAnalysis.analyze(session: info, definition: definition, responses: responses)
    }

    @Test func text() throws {
        let text = TextReport().render(try Self.report())
        assertTextSnapshot(text, named: "encryption.txt", in: Self.folder)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
    }

    @Test func markdown() throws {
        assertTextSnapshot(MarkdownReport().render(try Self.report()), named: "encryption.md", in: Self.folder)
    }

    @Test func html() throws {
        let html = HTMLReport(language: "en").render(try Self.report())
        assertTextSnapshot(html, named: "encryption.html", in: Self.folder)
        #expect(!html.contains("NaN") && !html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    @Test func csvHasARowPerQuestionAndOption() throws {
        let report = try Self.report()
        let rows = CSV.parse(CSVReport().render(report))
        let expected = report.questions.filter { $0.question.kind != .text }.reduce(0) { $0 + ($1.rounds.first?.rows.count ?? 0) }
        #expect(rows.count == expected + 1)
        let yes = try #require(rows.first { $0.fields.prefix(3) == ["special-protection", "single", "Yes"] })
        let shift = report.questions.first { $0.question.id == "special-protection" }!
        #expect(yes.fields[11] == NumberText.decimal(shift.changePoints![0], places: 4))
        #expect(yes.fields[12] == NumberText.decimal(shift.intervals![0]!.lower, places: 4))
    }
}
