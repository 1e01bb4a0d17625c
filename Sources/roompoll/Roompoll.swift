import ArgumentParser

/// The `roompoll` command: parses arguments and wires the modules together.
@main
struct Roompoll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roompoll",
        abstract: "Before/after audience polling for workshops: ask the key questions at the start and at the end, and see how the room's views moved.",
        discussion: "Polls are YAML files (see polls/ and the README). Answers are stored in a SQLite file (--db, default roompoll.sqlite in the current folder); nothing leaves the machine unless you export it.",
        subcommands: [DemoCommand.self, RunCommand.self, ServeCommand.self, CheckCommand.self, ImportCommand.self, SessionsCommand.self,
                      ReportCommand.self, ExportCommand.self]
    )
}
