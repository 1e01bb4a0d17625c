import Synchronization

/// The one answer to a waiting caller, given by whichever comes first (the work, its deadline,
/// or the caller's cancellation); later ones are dropped, and the work is cancelled once the
/// answer is given without it. What the work registers with `onGiveUp` runs then too (closing
/// its connection, so that a transaction not yet committed is rolled back with it).
final class FirstAnswer<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var result: Result<T, any Error>?
        var work: Task<Void, Never>?
        var gaveUp = false
        var actions: [Int: @Sendable () -> Void] = [:]
        var nextAction = 0
    }

    private let state = Mutex(State())

    /// The caller's continuation; resumed at once if the answer came before it.
    func wait(_ continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state -> Result<T, any Error>? in
            if let result = state.result { return result }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func start(_ work: Task<Void, Never>) {
        let done = state.withLock { state in
            state.work = work
            return state.result != nil
        }
        if done { work.cancel() }
    }

    /// Runs `action` if the caller is answered without the work (at once, if it already was);
    /// returns a number to `withdraw` it with once it no longer applies.
    func onGiveUp(_ action: @escaping @Sendable () -> Void) -> Int {
        let (id, now) = state.withLock { state -> (Int, Bool) in
            defer { state.nextAction += 1 }
            if state.gaveUp { return (state.nextAction, true) }
            state.actions[state.nextAction] = action
            return (state.nextAction, false)
        }
        if now { action() }
        return id
    }

    func withdraw(_ id: Int) {
        _ = state.withLock { $0.actions.removeValue(forKey: id) }
    }

    /// Gives the answer, if none was given yet; `byWork` false when it is given without the work.
    func give(_ result: Result<T, any Error>, byWork: Bool) {
        let (continuation, work, actions) = state.withLock { state -> (CheckedContinuation<T, any Error>?, Task<Void, Never>?, [@Sendable () -> Void]) in
            guard state.result == nil else { return (nil, nil, []) }
            state.result = result
            defer { state.continuation = nil; state.actions = [:] }
            if !byWork { state.gaveUp = true }
            return (state.continuation, state.work, byWork ? [] : Array(state.actions.values))
        }
        for action in actions { action() }
        continuation?.resume(with: result)
        work?.cancel()
    }
}
