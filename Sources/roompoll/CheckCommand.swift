import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check poll files: prints `ok` for each good file, every problem as file:line:column: message.",
        discussion: "Exits with status 1 if any file has a problem. Nothing is stored."
    )

    @Argument(help: ArgumentHelp("Poll files (YAML).", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one poll file, e.g. roompoll check polls/*.yaml") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                _ = try PollFile.load(file)
                say("\(file): ok")
            } catch {
                failed = true
                printError(error.text)
            }
        }
        if failed { throw ExitCode.failure }
    }
}
