import ArgumentParser
import Foundation
import PostgresStore
import Store

/// The `--db` option every command that touches the store takes: an SQLite file, or a
/// PostgreSQL database named by URL. `ROOMPOLL_DB` sets the default.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database: an SQLite file, or a PostgreSQL URL (postgres://user@host:5432/database, ?sslmode=require for TLS; password from the URL, PGPASSWORD or ~/.pgpass). Default: $ROOMPOLL_DB, else roompoll.sqlite.",
        valueName: "path-or-url"))
    var given: String?

    /// The database's path or URL, as given or by default.
    var location: String { given ?? Self.defaultLocation }

    static var defaultLocation: String {
        ProcessInfo.processInfo.environment["ROOMPOLL_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "roompoll.sqlite"
    }

    /// The database as messages name it (a URL without its password).
    var shown: String { Self.shown(location) }

    static func shown(_ location: String) -> String {
        guard PostgresAddress.isURL(location) else { return location }
        return (try? PostgresAddress(url: location, environment: [:]).description) ?? "the PostgreSQL database"
    }

    /// Whether the database is PostgreSQL (else an SQLite file).
    var isPostgres: Bool { PostgresAddress.isURL(location) }

    /// Whether there is a database there already (a PostgreSQL database always is: roompoll
    /// creates its tables, not the database).
    var exists: Bool { PostgresAddress.isURL(location) || FileManager.default.fileExists(atPath: location) }

    /// Opens the database, creating it when `create` is true; otherwise a missing file is an error.
    func open(create: Bool) async throws -> any Store {
        try await Self.open(location, create: create)
    }

    static func open(_ location: String, create: Bool) async throws -> any Store {
        if PostgresAddress.isURL(location) {
            do {
                return try await PostgresStore(address: try PostgresAddress(url: location))
            } catch {
                throw CLIError("cannot open the database \(shown(location)): \(error)")
            }
        }
        if !create, !FileManager.default.fileExists(atPath: location) {
            throw CLIError("no database at \(location) (use --db to name another one)")
        }
        do {
            return try SQLiteStore(path: location)
        } catch {
            throw CLIError("cannot open the database \(location): \(error)")
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
    func session(_ name: String, in store: any Store) async throws -> SessionRecord {
        try await Self.session(name, in: store, shown: shown)
    }

    static func session(_ name: String, in store: any Store, shown: String) async throws -> SessionRecord {
        if let session = try await store.session(named: name) { return session }
        let names = try await store.sessionSummaries().map(\.name)
        let known = names.isEmpty ? "it has no sessions" : "its sessions: " + names.joined(separator: ", ")
        throw CLIError("no session named `\(name)` in \(shown) (\(known))")
    }
}
