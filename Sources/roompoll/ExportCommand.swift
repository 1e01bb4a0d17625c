import ArgumentParser
import Foundation
import PollCore
import Report
import Store

/// The formats `roompoll export` writes.
enum ExportFormatName: String, ExpressibleByArgument, CaseIterable {
    case csv, json, wide
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every current response of a session: round, question, participant token, answer, channel, time.",
        discussion: """
            Answers are written in the import encoding: what `export --format csv` writes, `roompoll import` reads back unchanged. \
            A translated poll's answers are written in its main language, or in another of its languages with `--language`; \
            the `language` column says which language each participant answered in. \
            `--format wide` writes one row per participant with a column per question and round (`<question>.<round>`), \
            ready for R, SPSS or pandas. \
            With `--qa`, the session's audience Q&A instead: every question with its side (room or online), channel, state, \
            votes, order and time answered; csv leaves hidden questions out, json has them marked hidden.
            """
    )

    @Argument(help: ArgumentHelp("The session (see `roompoll sessions`).", valueName: "session"))
    var session: String

    @Option(help: "Output format: csv, json, or wide (a row per participant, a column per question and round).")
    var format: ExportFormatName = .csv

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Export the audience Q&A (questions, votes, sides, time answered) instead of the answers; csv or json.")
    var qa = false

    @Flag(help: "Skip stored rows that cannot be read (listed on standard error) instead of stopping.")
    var salvage = false

    @OptionGroup var language: LanguageOption

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await database.open(create: false)
        let record = try await database.session(session, in: store)
        if qa {
            guard format != .wide else { throw CLIError("--qa writes csv or json, not wide") }
            let board = QandABoard(try await store.qandAChanges(of: record, after: 0))
            let end = board.lastChangeAt ?? record.createdAt
            try write(format == .csv ? QandAExport.csv(session: record.name, board: board, end: end)
                                     : QandAExport.json(session: record.name, pollTitle: record.definition.title, board: board, end: end),
                      to: output)
            return
        }
        let poll = try language.language(of: record.definition, session: record.name).map(record.definition.translated(to:)) ?? record.definition
        let responses = try await database.read(salvage: salvage) { try await store.currentResponses(of: record, salvage: $0) }
        let text: String
        switch format {
        case .csv: text = ResponseExport.csv(session: record.name, definition: poll, responses: responses)
        case .json: text = ResponseExport.json(session: record.name, definition: poll, responses: responses)
        case .wide: text = ResponseExport.wide(definition: poll, responses: responses)
        }
        try write(text, to: output)
    }
}
