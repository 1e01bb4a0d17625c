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

    /// Reads a session's answers with `body`: with `salvage`, rows that cannot be read are
    /// skipped and listed on standard error; without it, such a row stops the command with a
    /// message that says how to salvage the rest.
    func read<T>(salvage: Bool, _ body: (SalvageLog?) async throws -> T) async throws -> T {
        let log = salvage ? SalvageLog() : nil
        let result: T
        do {
            result = try await body(log)
        } catch let error as StoreError {
            guard case .corrupt = error else { throw error }
            throw CLIError("\(error)\nRun again with --salvage to skip unreadable rows and list them.")
        }
        if let skipped = log?.skipped, !skipped.isEmpty {
            printError("Skipped \(skipped.count) unreadable row\(skipped.count == 1 ? "" : "s") (--salvage):")
            for row in skipped { printError("  \(row)") }
        }
        return result
    }

    /// The named session, or an error listing what there is.
    func session(_ name: String, in store: SQLiteStore) async throws -> SessionRecord {
        if let session = try await store.session(named: name) { return session }
        let names = try await store.sessionSummaries().map(\.name)
        let known = names.isEmpty ? "it has no sessions" : "its sessions: " + names.joined(separator: ", ")
        throw CLIError("no session named `\(name)` in \(path) (\(known))")
    }
}
