import ArgumentParser
import PollCore
import Store

struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the sessions in the database: name, poll, created, participants per round."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await database.open(create: false)
        let sessions = try await store.sessionSummaries()
        guard !sessions.isEmpty else {
            say("No sessions in \(database.shown) yet. Try `roompoll demo --db \(database.shown)` or `roompoll import`.")
            return
        }
        let rows = sessions.map { summary in
            [summary.name, summary.pollTitle, Timestamp.format(summary.createdAt),
             summary.participants.map { "\($0.round) \($0.count)" }.joined(separator: ", ")]
        }
        say(Table(header: ["SESSION", "POLL", "CREATED", "PARTICIPANTS"], rows: rows, maxWidths: [40, 44, 24, 40]).text)
    }
}
