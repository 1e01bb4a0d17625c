/// A translated poll: its languages, and the poll as shown in one of them. Answers are kept by
/// option, so every language's answers count together; text is only swapped for showing.
extension PollDefinition {
    /// The poll's languages, main first (one language: just the main one, English if unnamed).
    public var allLanguages: [String] { languages ?? [language ?? "en"] }

    /// The main language.
    public var mainLanguage: String { allLanguages[0] }

    /// Whether the poll is given in more than one language.
    public var isTranslated: Bool { allLanguages.count > 1 }

    /// The poll's language that serves `tag` (`fr` for `fr-CA`), if it has one.
    public func language(serving tag: String) -> String? {
        LanguageTag.bestMatch(for: [tag], in: allLanguages)
    }

    /// The poll with its title, event, prompts, options and labels in `tag` (one of its
    /// languages; any other tag gives the poll as it is). For showing only: the copy holds no
    /// translations, and answers are read and written against the poll itself.
    public func translated(to tag: String) -> PollDefinition {
        guard let target = language(serving: tag), target != mainLanguage, let text = translations?[target] else { return self }
        var copy = self
        copy.title = text.title
        copy.event = text.event ?? event
        copy.language = target
        copy.translations = nil
        copy.questions = questions.map { $0.translated(to: target) }
        return copy
    }
}

extension Question {
    /// The question with its prompt and options in `language` when it has them there.
    public func translated(to language: String) -> Question {
        var copy = self
        if let text = translations?[language] {
            copy.ask = text.ask
            if text.options.count == options.count { copy.options = text.options }
        }
        copy.translations = nil
        return copy
    }
}
