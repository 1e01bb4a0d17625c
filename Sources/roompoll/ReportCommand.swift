import Analysis
import ArgumentParser
import Report
import Store

/// The formats `roompoll report` writes.
enum ReportFormatName: String, ExpressibleByArgument, CaseIterable {
    case text, json

    var format: any ReportFormat {
        switch self {
        case .text: return TextReport()
        case .json: return JSONReport()
        }
    }
}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report how the room's views moved between rounds: counts, percentages and change in points per option."
    )

    @Argument(help: ArgumentHelp("The session (see `roompoll sessions`).", valueName: "session"))
    var session: String

    @Option(help: "Output format: text or json.")
    var format: ReportFormatName = .text

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try database.open(create: false)
        let record = try await database.session(session, in: store)
        let report = try await Self.analyze(record, in: store)
        try write(format.format.render(report), to: output)
    }

    static func analyze(_ record: SessionRecord, in store: any Store) async throws -> ShiftReport {
        let info = SessionInfo(name: record.name, pollTitle: record.definition.title,
                               event: record.definition.event, createdAt: record.createdAt)
        return ShiftAnalysis.analyze(session: info, definition: record.definition,
                                     responses: try await store.currentResponses(of: record),
                                     hands: try await store.hands(of: record))
    }
}
