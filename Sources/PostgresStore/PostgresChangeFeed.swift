import Logging
import PostgresNIO
import Store
import Synchronization

/// How a process hears of other processes' commits on PostgreSQL, without polling: every
/// writing transaction sends `NOTIFY roompoll` with the writer's instance id (delivered only
/// once it commits), and one connection per process `LISTEN`s. The change counter counts what
/// other instances sent, plus one for every (re)connection, after which followers catch up by
/// response id: a notification sent while the listener was away is not needed.
///
/// To be exact at the moment it is asked, `counter` sends a marker notification of its own and
/// waits for it: notifications arrive in commit order, so by then everything committed before
/// the question is counted. Markers (its own and other processes') are never counted as changes.
final class PostgresChangeFeed: Sendable {
    static let channel = "roompoll"

    private struct State {
        var counter: Int64 = 0
        var connection: PostgresConnection?
        var lastError = "not connected yet"
        var task: Task<Void, Never>?
        var stopped = false
        var nextMarker: Int64 = 0
        var markers: [Int64: CheckedContinuation<Void, any Error>] = [:]
        var nextSubscriber = 0
        var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
    }

    private let state = Mutex(State())
    /// This store's own id in notifications (its own commits are not others' changes).
    let instance: String
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger

    init(instance: String, configuration: PostgresConnection.Configuration, logger: Logger) {
        self.instance = instance
        self.configuration = configuration
        self.logger = logger
    }

    /// The payload a writing transaction sends.
    func payload(session: Int64) -> String { "\(instance) \(session)" }

    /// The counter, exact as of the call: waits up to `timeout` for the listener to be connected
    /// and for a marker sent through `client` to come back.
    func counter(via client: PostgresClient, timeout: Duration) async throws -> Int64 {
        start()
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while state.withLock({ $0.connection == nil && !$0.stopped }), clock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let marker: Int64? = state.withLock { state in
            guard state.connection != nil else { return nil }
            defer { state.nextMarker += 1 }
            return state.nextMarker
        }
        guard let marker else { throw StoreError.unavailable("not listening for changes (\(state.withLock { $0.lastError }))") }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
                state.withLock { $0.markers[marker] = waiter }
                Task {
                    do {
                        try await client.query("SELECT pg_notify(\(Self.channel), \("\(instance) mark \(marker)"))")
                    } catch {
                        state.withLock { $0.markers.removeValue(forKey: marker) }?.resume(throwing: error)
                    }
                }
            }
        } onCancel: {
            // Given up on (its deadline passed): the listening connection may be half-open, a
            // marker sent but never heard. Drop it; the listener reconnects and catches up.
            let (waiter, connection) = state.withLock { ($0.markers.removeValue(forKey: marker), $0.connection) }
            waiter?.resume(throwing: CancellationError())
            connection?.close().whenComplete { _ in }
        }
        return state.withLock { $0.counter }
    }

    /// A signal on every change another instance committed and on every reconnection, and at
    /// least every `fallback`.
    func signals(fallback: Duration) -> AsyncStream<Void> {
        start()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            defer { state.nextSubscriber += 1 }
            state.subscribers[state.nextSubscriber] = continuation
            return state.nextSubscriber
        }
        let timer = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: fallback)
                continuation.yield()
            }
        }
        continuation.onTermination = { [weak self] _ in
            timer.cancel()
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Stops listening for good (the store is going away).
    func stop() {
        let (task, connection, waiters, subscribers) = state.withLock { state in
            state.stopped = true
            defer { state.markers = [:]; state.subscribers = [:] }
            return (state.task, state.connection, Array(state.markers.values), Array(state.subscribers.values))
        }
        task?.cancel()
        connection?.close().whenComplete { _ in }
        for waiter in waiters { waiter.resume(throwing: StoreError.unavailable("the store was closed")) }
        for subscriber in subscribers { subscriber.finish() }
    }

    private func start() {
        state.withLock { state in
            guard state.task == nil, !state.stopped else { return }
            state.task = Task { await self.listen() }
        }
    }

    /// Listens until stopped, reconnecting half a second after a lost connection.
    private func listen() async {
        while !state.withLock({ $0.stopped }) {
            var connection: PostgresConnection?
            var why = "the listening connection ended"
            do {
                let opened = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                connection = opened
                try await opened.listen(on: Self.channel) { notifications in
                    connected(opened)
                    for try await notification in notifications { heard(notification.payload) }
                }
            } catch {
                why = PostgresFailure.describe(error)
            }
            // Closed before it is let go (postgres-nio insists, and the server is told).
            try? await connection?.close()
            disconnected(why)
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    private func connected(_ connection: PostgresConnection) {
        let subscribers = state.withLock { state in
            state.connection = connection
            state.counter += 1   // whatever was missed meanwhile: look again
            return Array(state.subscribers.values)
        }
        if state.withLock({ $0.stopped }) { connection.close().whenComplete { _ in } }
        for subscriber in subscribers { subscriber.yield() }
    }

    private func disconnected(_ why: String) {
        let waiters = state.withLock { state in
            state.connection = nil
            state.lastError = why
            defer { state.markers = [:] }
            return Array(state.markers.values)
        }
        for waiter in waiters { waiter.resume(throwing: StoreError.unavailable(why)) }
    }

    private func heard(_ payload: String) {
        let parts = payload.split(separator: " ", maxSplits: 2)
        // A marker is nobody's change: its sender's own, or another process asking the same.
        if parts.count == 3, parts[1] == "mark" {
            if parts[0] == instance, let marker = Int64(parts[2]) {
                state.withLock { $0.markers.removeValue(forKey: marker) }?.resume()
            }
            return
        }
        if parts.first.map(String.init) == instance { return }   // this process's own commit
        let subscribers = state.withLock { state in
            state.counter += 1
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.yield() }
    }
}
