import Foundation

/// Another process — the sqlite3 command-line tool — with a database open, kept running
/// until `finish`: holding its write lock (`holdingTheWriteLock`), as a second roompoll process
/// or a backup tool might, or idle (`idle`), as a console between two reads.
public final class SQLiteLockHolder {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let ending: String

    /// Starts sqlite3 on `path`, begins an immediate transaction and returns once the lock is held.
    public convenience init(path: String) throws {
        try self.init(path: path, starting: "BEGIN IMMEDIATE;", ending: "ROLLBACK;")
    }

    /// Starts sqlite3 on `path`, reads once and returns with the database open and idle.
    public static func idle(path: String) throws -> SQLiteLockHolder {
        try SQLiteLockHolder(path: path, starting: "SELECT count(*) FROM sqlite_master;", ending: "")
    }

    private init(path: String, starting: String, ending: String) throws {
        self.ending = ending
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("\(starting)\n.print READY\n".utf8))
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("READY") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            seen.append(chunk)
        }
    }

    /// Rolls back (if it holds the lock) and lets sqlite3 exit.
    public func release() {
        input.fileHandleForWriting.write(Data("\(ending)\n.quit\n".utf8))
        process.waitUntilExit()
    }
}

/// Runs one SQL statement through the sqlite3 tool, as another process would, and returns its output.
public func sqlite3(_ path: String, _ sql: String) throws -> String {
    try runTool("/usr/bin/sqlite3", [path, sql])
}

/// Runs a command-line tool and returns what it printed, trimmed.
public func runTool(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
