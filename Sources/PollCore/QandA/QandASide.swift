/// Which half of a hybrid audience a Q&A question comes from.
public enum QandASide: String, Sendable, Hashable, Codable, CaseIterable {
    case room
    case online

    /// How people read it: "in the room", "online".
    public var label: String { self == .room ? "in the room" : "online" }
    /// A column heading: "In the room", "Online".
    public var heading: String { self == .room ? "In the room" : "Online" }
    public var other: QandASide { self == .room ? .online : .room }
}

/// How a Q&A question reached the session.
public enum QandAChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Asked by a participant on the page or through the API.
    case web
    /// Typed in by the facilitator or a moderator (from a video call's chat, from a card).
    case relayed
}

/// Where a Q&A question stands.
public enum QandAState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for approval (moderation on): only its author and the moderators see it.
    case waiting
    /// Approved: on the wall and on every participant's list, taking votes.
    case shown
    /// Being answered now: its side's clock runs.
    case answering
    case answered
    /// Not shown (its author sees only that).
    case hidden
    /// Merged into another question as a duplicate: its votes went there.
    case merged

    /// What the question's author reads about it.
    public var forAuthor: String {
        switch self {
        case .waiting: return "waiting for approval"
        case .shown: return "shown"
        case .answering: return "being answered now"
        case .answered: return "answered"
        case .hidden: return "not shown"
        case .merged: return "merged with a similar question"
        }
    }

    /// Whether everyone may see it (the wall, participants' lists, votes).
    public var isPublic: Bool { self == .shown || self == .answering || self == .answered }
}
