import Foundation
import Synchronization

/// Fans session changes out to every open Server-Sent Events stream, within quotas: live
/// streams hold their connections for as long as a page is open, so there may be at most
/// `total` of them (fewer than the server's connections, so ordinary requests always have
/// room) and at most `perAddress` from one address.
final class EventHub: Sendable {
    private struct Subscribers {
        var streams: [UUID: AsyncStream<String>.Continuation] = [:]
        /// Open streams by the hash of their client's address (no address is kept).
        var perAddress: [Int: Int] = [:]
        /// Whose page each stream feeds (streams without a participant — the wall page, API
        /// clients — are not here), and how many streams each participant has open.
        var owners: [UUID: String] = [:]
        var perParticipant: [String: Int] = [:]
        var participants: Int { perParticipant.count }
    }

    private let subscribers = Mutex(Subscribers())
    let total: Int
    let perAddress: Int
    /// Hears how many participants have a live page open whenever that changes (who is here:
    /// a participant with two tabs, or a page just left for the next one, counts once; wall
    /// pages are not participants). Called under the hub's lock: it must only hand the number on.
    let onCount: @Sendable (Int) -> Void

    init(total: Int, perAddress: Int, onCount: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.total = total
        self.perAddress = perAddress
        self.onCount = onCount
    }

    /// A stream of SSE frames for a client at `address`, or nil when a quota is full. The
    /// stream's place is freed when it ends or is dropped unread. `participant`: whose page it
    /// feeds (nil: a wall page or an API client, which take a place but are not counted).
    func subscribe(from address: String, participant: String? = nil) -> AsyncStream<String>? {
        let id = UUID(), address = address.hashValue
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        // The count is told under the lock, and only when it changed, so that two pages opening
        // or closing at once can never leave an older count on the console.
        let admitted = subscribers.withLock { state -> Bool in
            guard state.streams.count < total, state.perAddress[address, default: 0] < perAddress else { return false }
            state.streams[id] = continuation
            state.perAddress[address, default: 0] += 1
            if let participant {
                state.owners[id] = participant
                state.perParticipant[participant, default: 0] += 1
                if state.perParticipant[participant] == 1 { onCount(state.participants) }
            }
            return true
        }
        guard admitted else { return nil }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.subscribers.withLock { state in
                guard state.streams.removeValue(forKey: id) != nil else { return }
                state.perAddress[address, default: 1] -= 1
                if state.perAddress[address] == 0 { state.perAddress[address] = nil }
                if let participant = state.owners.removeValue(forKey: id) {
                    state.perParticipant[participant, default: 1] -= 1
                    if state.perParticipant[participant] == 0 {
                        state.perParticipant[participant] = nil
                        self.onCount(state.participants)
                    }
                }
            }
        }
        return stream
    }

    /// How many streams are open (tests, diagnostics).
    var open: Int { subscribers.withLock { $0.streams.count } }

    /// Sends one event to every subscriber.
    func publish(event: String, data: String) {
        let frame = "event: \(event)\ndata: \(data)\n\n"
        subscribers.withLock { for continuation in $0.streams.values { continuation.yield(frame) } }
    }

    /// Sends a comment line to every stream every `interval`, so proxies and browsers keep
    /// quiet connections open. Runs until cancelled.
    func keepAlive(every interval: Duration = .seconds(15)) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            subscribers.withLock { for continuation in $0.streams.values { continuation.yield(": keep-alive\n\n") } }
        }
    }
}
