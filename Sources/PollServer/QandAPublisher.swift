import Foundation
import PollCore
import Synchronization

/// Tells the live pages and API listeners when the public Q&A changes: an SSE `questions`
/// event with the public list, at most every `interval` (a room voting at once makes
/// thousands of changes a second; every page that gets the event fetches its list again, so
/// a thousand phones make a thousand requests per event).
final class QandAPublisher: Sendable {
    private let hub: EventHub
    private let interval: Duration
    private let latest = Mutex<(board: QandABoard?, scheduled: Bool)>((nil, false))

    init(hub: EventHub, interval: Duration = .seconds(1)) {
        self.hub = hub
        self.interval = interval
    }

    func changed(_ board: QandABoard) {
        let start = latest.withLock { state -> Bool in
            state.board = board
            defer { state.scheduled = true }
            return !state.scheduled
        }
        guard start else { return }
        Task {
            try? await Task.sleep(for: interval)
            let board = latest.withLock { state -> QandABoard? in
                defer { state = (nil, false) }
                return state.board
            }
            if let board { hub.publish(event: "questions", data: PollServer.jsonText(QandAView(board: board, participant: nil))) }
        }
    }
}
