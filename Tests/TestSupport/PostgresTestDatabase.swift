import Foundation

/// A fresh, empty PostgreSQL database on the test server `scripts/test` starts
/// (`ROOMPOLL_TEST_POSTGRES`, a URL of that server), dropped by `drop()`. Made with `psql`, so
/// that the test helpers need no driver of their own.
public struct PostgresTestDatabase: Sendable {
    /// The test server's URL, or nil where none runs (a single test run by hand): the
    /// PostgreSQL cases are then skipped with a clear line.
    public static let serverURL: String? = ProcessInfo.processInfo.environment["ROOMPOLL_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    public static let skipped = "skipped: no PostgreSQL (scripts/test starts one and sets ROOMPOLL_TEST_POSTGRES)"

    public let name: String
    /// The new database's URL.
    public let url: String

    public init() throws {
        guard let server = Self.serverURL else { throw PostgresTestError(message: Self.skipped) }
        name = "roompoll_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try Self.psql(server, "CREATE DATABASE \(name)")
        url = Self.replacingDatabase(of: server, with: name)
    }

    /// Removes the database, closing any connection left to it.
    public func drop() {
        guard let server = Self.serverURL else { return }
        try? Self.psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs one SQL command on the database at `url` with `psql`.
    public static func psql(_ url: String, _ sql: String) throws {
        _ = try query(url, sql)
    }

    /// Runs one SQL query on the database at `url` with `psql` and returns its rows as text
    /// (unaligned, one per line).
    public static func query(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
        let folder = try TemporaryFolder("roompoll-psql")
        defer { folder.remove() }
        let (out, err) = (folder.path("out"), folder.path("err"))
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostgresTestError(message: "psql failed (\(sql)): \((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")")
        }
        return (try String(contentsOfFile: out, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `url` with its path (the database) replaced by `database`, its query kept.
    static func replacingDatabase(of url: String, with database: String) -> String {
        guard var parts = URLComponents(string: url) else { return url }
        parts.path = "/" + database
        return parts.string ?? url
    }
}

public struct PostgresTestError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
