import PollCore

/// A kiosk voter's walk through the open round at the room terminal.
public struct KioskState: Sendable, Hashable {
    public indirect enum Step: Sendable, Hashable {
        /// Waiting for the next voter; after the first round they may type their voter code.
        case welcome(typed: String, error: String?)
        /// The new voter's code, shown before the first question.
        case showCode
        /// Answering the question at `index` of `questions`.
        case question(index: Int)
        /// All questions done (the thanks shows once every answer is stored).
        case thanks
        /// The facilitator pressed Ctrl-X: leave kiosk mode?
        case confirmLeave(returnTo: Step)
    }

    public var round: String
    /// The ids of the open round's questions, in order.
    public var questions: [String]
    public var step: Step = .welcome(typed: "", error: nil)
    public var voterCode: String?
    public var draft = KioskDraft()
    /// A problem with the current answer (e.g. too many choices), shown under it.
    public var problem: String?
    /// How many voters finished in this kiosk run.
    public var voters = 0
    /// Questions whose answers were sent to the store and not yet confirmed. The voter moves
    /// on at once; the thanks screen waits until this is empty.
    public var pending: Set<String> = []
    /// How many answers the current voter gave.
    public var answered = 0

    public init(round: String, questions: [String]) {
        self.round = round
        self.questions = questions
    }

    static let tokenPrefix = "kiosk-"

    /// The participant token a kiosk voter code stands for.
    public static func token(for code: String) -> String { tokenPrefix + code }

    /// The voter code behind a kiosk participant token, if it is one.
    public static func code(fromToken token: String) -> String? {
        token.hasPrefix(tokenPrefix) ? String(token.dropFirst(tokenPrefix.count)) : nil
    }
}

/// The answer a kiosk voter is composing.
public struct KioskDraft: Sendable, Hashable {
    /// The highlighted option (choice kinds, ranking).
    public var cursor = 0
    /// `multi`: chosen options.
    public var chosen: Set<Int> = []
    /// `scale`: the chosen value.
    public var value: Int?
    /// `ranking`: the current order, and whether the highlighted item is picked up.
    public var order: [Int] = []
    public var grabbed = false
    /// `words`, `text`, and a typed scale value.
    public var typed = ""
    /// `single`/`likert`: whether an option was chosen (not just highlighted).
    public var picked = false
    /// `ranking`: whether the voter moved anything (the listed order is not an answer).
    public var touched = false

    public init() {}

    public init(for question: Question) {
        self.init()
        if question.kind == .ranking { order = Array(question.options.indices) }
    }
}
