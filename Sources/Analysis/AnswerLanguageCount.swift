import PollCore

/// How many of a round's answers came in one language (a translated poll): participants
/// answer the same questions in theirs, and every language's answers are counted together.
public struct AnswerLanguageCount: Sendable, Hashable {
    public var round: String
    /// nil: not recorded (imports without a `language` column, hand counts, older sessions).
    public var language: String?
    public var answers: Int
    /// Participants who gave at least one of these answers.
    public var participants: Int

    public init(round: String, language: String?, answers: Int, participants: Int) {
        self.round = round
        self.language = language
        self.answers = answers
        self.participants = participants
    }

    /// The current `responses` counted by round (in `rounds` order) and language (the poll's
    /// order, then any other, then unrecorded).
    public static func count(_ responses: [Response], rounds: [String], languages: [String]) -> [AnswerLanguageCount] {
        struct Key: Hashable { var round: String; var language: String? }
        var answers: [Key: Int] = [:]
        var people: [Key: Set<String>] = [:]
        for response in responses {
            let key = Key(round: response.round, language: response.language)
            answers[key, default: 0] += 1
            people[key, default: []].insert(response.participant)
        }
        func rank(_ language: String?) -> (Int, String) {
            guard let language else { return (languages.count + 1, "") }
            return (languages.firstIndex(of: language) ?? languages.count, language)
        }
        return answers.keys.sorted {
            ((rounds.firstIndex(of: $0.round) ?? rounds.count), rank($0.language).0, rank($0.language).1)
                < ((rounds.firstIndex(of: $1.round) ?? rounds.count), rank($1.language).0, rank($1.language).1)
        }.map { AnswerLanguageCount(round: $0.round, language: $0.language, answers: answers[$0] ?? 0, participants: people[$0]?.count ?? 0) }
    }
}
