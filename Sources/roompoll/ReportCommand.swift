import Foundation
import Analysis
import ArgumentParser
import Report
import PollCore
import Store

/// The formats `roompoll report` writes.
enum ReportFormatName: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json, csv

    func format(color: Bool, language: String?) -> any ReportFormat {
        switch self {
        case .text: return TextReport(color: color)
        case .markdown: return MarkdownReport()
        case .html: return HTMLReport(language: language)
        case .json: return JSONReport()
        case .csv: return CSVReport()
        }
    }
}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report how the room's views moved between the opening and closing rounds, and how sure we can be.",
        discussion: """
            Per question: each round's counts and percentages, the change in points with its 95% interval, how the \
            participants who answered both rounds moved, the tests that fit the question (one primary test, \
            Holm-adjusted across the session) and a headline sentence. Formats: text (the terminal; colour unless \
            piped or NO_COLOR is set), markdown, html (one self-contained file with charts), json (schema \
            roompoll.report/2, see docs/report-schema.md), csv (a row per question and option).
            """
    )

    @Argument(help: ArgumentHelp("The session (see `roompoll sessions`).", valueName: "session"))
    var session: String

    @Option(help: "Output format: text, markdown, html, json or csv.")
    var format: ReportFormatName = .text

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Skip stored rows that cannot be read (listed on standard error) instead of stopping.")
    var salvage = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try database.open(create: false)
        let record = try await database.session(session, in: store)
        let report = try await database.read(salvage: salvage) { try await Self.analyze(record, in: store, salvage: $0) }
        let color = format == .text && output == nil && isatty(STDOUT_FILENO) == 1
            && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let text = format.format(color: color, language: record.definition.language).render(report)
        // The text and Markdown reports are read in terminals even from a file (`cat`): never with escapes in them.
        try write(format == .text || format == .markdown ? TerminalText.safe(text) : text, to: output)
    }

    static func analyze(_ record: SessionRecord, in store: any Store, salvage: SalvageLog? = nil) async throws -> ShiftReport {
        let info = SessionInfo(name: record.name, pollTitle: record.definition.title,
                               event: record.definition.event, createdAt: record.createdAt)
        let tally = try await store.currentTally(of: record, participants: .compact, salvage: salvage)
        var report = ShiftAnalysis.analyze(session: info, tally: tally)
        report.agenda = AgendaSummary(record.definition.agenda, clock: record.control.agenda, end: record.control.agenda?.ended ?? Date())
        if record.definition.qa != nil {
            // A question still "being answered" counts up to the last Q&A change, not to whenever the report is run.
            let board = QandABoard(try await store.qandAChanges(of: record, after: 0))
            report.qandA = QandASummary(board, end: board.lastChangeAt ?? record.createdAt)
        }
        return report
    }
}
