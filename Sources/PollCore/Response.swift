import Foundation

/// One accepted answer by one participant to one question in one round.
public struct Response: Sendable, Hashable {
    /// The participant's per-session token.
    public var participant: String
    public var round: String
    public var question: String
    public var answer: Answer
    public var channel: Channel
    public var receivedAt: Date
    /// The language of the page or screen the answer was given on (a translated poll's
    /// participants answer in theirs); nil when not known (imports, hand counts, older sessions).
    public var language: String?

    public init(participant: String, round: String, question: String, answer: Answer, channel: Channel, receivedAt: Date,
                language: String? = nil) {
        self.participant = participant
        self.round = round
        self.question = question
        self.answer = answer
        self.channel = channel
        self.receivedAt = receivedAt
        self.language = language
    }
}
