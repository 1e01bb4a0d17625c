import ArgumentParser
import Foundation
import Intake
import Store

/// `roompoll copy`: a session with everything it holds, from one database to another.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a session with every answer to another database (e.g. from a laptop's SQLite file to the conference's PostgreSQL).",
        discussion: """
            Copies every response (superseded ones too, so the audit trail survives), the hand counts, the Q&A and the \
            session's state (which round is open), in one transaction: all of it or nothing. The join code is kept unless \
            another session there has it; participants' tokens stay valid. A session of the same name there is never \
            overwritten: name the copy with --as. The copy is read back and compared before the command says it is done.
            Example: roompoll copy workshop-2026-12-05 --from roompoll.sqlite --to postgres://roompoll@db.example.org/conference
            """
    )

    @Argument(help: "The session to copy.")
    var session: String

    @Option(help: ArgumentHelp("The database it is in: an SQLite file or a PostgreSQL URL.", valueName: "path-or-url"))
    var from: String

    @Option(help: ArgumentHelp("The database to copy it to: an SQLite file (created if missing) or a PostgreSQL URL.", valueName: "path-or-url"))
    var to: String

    @Option(name: .customLong("as"), help: ArgumentHelp("The copy's name there (default: the same name).", valueName: "name"))
    var newName: String?

    func validate() throws {
        if let newName { try SessionOpener.validate(name: newName) }
    }

    func run() async throws {
        let source = try await DatabaseOptions.open(from, create: false)
        let record = try await DatabaseOptions.session(session, in: source, shown: DatabaseOptions.shown(from))
        let name = newName ?? session
        let copy = try await SessionCopy.read(record, from: source, as: name)
        let target = try await DatabaseOptions.open(to, create: true)
        let copied: SessionRecord
        do {
            copied = try await target.copySession(copy)
        } catch StoreError.sessionExists {
            throw CLIError("\(DatabaseOptions.shown(to)) already has a session named `\(name)`: nothing was copied. Name the copy with --as NEW-NAME.")
        }
        let differences = try await copy.differences(from: copied, in: target)
        guard differences.isEmpty else {
            throw CLIError("the copy `\(name)` in \(DatabaseOptions.shown(to)) does not match the original: " + differences.joined(separator: "; "))
        }
        let code = copied.joinCode == record.joinCode ? "join code \(copied.joinCode) kept" : "new join code \(copied.joinCode) (\(record.joinCode) is taken there)"
        say("Copied `\(session)` to \(DatabaseOptions.shown(to))\(name == session ? "" : " as `\(name)`"): "
            + "\(counted(copy.responses.count, "response")), \(counted(copy.hands.count, "hand count")), "
            + "\(counted(copy.qanda.count, "Q&A change")); checked; \(code).")
    }
}
