import Console
import Foundation
import Synchronization

/// Where other threads and tasks leave events for the console loop: a locked queue plus a
/// pipe whose read end the loop polls, so posting wakes the loop at once and an idle loop
/// sleeps without a timer.
public final class ConsoleInbox: Sendable {
    private let queue = Mutex<[ConsoleEvent]>([])
    private let stopRequested = Atomic<Bool>(false)
    /// The read end (polled by the loop) and the write end of the wake pipe.
    let wakeRead: Int32
    let wakeWrite: Int32

    public init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Hands an event to the loop (from any thread).
    public func post(_ event: ConsoleEvent) {
        queue.withLock { $0.append(event) }
        wake()
    }

    /// Asks the loop to end, restoring the terminal (from any thread).
    public func requestStop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        wake()
    }

    var isStopRequested: Bool { stopRequested.load(ordering: .sequentiallyConsistent) }

    func take() -> [ConsoleEvent] {
        queue.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}
