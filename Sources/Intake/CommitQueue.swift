import PollCore

/// Checked answers waiting for the intake's next group commit, each group with whoever waits
/// for it. Kept under a lock outside the actor, so that a waiter is woken where it runs
/// instead of queueing for the actor again.
struct CommitQueue {
    struct Group {
        var responses: [Response]
        /// The intake's engine generation when these answers were checked.
        var checkedAt: Int
        var done: CheckedContinuation<IntakeRefusal?, Never>
    }

    private var groups: [Group] = []
    private var draining = false

    var count: Int { groups.count }

    /// Adds a group; true when no drain is running, so the caller must start one.
    mutating func add(_ group: Group) -> Bool {
        groups.append(group)
        if draining { return false }
        draining = true
        return true
    }

    /// Puts groups that could not be committed yet back at the front, in their order (the
    /// drain that took them goes on).
    mutating func putBack(_ taken: [Group]) {
        groups.insert(contentsOf: taken, at: 0)
    }

    /// Everything waiting now (the drain goes on).
    mutating func takeWaiting() -> [Group] {
        defer { groups = [] }
        return groups
    }

    /// Everything waiting, or nil when nothing is (and the drain ends).
    mutating func takeAll() -> [Group]? {
        guard !groups.isEmpty else {
            draining = false
            return nil
        }
        defer { groups = [] }
        return groups
    }
}
