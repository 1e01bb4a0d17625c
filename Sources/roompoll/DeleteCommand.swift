import ArgumentParser
import Foundation
import PollCore
import Store

/// `roompoll delete`: removes sessions and everything stored of them, after asking.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete sessions and everything stored of them (participants, answers, hand counts, Q&A).",
        discussion: """
            Names the sessions and what is stored of each, then asks before deleting (--yes does not ask). With an SQLite \
            file, the deleted data is overwritten and the file rebuilt and its write-ahead log emptied, so the answers cannot \
            be read back from the file; if another process is reading the database at that moment so that its log cannot be \
            emptied, the command says so and exits with status 1: the last process to close the database writes the change out. With \
            PostgreSQL the rows are deleted and the tables vacuumed, but the server keeps old bytes in its files until it \
            reuses the space. Stop the console and servers of a session before deleting it.
            Examples: roompoll delete kigali-2026 · roompoll delete --older-than 30d --yes (for a daily retention job)
            """
    )

    @Argument(help: "The sessions to delete.")
    var sessions: [String] = []

    @Option(name: .customLong("older-than"), help: ArgumentHelp("Delete every session whose last activity (its last stored answer, hand count or Q&A entry, else its creation) is older than this: 30d, 6w, 12h.", valueName: "age"))
    var olderThan: RetentionAge?

    @Flag(help: "Do not ask before deleting.")
    var yes = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard sessions.isEmpty != (olderThan == nil) else {
            throw ValidationError(sessions.isEmpty ? "name the sessions to delete, or give --older-than AGE"
                                  : "name sessions or give --older-than, not both")
        }
    }

    func run() async throws {
        let store = try await database.open(create: false)
        let all = try await store.sessionSummaries()
        let doomed: [SessionSummary]
        if let olderThan {
            let cutoff = Date().addingTimeInterval(-olderThan.seconds)
            doomed = all.filter { $0.stored.lastActivity(createdAt: $0.createdAt) < cutoff }
            guard !doomed.isEmpty else {
                say("No session in \(database.shown) has been inactive for more than \(olderThan.text).")
                return
            }
        } else {
            var seen: Set<String> = []
            doomed = try sessions.filter { seen.insert($0).inserted }.map { name in
                guard let summary = all.first(where: { $0.name == name }) else {
                    throw CLIError("no session named `\(name)` in \(database.shown) (\(all.isEmpty ? "it has none" : "it has " + all.map(\.name).joined(separator: ", ")))")
                }
                return summary
            }
        }
        say("In \(database.shown):\n" + doomed.map(SessionsCommand.details).joined(separator: "\n"))
        if doomed.contains(where: { $0.openRound != nil }) {
            say("A session with an open round may still be running: stop its console and servers first, or their answers are refused from then on.")
        }
        if !yes {
            say("Delete \(doomed.count == 1 ? "this session" : "these \(doomed.count) sessions") and everything stored of \(doomed.count == 1 ? "it" : "them")? This cannot be undone. Type yes to delete: ", terminator: "")
            guard let answer = readLine() else {
                say("")
                throw CLIError("nothing deleted")
            }
            guard ["yes", "y"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else { throw CLIError("nothing deleted") }
        }
        var lingering = false
        for summary in doomed {
            let scrubbed = try await store.deleteSession(named: summary.name)
            say("Deleted \(summary.name).")
            lingering = lingering || (!scrubbed && !database.isPostgres)
        }
        if database.isPostgres {
            say("PostgreSQL frees the space for reuse; until it overwrites it, old bytes stay in the server's data files and logs.")
        }
        if lingering {
            throw CLIError("another process was reading \(database.shown), so the deleted data is not yet overwritten in the file: "
                           + "it will be once no process is reading (the last process to close the database writes the change out)")
        }
    }
}
