import ArgumentParser
import Foundation

/// `roompoll new`: writes a commented poll file from a template, never over an existing file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new poll file to start from, from a template (--list shows them).",
        discussion: """
            Templates: \(PollTemplate.all.map { "\($0.name) — \($0.summary)" }.joined(separator: "; ")). The file's \
            comments explain every key it uses; it passes `roompoll check` as it is. An existing file is never overwritten. \
            Example: roompoll new training polls/my-training.yaml
            """
    )

    @Argument(help: ArgumentHelp("The template: \(PollTemplate.all.map(\.name).joined(separator: ", ")) (default: workshop).",
                                 valueName: "template"),
              completion: .list(PollTemplate.all.map(\.name)))
    var template: String = PollTemplate.all[0].name

    @Argument(help: ArgumentHelp("The file to write (default: TEMPLATE.yaml; - writes to standard output).", valueName: "file"),
              completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    @Flag(help: "List the templates.")
    var list = false

    /// `roompoll new my-poll.yaml` (or `-`): a file with the default template.
    var fileOnly: Bool {
        file == nil && PollTemplate.named(template) == nil && (template == "-" || template.hasSuffix(".yaml") || template.hasSuffix(".yml"))
    }

    func validate() throws {
        guard list || fileOnly || PollTemplate.named(template) != nil else {
            throw ValidationError("no template named `\(template)`: choose \(PollTemplate.all.map(\.name).joined(separator: ", ")) "
                                  + "(a file name ends in .yaml: roompoll new [TEMPLATE] FILE.yaml)")
        }
    }

    func run() throws {
        if list {
            say(PollTemplate.all.map { $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))
            return
        }
        let chosen = fileOnly ? PollTemplate.all[0] : PollTemplate.named(template)!
        let path = fileOnly ? template : file ?? "\(chosen.name).yaml"
        guard path != "-" else {
            try write(chosen.text, to: nil)
            return
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CLIError("\(path) already exists: roompoll new never overwrites a file (name another one)")
        }
        // Created only if it does not exist yet (O_EXCL), even if another process made it meanwhile.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(chosen.text.utf8))
        } catch {
            throw CLIError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
        say("Wrote \(path) from the `\(chosen.name)` template. Edit it, check it with `roompoll check \(path)`, run it with `roompoll run \(path)`.")
    }
}
