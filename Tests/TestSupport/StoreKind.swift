import Foundation
import PostgresStore
import Store

/// The store implementations the shared suite runs against, each on a fresh database.
public enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The kinds that can run here: PostgreSQL only where a test server runs (`scripts/test`
    /// starts one); `PostgresStoreTests.theContractRunsOnPostgres` says so where it is skipped.
    public static let available: [StoreKind] = PostgresTestDatabase.serverURL == nil ? [.sqlite] : allCases

    /// A fresh, empty database of this kind, and a way to open it again as a new process would.
    public func makeFresh() throws -> StoreHarness {
        switch self {
        case .sqlite:
            let folder = try TemporaryFolder("roompoll-store")
            let path = folder.path("test.sqlite")
            return StoreHarness(location: path, open: { try SQLiteStore(path: path) }, cleanUp: { folder.remove() })
        case .postgres:
            let database = try PostgresTestDatabase()
            let address = try PostgresAddress(url: database.url)
            return StoreHarness(location: database.url, open: { try await PostgresStore(address: address) }, cleanUp: { database.drop() })
        }
    }
}

/// Opens connections to one test database and removes it afterwards.
public struct StoreHarness {
    /// What `--db` takes for it: the SQLite file's path or the PostgreSQL URL.
    public let location: String
    public let open: @Sendable () async throws -> any Store
    public let cleanUp: @Sendable () -> Void
}
