import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells when a database's files are written, by this process or any other: inotify on the
/// database's folder, for the database file and its WAL. It waits in the kernel on a thread
/// of its own, so following an idle session costs nothing; a signal also comes after
/// `fallback` without one, in case a change was missed. Where inotify is not available
/// (macOS), it signals every `fallback` instead.
final class FileChangeWatch: Sendable {
    /// A stream that yields whenever the database at `path` may have changed; the watch ends
    /// when the stream is dropped or its reader is cancelled.
    static func signals(for path: String, fallback: Duration) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        #if os(Linux)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path, names = [url.lastPathComponent, url.lastPathComponent + "-wal"]
        let watch = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        var stop: [Int32] = [-1, -1]
        guard watch >= 0, pipe(&stop) == 0,
              inotify_add_watch(watch, folder, UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)) >= 0 else {
            if watch >= 0 { close(watch) }
            return timer(every: fallback)
        }
        let (stopRead, stopWrite) = (stop[0], stop[1])
        // The thread ends only when told to; each side closes the descriptors it alone uses.
        continuation.onTermination = { _ in
            _ = write(stopWrite, "x", 1)
            close(stopWrite)
        }
        let thread = Thread {
            defer { close(watch); close(stopRead) }
            let milliseconds = Int32(fallback.components.seconds * 1000 + fallback.components.attoseconds / 1_000_000_000_000_000)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                var waits = [pollfd(fd: watch, events: Int16(POLLIN), revents: 0), pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&waits, 2, milliseconds)
                if ready > 0, waits[1].revents != 0 { return }
                if ready <= 0 {
                    // Timed out (or failed, which should not happen): look anyway.
                    continuation.yield()
                    if ready < 0, errno != EINTR { usleep(100_000) }
                    continue
                }
                let count = read(watch, &buffer, buffer.count)
                if count > 0, Self.names(in: buffer[..<count]).contains(where: names.contains) { continuation.yield() }
            }
        }
        thread.name = "roompoll-file-watch"
        thread.start()
        return stream
        #else
        return timer(every: fallback)
        #endif
    }

    /// A signal every `interval` (no way to watch the files).
    private static func timer(every interval: Duration) -> AsyncStream<Void> {
        AsyncStream { continuation in
            let task = Task {
                while !Task.isCancelled {
                    continuation.yield()
                    try? await Task.sleep(for: interval)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    #if os(Linux)
    /// The file names in a buffer of inotify events.
    private static func names(in events: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = events.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= events.endIndex {
            let length = events[offset + 12..<offset + 16].reversed().reduce(0) { $0 << 8 | Int($1) }   // `len`, little-endian
            let name = events[(offset + header)..<min(events.endIndex, offset + header + length)]
            names.append(String(decoding: name.prefix { $0 != 0 }, as: UTF8.self))
            offset += header + length
        }
        return names
    }
    #endif
}
