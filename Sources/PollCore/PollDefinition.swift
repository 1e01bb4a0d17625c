/// A poll as read from its file: title, rounds, pace and questions.
public struct PollDefinition: Sendable, Hashable, Codable {
    public var title: String
    public var event: String?
    /// The language of the poll's text (BCP 47, e.g. `en`, `ar`, `zh-Hans`), for the
    /// participants' page; nil: English.
    public var language: String?
    /// A translated poll's languages, the main one (`language`) first; nil: one language.
    public var languages: [String]?
    /// The title and event line in the other languages, by language tag.
    public var translations: [String: PollText]?
    /// The rounds in order; `[opening, closing]` unless the file names others.
    public var rounds: [String]
    public var pace: Pace
    public var questions: [Question]
    /// The audience Q&A, when the poll has it on (`qa:`).
    public var qa: QandASettings?
    /// The session's agenda: its parts with their planned minutes (`agenda:`); empty: none.
    public var agenda: [AgendaPart]?
    /// `results-on-phones: false` keeps revealed results off participants' pages (nil: shown).
    public var resultsOnPhones: Bool?

    /// Whether participants' pages show what the wall reveals.
    public var showsResultsOnPhones: Bool { resultsOnPhones ?? true }

    public init(title: String, event: String? = nil, language: String? = nil, rounds: [String] = Self.defaultRounds,
                pace: Pace = .audience, questions: [Question], qa: QandASettings? = nil) {
        self.title = title
        self.event = event
        self.language = language
        self.rounds = rounds
        self.pace = pace
        self.questions = questions
        self.qa = qa
    }

    public static let defaultRounds = ["opening", "closing"]

    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// The questions asked in `round`, in file order.
    public func questions(in round: String) -> [Question] {
        questions.filter { $0.isAsked(in: round) }
    }
}
