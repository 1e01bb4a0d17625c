import Foundation

/// Another process — the sqlite3 command-line tool — holding the write lock of a database,
/// as a second roompoll process or a backup tool might.
public final class SQLiteLockHolder {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    /// Starts sqlite3 on `path`, begins an immediate transaction and returns once the lock is held.
    public init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\n.print LOCKED\n".utf8))
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("LOCKED") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            seen.append(chunk)
        }
    }

    /// Rolls back and lets sqlite3 exit.
    public func release() {
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
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
