import Synchronization

/// Where a salvaging read (`report --salvage`, `export --salvage`) lists the rows it could not
/// read and skipped, instead of failing the whole session for one bad row.
public final class SalvageLog: Sendable {
    private let entries = Mutex<[String]>([])

    public init() {}

    /// One skipped row, described for the facilitator (once, however often it is read).
    public func skip(_ what: String) {
        entries.withLock { if !$0.contains(what) { $0.append(what) } }
    }

    /// Everything skipped so far, in the order it was met.
    public var skipped: [String] { entries.withLock { $0 } }
}
