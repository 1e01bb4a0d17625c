import ArgumentParser
import Foundation

/// The `roompoll` command: parses arguments and wires the modules together.
@main
struct Roompoll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roompoll",
        abstract: "Before/after audience polling for workshops: ask the key questions at the start and at the end, and see how the room's views moved.",
        discussion: "Polls are YAML files (see polls/ and the README; `roompoll new` writes one to start from). Answers are stored in a SQLite file (--db, default roompoll.sqlite in the current folder, or $ROOMPOLL_DB), or in a PostgreSQL database named by URL (--db postgres://user@host/database) for several servers at a conference; nothing leaves the machine unless you export it or name a database elsewhere.",
        version: RoompollVersion.text,
        subcommands: [DemoCommand.self, NewCommand.self, RunCommand.self, ServeCommand.self, ModerateCommand.self, CheckCommand.self, ImportCommand.self, SessionsCommand.self, DeleteCommand.self, CopyCommand.self,
                      ReportCommand.self, ExportCommand.self]
    )

    /// Runs the command; every message it ends with (an error, or help) is printed through
    /// `say`/`printError`, so a poll title or answer inside one can never carry terminal escapes.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { say(message) } else { printError(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
