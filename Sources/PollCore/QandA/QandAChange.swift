import Foundation

/// One change to a session's Q&A, as stored: the Q&A is the log of its changes, and its
/// state (`QandABoard`) is what applying them in order gives. Every process that reads the
/// same log gets the same board.
public enum QandAChange: Sendable, Hashable, Codable {
    /// A new question (its id is the id the store gives this change). `shown` is false while
    /// it waits for approval. `author` is the asking participant's token (none when relayed);
    /// `name` only when the author typed one.
    case ask(text: String, name: String?, side: QandASide, channel: QandAChannel, author: String?, shown: Bool)
    /// A participant's vote on a question is on (`up`) or taken back.
    case vote(question: Int64, participant: String, up: Bool)
    case approve(Int64)
    case hide(Int64)
    /// A hidden or answered question back to shown.
    case restore(Int64)
    /// "Now answering": its side's clock runs (and any other question being answered is answered).
    case answering(Int64)
    case answered(Int64)
    /// The text corrected (a typo); the first text is kept for the record.
    case edit(Int64, text: String)
    /// A duplicate merged into another question: its voters vote for that one.
    case merge(Int64, into: Int64)

    /// The question the change is about (none for a new question).
    public var question: Int64? {
        switch self {
        case .ask: return nil
        case .vote(let question, _, _): return question
        case .approve(let id), .hide(let id), .restore(let id), .answering(let id), .answered(let id),
             .edit(let id, _), .merge(let id, _): return id
        }
    }

    /// The participant who asked or voted (none for relayed questions and moderation).
    public var participant: String? {
        switch self {
        case .ask(_, _, _, _, let author, _): return author
        case .vote(_, let participant, _): return participant
        default: return nil
        }
    }

    /// The same change about other questions: each question id replaced by `renumber(id)` (a
    /// session copied to another database gets new ids there).
    public func renumbered(_ renumber: (Int64) throws -> Int64) rethrows -> QandAChange {
        switch self {
        case .ask: return self
        case .vote(let question, let participant, let up): return .vote(question: try renumber(question), participant: participant, up: up)
        case .approve(let id): return .approve(try renumber(id))
        case .hide(let id): return .hide(try renumber(id))
        case .restore(let id): return .restore(try renumber(id))
        case .answering(let id): return .answering(try renumber(id))
        case .answered(let id): return .answered(try renumber(id))
        case .edit(let id, let text): return .edit(try renumber(id), text: text)
        case .merge(let id, let into): return .merge(try renumber(id), into: try renumber(into))
        }
    }

    /// A short name of the kind of change (stored beside it, for people reading the database).
    public var kind: String {
        switch self {
        case .ask: return "ask"
        case .vote(_, _, let up): return up ? "vote" : "unvote"
        case .approve: return "approve"
        case .hide: return "hide"
        case .restore: return "restore"
        case .answering: return "answering"
        case .answered: return "answered"
        case .edit: return "edit"
        case .merge: return "merge"
        }
    }
}

/// A stored Q&A change: its id (in the order of the log) and when it was made.
public struct QandARecord: Sendable, Hashable {
    public var id: Int64
    public var change: QandAChange
    public var at: Date

    public init(id: Int64, change: QandAChange, at: Date) {
        self.id = id
        self.change = change
        self.at = at
    }
}
