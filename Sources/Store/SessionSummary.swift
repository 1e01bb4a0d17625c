import Foundation

/// One line of `roompoll sessions`: a session and how many took part in each round.
public struct SessionSummary: Sendable, Hashable {
    public var name: String
    public var pollTitle: String
    public var createdAt: Date
    /// Participants who answered at least one question, per round, in the poll's round order.
    public var participants: [RoundCount]
    /// What is stored of it.
    public var stored: StoredAmounts
    /// The round open now, if any (a console or server may still be taking answers).
    public var openRound: String?

    /// How many participants answered in one round.
    public struct RoundCount: Sendable, Hashable {
        public var round: String
        public var count: Int

        public init(round: String, count: Int) {
            self.round = round
            self.count = count
        }
    }

    public init(name: String, pollTitle: String, createdAt: Date, participants: [RoundCount], stored: StoredAmounts = StoredAmounts(),
                openRound: String? = nil) {
        self.openRound = openRound
        self.name = name
        self.pollTitle = pollTitle
        self.createdAt = createdAt
        self.participants = participants
        self.stored = stored
    }
}
