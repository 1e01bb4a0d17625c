/// Why the store refused or failed a request.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case sessionExists(String)
    case noSuchSession(String)
    /// Stored data that no longer reads back (e.g. an answer that does not fit its question).
    case corrupt(String)
    /// Another process changed the session's control state since the caller last read it
    /// (its revision moved on): nothing was written; read the session again and retry.
    case controlChanged(current: Int64)
    /// The database file exists but is empty (0 bytes): not a roompoll database.
    case emptyFile(String)
    /// The database was made by a newer roompoll (its schema version is higher than this one knows).
    case newerSchema(found: Int, known: Int)
    /// The database server did not answer in time or the connection failed: the request is not
    /// acknowledged (a write given up at its deadline may still commit; sent again, an answer
    /// supersedes itself).
    case unavailable(String)
    /// The database server refused the request (its own message).
    case refused(String)

    public var description: String {
        switch self {
        case .sessionExists(let name): return "a session named `\(name)` already exists"
        case .noSuchSession(let name): return "no session named `\(name)`"
        case .corrupt(let what): return "the database holds data that cannot be read: \(what)"
        case .controlChanged(let revision): return "the session's control state changed meanwhile (now at revision \(revision))"
        case .emptyFile(let path):
            return "\(path) is an empty file (0 bytes), not a roompoll database: delete it or name another file with --db"
        case .newerSchema(let found, let known):
            return "the database was made by a newer roompoll (schema version \(found); this one knows up to \(known)): upgrade roompoll"
        case .unavailable(let why): return "the database is not reachable: \(why)"
        case .refused(let why): return "the database refused the request: \(why)"
        }
    }
}
