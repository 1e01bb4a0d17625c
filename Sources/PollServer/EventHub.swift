import Foundation
import Synchronization

/// Fans session changes out to every open Server-Sent Events stream.
final class EventHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<String>.Continuation]>([:])

    /// A stream of SSE frames; ends when the client goes away.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    /// Sends one event to every subscriber.
    func publish(event: String, data: String) {
        let frame = "event: \(event)\ndata: \(data)\n\n"
        subscribers.withLock { for continuation in $0.values { continuation.yield(frame) } }
    }

    /// Sends a comment line to every stream every `interval`, so proxies and browsers keep
    /// quiet connections open. Runs until cancelled.
    func keepAlive(every interval: Duration = .seconds(15)) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            subscribers.withLock { for continuation in $0.values { continuation.yield(": keep-alive\n\n") } }
        }
    }
}
