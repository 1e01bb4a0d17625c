import Store

/// How a process follows what other processes commit to the store.
enum StoreFollower {
    /// Calls `refresh` whenever the store's change counter moves, until the task is
    /// cancelled. It looks when the store signals that something may have changed (for
    /// SQLite, when its files are written: idle, this costs nothing; for PostgreSQL, a
    /// notification), for SQLite again 20 ms and `interval` later — a commit's files are
    /// written before the commit can be seen, so the first look may come too early — and at
    /// least every two seconds. A look asks the change counter
    /// and refreshes only when it moved. `trouble` hears when looking starts failing (with
    /// the error) and when it works again (nil), once each time, so that a console can say
    /// so instead of silently showing stale counts.
    static func follow(_ store: any Store, every interval: Duration, trouble: @escaping @Sendable (String?) -> Void,
                       refresh: @escaping @Sendable () async throws -> Void) async {
        var failing: String?
        var seen: Int64?
        func look() async {
            do {
                let counter = try await store.changeCounter()
                if counter != seen {
                    try await refresh()
                    seen = counter
                }
                if failing != nil { trouble(nil) }
                failing = nil
            } catch {
                let text = String(describing: error)
                if text != failing { trouble(text) }
                failing = text
            }
        }
        let signals = store.changeSignals(fallback: .seconds(2))
        var waiting = signals.makeAsyncIterator()
        repeat {
            await look()
            // A signal that may come before the commit is visible (SQLite's file events) is
            // followed by two more looks; a notification sent at commit needs none.
            if !store.signalsAfterCommit {
                let soon = min(interval, .milliseconds(20))
                try? await Task.sleep(for: soon)
                await look()
                try? await Task.sleep(for: interval - soon)
                await look()
            }
        } while await waiting.next() != nil && !Task.isCancelled
        // An AsyncStream ends when the stream itself goes away, even while its iterator is in
        // use: keep it until the loop is done (in a release build it would go at once).
        withExtendedLifetime(signals) {}
    }
}
