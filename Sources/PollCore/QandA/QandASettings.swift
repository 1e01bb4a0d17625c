/// How a poll runs its audience Q&A (poll key `qa:`).
public struct QandASettings: Sendable, Hashable, Codable {
    /// New questions wait for a facilitator or moderator to approve them (`moderation: on`,
    /// the default); off, they show at once.
    public var moderation: Bool
    /// The poll's question that says where a participant is, and which of its options means
    /// "in the room"; without one, the Q&A form asks once.
    public var place: Place?

    public struct Place: Sendable, Hashable, Codable {
        /// A single-choice segment question's id.
        public var question: String
        /// The 0-based index of its option that means "in the room"; every other is online.
        public var roomOption: Int

        public init(question: String, roomOption: Int) {
            self.question = question
            self.roomOption = roomOption
        }
    }

    public init(moderation: Bool = true, place: Place? = nil) {
        self.moderation = moderation
        self.place = place
    }

    /// Where a participant is, from their answer to the place question, if they gave one.
    public func side(from answer: Answer?) -> QandASide? {
        guard place != nil, case .choice(let index) = answer else { return nil }
        return index == place?.roomOption ? .room : .online
    }
}
