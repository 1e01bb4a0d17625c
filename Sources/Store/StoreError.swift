/// Why the store refused or failed a request.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case sessionExists(String)
    case noSuchSession(String)
    /// Stored data that no longer reads back (e.g. an answer that does not fit its question).
    case corrupt(String)

    public var description: String {
        switch self {
        case .sessionExists(let name): return "a session named `\(name)` already exists"
        case .noSuchSession(let name): return "no session named `\(name)`"
        case .corrupt(let what): return "the database holds data that cannot be read: \(what)"
        }
    }
}
