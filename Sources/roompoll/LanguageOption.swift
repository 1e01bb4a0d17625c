import ArgumentParser
import PollCore

/// `--language TAG`: a report or export in one of a translated poll's languages instead of its
/// main one (answers are counted by option, so only the words change).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("language"),
            help: ArgumentHelp("Write the poll's text in this one of its languages (default: its main language), e.g. fr.",
                               valueName: "tag"))
    var tag: String?

    /// The language of `poll` to write in: the one asked for, or nil for the main one.
    /// Refuses a language the poll does not have, naming the ones it has.
    func language(of poll: PollDefinition, session: String) throws -> String? {
        guard let tag else { return nil }
        guard let language = poll.language(serving: tag) else {
            throw CLIError("session \(session)'s poll is not in `\(tag)`: its languages are \(poll.allLanguages.joined(separator: ", "))")
        }
        return language
    }
}
