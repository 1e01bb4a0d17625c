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
            roompoll.report/2, see docs/report-schema.md), csv (a row per question and option). The html report \
            opens with an overview chart of every question, clear shifts first; text and markdown with one line per \
            question. Segment questions (stakeholder group, in the room or online) split the room: each group's change \
            per question, and whether the groups moved differently (exploratory, Holm-adjusted). A knowledge \
            check (questions with `correct:`) gets its own section: the share answering right and each \
            person's gain. Every format ends with the agenda's planned and actual minutes and the audience \
            Q&A (the questions in the order answered, then by votes; the time split between the room and \
            online), when the poll has them.

            A translated poll (`languages:` in its file) is reported in its main language, or in another of its \
            languages with `--language`; every language's answers are counted together, and the json report lists \
            how many answers came in each language (`answer_languages`).

            Name two sessions or more (the same poll at several events, or in several years) to see them side by \
            side: per question each session's shift on one shared measure, in every format (json: schema \
            roompoll.sessions/1), and a pooled change only when every session ran the identical poll.
            """
    )

    @Argument(help: ArgumentHelp("The session (see `roompoll sessions`); name two or more to compare them side by side.",
                                 valueName: "session"))
    var sessions: [String]

    @Option(help: "Output format: text, markdown, html, json or csv.")
    var format: ReportFormatName = .text

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Skip stored rows that cannot be read (listed on standard error) instead of stopping.")
    var salvage = false

    @OptionGroup var language: LanguageOption

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard !sessions.isEmpty else { throw ValidationError("Name a session (see `roompoll sessions`).") }
        if let twice = sessions.first(where: { name in sessions.filter { $0 == name }.count > 1 }) {
            throw ValidationError("Session \(twice) is named twice: name each session once.")
        }
    }

    func run() async throws {
        let store = try await database.open(create: false)
        var records: [SessionRecord] = []
        for name in sessions { records.append(try await database.session(name, in: store)) }
        let languages = try records.map { try language.language(of: $0.definition, session: $0.name) }
        let analysed = try await database.read(salvage: salvage) { log in
            var analysed: [(report: ShiftReport, tally: Tally)] = []
            for (record, language) in zip(records, languages) {
                analysed.append(try await Self.analyze(record, in: store, salvage: log, language: language))
            }
            return analysed
        }
        let color = format == .text && output == nil && isatty(STDOUT_FILENO) == 1
            && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let renderer = format.format(color: color, language: languages[0] ?? records[0].definition.language)
        let text = analysed.count == 1 ? renderer.render(analysed[0].report)
                                       : renderer.render(SessionComparison.compare(analysed))
        // The text and Markdown reports are read in terminals even from a file (`cat`): never with escapes in them.
        try write(format == .text || format == .markdown ? TerminalText.safe(text) : text, to: output)
        // The tallies (a hash tree per question and round) are left for the process's exit to
        // free: taking a million answers apart node by node costs a tenth of a second for nothing.
        _ = Unmanaged.passRetained(Leftover(analysed.map(\.tally)))
    }

    /// When the session last stored anything (what an agenda that was never ended runs up to;
    /// nil: nothing stored). Read only for such an agenda.
    static func lastActivity(of record: SessionRecord, in store: any Store) async throws -> Date? {
        guard let clock = record.control.agenda, clock.current != nil else { return nil }
        return try await store.sessionSummaries().first { $0.name == record.name }?.stored.last
    }

    /// What `run` leaves for the process's exit to free.
    final class Leftover {
        let tallies: [Tally]
        init(_ tallies: [Tally]) { self.tallies = tallies }
    }

    /// A session's report, and the tally it was computed from (which comparing sessions needs).
    /// `language`: one of a translated poll's languages to write its text in (nil: the main one).
    static func analyze(_ record: SessionRecord, in store: any Store, salvage: SalvageLog? = nil,
                        language: String? = nil) async throws -> (report: ShiftReport, tally: Tally) {
        let poll = language.map(record.definition.translated(to:)) ?? record.definition
        let info = SessionInfo(name: record.name, pollTitle: poll.title, event: poll.event, createdAt: record.createdAt)
        var tally = try await store.currentTally(of: record, participants: .compact, salvage: salvage)
        if let language { tally = tally.translated(to: language) }
        var report = ShiftAnalysis.analyze(session: info, tally: tally)
        report.language = language
        if record.definition.isTranslated {
            // Which languages the answers came in (a translated poll only: a large one-language
            // session is not read twice).
            let responses = try await store.currentResponses(of: record, salvage: salvage)
            report.answerLanguages = AnswerLanguageCount.count(responses, rounds: record.definition.rounds,
                                                               languages: record.definition.allLanguages)
        }
        report.agenda = AgendaSummary(record.definition.agenda, clock: record.control.agenda,
                                      lastActivity: try await lastActivity(of: record, in: store))
        if record.definition.qa != nil {
            // A question still "being answered" counts up to the last Q&A change, not to whenever the report is run.
            let board = QandABoard(try await store.qandAChanges(of: record, after: 0))
            report.qandA = QandASummary(board, end: board.lastChangeAt ?? record.createdAt)
        }
        return (report, tally)
    }
}
