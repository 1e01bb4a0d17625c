import Foundation
@testable import Store
import Testing
import TestSupport

/// The store's change signals: the files' writes wake a follower, with no timer while idle.
@Suite("File change watch")
struct FileChangeWatchTests {
    @Test(.timeLimit(.minutes(1)))
    func aWriteToTheDatabaseOrItsWALSignalsAndOtherFilesDoNot() async throws {
        let folder = try TemporaryFolder("roompoll-watch")
        defer { folder.remove() }
        let path = folder.path("db.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let stream = FileChangeWatch.signals(for: path, fallback: .seconds(30))
        var signals = stream.makeAsyncIterator()
        defer { withExtendedLifetime(stream) {} }
        try await Task.sleep(for: .milliseconds(100))
        for name in ["other.txt", "db.sqlite-wal"] {
            let started = ContinuousClock.now
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path(name)))
            if name == "other.txt" { continue }
            #expect(await signals.next() != nil)
            #expect(ContinuousClock.now - started < .seconds(5), "woken by the write, not by the 30 s fallback")
        }
    }
}
