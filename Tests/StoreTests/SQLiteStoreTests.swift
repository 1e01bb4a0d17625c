import Foundation
import PollCore
import Store
import Testing

/// What only the SQLite store promises: its file, its durability settings, its refusals.
@Suite("SQLite store")
struct SQLiteStoreTests {
    func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roompoll-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    /// Reads one PRAGMA through the sqlite3 command-line tool, as another process would.
    func sqlite3(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theFileIsInWALModeWithTheSchema() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("db.sqlite").path
            let store = try SQLiteStore(path: path)
            _ = try await store.createSession(StoreFixtures.draft())
            #expect(try sqlite3(path, "PRAGMA journal_mode") == "wal")
            #expect(try sqlite3(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
                    == "hand_count\nparticipant\nresponse\nsession")
            #expect(try sqlite3(path, "SELECT count(*) FROM grdb_migrations") == "1")
        }
    }

    @Test func noIPAddressOrUserAgentIsStored() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("db.sqlite").path
            _ = try SQLiteStore(path: path)
            let columns = try sqlite3(path, "SELECT name FROM pragma_table_info('participant')")
            #expect(columns.split(separator: "\n") == ["id", "session_id", "token", "channel", "created_at"])
        }
    }

    @Test func aLockedDatabaseRefusesTheAnswerInsteadOfDroppingIt() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("db.sqlite").path
            let store = try SQLiteStore(path: path, busyTimeout: 0.2)
            let session = try await store.createSession(StoreFixtures.draft())
            // Another process holds the write lock for longer than the busy timeout.
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            holder.arguments = [path]
            let input = Pipe()
            holder.standardInput = input
            try holder.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n".utf8))
            try await Task.sleep(for: .milliseconds(300))
            await #expect(throws: (any Error).self) {
                try await store.append([StoreFixtures.response("p1", "q1", .choice(0))], to: session)
            }
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            holder.waitUntilExit()
            #expect(try await store.currentResponses(of: session).isEmpty)
            try await store.append([StoreFixtures.response("p1", "q1", .choice(0))], to: session)
            #expect(try await store.currentResponses(of: session).count == 1)
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("notes.txt").path
            try "just some notes\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: (any Error).self) { try SQLiteStore(path: path) }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "just some notes\n")
        }
    }
}
