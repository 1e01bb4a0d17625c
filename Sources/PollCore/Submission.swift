import Foundation

/// An answer as it arrives from a channel, before the engine has checked it.
public struct Submission: Sendable, Hashable {
    public var participant: String
    public var question: String
    /// The round the participant is answering; `nil` means the open round.
    public var round: String?
    public var answer: SubmittedAnswer
    public var channel: Channel
    public var receivedAt: Date
    /// The language the participant answered in (see `Response.language`).
    public var language: String?

    public init(participant: String, question: String, round: String? = nil, answer: SubmittedAnswer,
                channel: Channel, receivedAt: Date, language: String? = nil) {
        self.participant = participant
        self.question = question
        self.round = round
        self.answer = answer
        self.channel = channel
        self.receivedAt = receivedAt
        self.language = language
    }
}

/// An answer either in its text form (import encoding) or already structured.
public enum SubmittedAnswer: Sendable, Hashable {
    case encoded(String)
    case value(Answer)
}

/// How a response arrived.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case web
    case kiosk
    /// Aggregate counts typed in by the facilitator after a show of hands; never paired.
    case hands
    case `import`
}
