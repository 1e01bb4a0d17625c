import ArgumentParser
import PollCore
import Store

struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the sessions in the database: name, poll, created, participants per round.",
        discussion: "--details shows what is stored of each session: participants (tokens, or the ids of an imported file), answers (current and replaced), show-of-hands counts, Q&A questions and entries, and the times of the first and the last of them (an imported answer keeps the time it was given). `roompoll delete` removes a session and all of it."
    )

    @Flag(help: "Show what is stored of each session, and when.")
    var details = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await database.open(create: false)
        let sessions = try await store.sessionSummaries()
        guard !sessions.isEmpty else {
            say("No sessions in \(database.shown) yet. Try `roompoll demo --db \(database.shown)` or `roompoll import`.")
            return
        }
        guard !details else {
            say(sessions.map(Self.details).joined(separator: "\n\n"))
            return
        }
        let rows = sessions.map { summary in
            [summary.name, summary.pollTitle, Timestamp.format(summary.createdAt),
             summary.participants.map { "\($0.round) \($0.count)" }.joined(separator: ", ")]
        }
        say(Table(header: ["SESSION", "POLL", "CREATED", "PARTICIPANTS"], rows: rows, maxWidths: [40, 44, 24, 40]).text)
    }

    /// A session's lines for `--details` (and for `delete`, before it asks).
    static func details(_ summary: SessionSummary) -> String {
        "\(summary.name) · \(summary.pollTitle)\n" + storedLines(summary).map { "  " + $0 }.joined(separator: "\n")
    }

    /// "created …; data from … to …" and "54 participants · 820 answers (760 current, 60 replaced) · …".
    static func storedLines(_ summary: SessionSummary) -> [String] {
        let stored = summary.stored
        var when = "created \(Timestamp.format(summary.createdAt))"
        if let first = stored.first, let last = stored.last {
            when += "; data from \(Timestamp.format(first)) to \(Timestamp.format(last))"
        }
        var what = [counted(stored.participants, "participant"),
                    counted(stored.responses, "answer") + " (\(stored.currentResponses) current, \(stored.responses - stored.currentResponses) replaced)"]
        what.append(counted(stored.handCounts, "show-of-hands count"))
        what.append("Q&A: " + counted(stored.qandAQuestions, "question") + ", " + "\(stored.qandAEntries) \(stored.qandAEntries == 1 ? "entry" : "entries")")
        var lines = [when, what.joined(separator: " · ")]
        if let open = summary.openRound {
            lines.append("its \(open) round is still open: a console or server may still be taking answers")
        }
        return lines
    }
}
