/// What the audience may send to the Q&A, checked before anything is stored.
public enum QandARules {
    /// Characters of a question.
    public static let maxText = 280
    /// Characters of a display name.
    public static let maxName = 40

    /// The question text as stored (cleaned like text answers), or why it cannot be asked.
    public static func text(_ raw: String) -> Result<String, QandAProblem> {
        let text = TextCleaner.clean(raw)
        if text.isEmpty { return .failure(.emptyText) }
        if text.count > maxText { return .failure(.textTooLong(text.count)) }
        return .success(text)
    }

    /// The display name as stored: nil when blank (anonymous), or why it cannot be used.
    public static func name(_ raw: String?) -> Result<String?, QandAProblem> {
        let name = TextCleaner.clean(raw ?? "")
        if name.isEmpty { return .success(nil) }
        if name.count > maxName { return .failure(.nameTooLong(name.count)) }
        return .success(name)
    }
}

/// Why a Q&A question or vote was not taken.
public enum QandAProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The poll has no Q&A (`qa:` is off or missing).
    case off
    case emptyText
    case textTooLong(Int)
    case nameTooLong(Int)
    /// No question with that id is shown to participants (unknown, waiting, hidden).
    case unknownQuestion(Int64)
    /// Neither the poll's place question nor the form says where the participant is.
    case sideUnknown

    public var description: String {
        switch self {
        case .off: return "this poll has no Q&A"
        case .emptyText: return "the question is empty"
        case .textTooLong(let n): return "the question is \(n) characters long; at most \(QandARules.maxText) fit"
        case .nameTooLong(let n): return "the name is \(n) characters long; at most \(QandARules.maxName) fit"
        case .unknownQuestion(let id): return "there is no question \(id) to vote on"
        case .sideUnknown: return "say whether you are in the room or online"
        }
    }
}
