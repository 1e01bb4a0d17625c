import ArgumentParser
import Foundation
import Intake
import PollCore
import Store

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import answers from a CSV file into a session.",
        discussion: """
            The CSV has the header participant,round,question,answer (any order; the columns session, channel and time that `roompoll export` writes are read too). Answers:

              single, likert  an option label or its 1-based number
              multi           labels joined by ;          e.g. Press;Courts
              scale           an integer                  e.g. 7
              ranking         every label in order, >     e.g. Courts>Press>Streets
              words           up to three words, ;        e.g. privacy;trust
              text            free text

            If any row is bad, every bad row is listed with its line number and nothing is imported. The session is created if it does not exist; an existing session keeps its own copy of the poll, which the answers are checked against.
            """
    )

    @Argument(help: ArgumentHelp("The poll file the answers belong to.", valueName: "poll"))
    var poll: String

    @Argument(help: ArgumentHelp("The CSV file to import.", valueName: "csv"))
    var csv: String

    @Option(help: ArgumentHelp("The session to import into (default: a new one named after the poll and today's date).", valueName: "name"))
    var session: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let session { try SessionOpener.validate(name: session) }
    }

    func run() async throws {
        let pollFile = try PollFile.loadOrFail(poll)

        // Nothing is created or written until every row has been checked.
        let existingStore = database.exists ? try await database.open(create: false) : nil
        var existing: SessionRecord?
        if let session, let existingStore { existing = try await existingStore.session(named: session) }
        if let existing, existing.definition.title != pollFile.definition.title {
            throw CLIError("session `\(existing.name)` runs the poll “\(existing.definition.title)”, not “\(pollFile.definition.title)”")
        }
        let definition = existing?.definition ?? pollFile.definition
        let responses = try Self.read(csv, definition: definition)
        guard !responses.isEmpty else { throw CLIError("\(csv) holds no answers: nothing was imported") }
        let store: any Store
        if let existingStore { store = existingStore } else { store = try await database.open(create: true) }
        let target: SessionRecord
        if let existing {
            try await store.append(responses, to: existing)
            target = existing
        } else {
            // The new session and its answers are stored in one transaction: all or nothing.
            target = try await SessionOpener.create(
                in: store, name: session, stem: pollFile.stem, definition: pollFile.definition,
                source: pollFile.source, pace: nil, now: Date(), responses: responses)
        }
        let people = Set(responses.map(\.participant)).count
        say("Imported \(counted(responses.count, "answer")) from \(counted(people, "participant")) into session `\(target.name)` (\(database.shown)).")
    }

    /// Every row of the CSV file checked against `definition`, or every problem printed and
    /// the command failed. The file is mapped, not read: rows are read straight from the page
    /// cache, and the mapping is gone once this returns.
    static func read(_ csv: String, definition: PollDefinition) throws -> [Response] {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: csv), options: .alwaysMapped) else { throw CLIError("cannot read \(csv)") }
        let engine = SessionEngine(definition: definition, control: SessionControl(startOf: definition))
        do {
            return try data.withUnsafeBytes { bytes in
                Result { () throws(CSVImport.Problems) in try CSVImport.responses(from: bytes, engine: engine, now: Date()) }
            }.get()
        } catch {
            for problem in error.list { printError("\(csv):\(problem.line): \(problem.message)") }
            printError("Nothing was imported: \(counted(error.list.count, "problem")).")
            throw ExitCode.failure
        }
    }
}
