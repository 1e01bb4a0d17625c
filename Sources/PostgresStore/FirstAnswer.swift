import Synchronization

/// The one answer to a waiting caller, given by whichever comes first (the work, its deadline,
/// or the caller's cancellation); later ones are dropped, and the work is cancelled once the
/// answer is given without it.
final class FirstAnswer<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var result: Result<T, any Error>?
        var work: Task<Void, Never>?
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

    /// Gives the answer, if none was given yet.
    func give(_ result: Result<T, any Error>) {
        let (continuation, work) = state.withLock { state -> (CheckedContinuation<T, any Error>?, Task<Void, Never>?) in
            guard state.result == nil else { return (nil, nil) }
            state.result = result
            defer { state.continuation = nil }
            return (state.continuation, state.work)
        }
        continuation?.resume(with: result)
        work?.cancel()
    }
}
