import ArgumentParser
import Foundation
import Store

/// The `--db` option every command that touches the store takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite database file.", valueName: "path"))
    var path = "roompoll.sqlite"

    /// Opens the database, creating it when `create` is true; otherwise a missing file is an error.
    func open(create: Bool) throws -> SQLiteStore {
        try Self.open(path: path, create: create)
    }

    static func open(path: String, create: Bool) throws -> SQLiteStore {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no database at \(path) (use --db to name another one)")
        }
        do {
            return try SQLiteStore(path: path)
        } catch {
            throw CLIError("cannot open the database \(path): \(error)")
        }
    }

    /// The named session, or an error listing what there is.
    func session(_ name: String, in store: SQLiteStore) async throws -> SessionRecord {
        if let session = try await store.session(named: name) { return session }
        let names = try await store.sessionSummaries().map(\.name)
        let known = names.isEmpty ? "it has no sessions" : "its sessions: " + names.joined(separator: ", ")
        throw CLIError("no session named `\(name)` in \(path) (\(known))")
    }
}
