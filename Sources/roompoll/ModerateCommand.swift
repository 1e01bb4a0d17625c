import ArgumentParser
import ConsoleTerminal
import Foundation
import Intake
import Store

struct ModerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderate",
        abstract: "Moderate a session's audience Q&A from another terminal, while the facilitator runs the polls.",
        discussion: "Opens the Q&A screen alone, in the moderation view: approve, hide and restore questions, type in the ones relayed from a video call's chat, merge duplicates, and mark what is being answered. It works beside `roompoll run` on the same --db (on the same machine, or over ssh): each sees the other's changes within a fraction of a second, through the database. Press ? for every key, q to quit."
    )

    @Argument(help: ArgumentHelp("The session (see `roompoll sessions`).", valueName: "session"))
    var session: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("the moderation screen needs a terminal")
        }
        let store = try await database.open(create: false)
        let record = try await database.session(session, in: store)
        guard record.definition.qa != nil else {
            throw CLIError("session `\(record.name)` runs a poll without Q&A: add `qa: on` to the poll file and start a new session")
        }
        let intake = try await Intake.open(record, in: store)
        let qandA = try await QandADesk.open(record, in: store)
        let inbox = try ConsoleInbox()
        let following = Task { await intake.follow(qandA: qandA, trouble: RunCommand.reportTrouble(to: inbox)) }
        let ending = try await ConsoleSession.run(intake: intake, qandA: qandA, inbox: inbox, moderator: true)
        following.cancel()
        say("Every Q&A change is saved in \(database.shown).")
        try RunCommand.failIfStopped(by: ending)
    }
}
