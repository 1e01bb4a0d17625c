import Foundation
import PollCore
import PostgresStore
import Store
import Testing
import TestSupport

/// What only the PostgreSQL store has: its URL, its schema versions, its listener, its timeouts.
/// The contract it shares with SQLite is in `StoreContractTests`.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    typealias F = StoreFixtures

    /// Skipped, with the reason as its line, where no test server runs.
    @Test(.needsPostgres)
    func theContractRunsOnPostgres() {
        #expect(StoreKind.available == [.sqlite, .postgres])
    }

    @Test func aURLReadsAsLibpqReadsIt() throws {
        let full = try PostgresAddress(url: "postgresql://ana:s%40cret@db.example.org:6543/conference?sslmode=require", environment: [:])
        #expect(full.host == "db.example.org" && full.port == 6543 && full.user == "ana" && full.password == "s@cret")
        #expect(full.database == "conference" && full.tls == .require && full.socketFolder == nil)
        #expect(full.description == "postgres://ana@db.example.org:6543/conference?sslmode=require", "no password in messages")
        let percent = try PostgresAddress(url: "postgres://ana:p%2541%3Ax@h/d%20b", environment: [:])
        #expect(percent.password == "p%41:x" && percent.database == "d b", "each part decoded once")
        #expect(throws: PostgresAddressError.malformed) { try PostgresAddress(url: "postgres://ana:ab%zz@h/d", environment: ["PGPASSWORD": "other"]) }
        let bare = try PostgresAddress(url: "postgres://roompoll@127.0.0.1/", environment: ["PGPASSWORD": "from-env"])
        #expect(bare.port == 5432 && bare.database == "roompoll" && bare.password == "from-env" && bare.tls == .prefer)
        let socket = try PostgresAddress(url: "postgres://r@/rp?host=/run/postgresql&port=5433", environment: [:])
        #expect(socket.socketFolder == "/run/postgresql" && socket.port == 5433)
        #expect(socket.description == "postgres://r@localhost:5433/rp?host=/run/postgresql")
        #expect(try PostgresAddress(url: socket.description, environment: [:]) == socket, "the description reads back as the same address")
        #expect(throws: PostgresAddressError.badParameter("sslmode")) { try PostgresAddress(url: "postgres://a@h/d?sslmode=always", environment: [:]) }
        #expect(throws: PostgresAddressError.unknownParameter("timeout")) { try PostgresAddress(url: "postgres://a@h/d?timeout=3", environment: [:]) }
        #expect(throws: PostgresAddressError.badParameter("port")) { try PostgresAddress(url: "postgres://a@h:0/d", environment: [:]) }
        #expect(!PostgresAddress.isURL("roompoll.sqlite") && PostgresAddress.isURL("POSTGRES://x"))
    }

    @Test func thePasswordFileIsReadWhenTheURLHasNone() throws {
        let folder = try TemporaryFolder("roompoll-pgpass")
        defer { folder.remove() }
        let file = folder.path("pgpass")
        try """
            # host:port:database:user:password
            other:5432:*:ana:wrong
            db.example.org:5432:conference:ana:right\\:one
            *:*:*:*:fallback
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let address = try PostgresAddress(url: "postgres://ana@db.example.org/conference", environment: ["PGPASSFILE": file])
        #expect(address.password == "right:one")
        let anyone = try PostgresAddress(url: "postgres://bo@elsewhere/x", environment: ["PGPASSFILE": file])
        #expect(anyone.password == "fallback")
        let given = try PostgresAddress(url: "postgres://ana:inline@db.example.org/conference", environment: ["PGPASSFILE": file, "PGPASSWORD": "env"])
        #expect(given.password == "inline", "the URL's password comes first")
    }

    @Test(.needsPostgres)
    func aDatabaseFromAnOlderRoompollIsBroughtUpToDate() async throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        _ = try await PostgresStore(address: try PostgresAddress(url: database.url))
        // As version 1 left it: no language column.
        try PostgresTestDatabase.psql(database.url, "ALTER TABLE response DROP COLUMN language; UPDATE roompoll_schema SET version = 1")
        let store = try await PostgresStore(address: try PostgresAddress(url: database.url))
        let session = try await store.createSession(StoreFixtures.draft())
        try await store.append([StoreFixtures.response("p1", "q1", .choice(1), language: "ar")], to: session)
        #expect(try await store.currentResponses(of: session).map(\.language) == ["ar"])
        #expect(try PostgresTestDatabase.query(database.url, "SELECT version FROM roompoll_schema") == "2")
    }

    @Test(.needsPostgres)
    func aDatabaseFromANewerRoompollIsRefused() async throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        _ = try await PostgresStore(address: try PostgresAddress(url: database.url))
        try PostgresTestDatabase.psql(database.url, "UPDATE roompoll_schema SET version = version + 1")
        await #expect(throws: StoreError.newerSchema(found: 3, known: 2)) {
            _ = try await PostgresStore(address: try PostgresAddress(url: database.url))
        }
    }

    @Test(.needsPostgres)
    func aServerThatDoesNotAnswerMakesTheStoreUnavailableNotStuck() async throws {
        // A port where nothing listens: the store gives up within its timeout.
        let started = ContinuousClock.now
        await #expect(throws: StoreError.self) {
            _ = try await PostgresStore(address: try PostgresAddress(url: "postgres://roompoll@127.0.0.1:9/none?sslmode=disable"),
                                        timeout: .seconds(1))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aServerThatAcceptsButNeverAnswersDoesNotHangTheStore() async throws {
        // A listener that accepts connections and never says a word (a black hole).
        let hole = Process()
        hole.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        hole.arguments = ["python3", "-c", "import socket, time\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(64)\n"
                          + "print(s.getsockname()[1], flush=True); time.sleep(60)"]
        let output = Pipe()
        hole.standardOutput = output
        try hole.run()
        defer { hole.terminate() }
        let port = try #require(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty.flatMap { Int($0) })
        let started = ContinuousClock.now
        await #expect(throws: StoreError.self) {
            _ = try await PostgresStore(address: try PostgresAddress(url: "postgres://roompoll@127.0.0.1:\(port)/x?sslmode=disable"),
                                        timeout: .seconds(1))
        }
        #expect(ContinuousClock.now - started < .seconds(4), "answered at its deadline, not when the server speaks")
    }

    @Test(.needsPostgres)
    func sslmodeRequireEncryptsAndVerifyFullChecksTheCertificate() async throws {
        // The test server (scripts/postgres) has TLS on with a self-signed certificate.
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let url = database.url.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require")
        let store = try await PostgresStore(address: try PostgresAddress(url: url))
        _ = try await store.createSession(F.draft())
        let report = try PostgresTestDatabase.query(database.url, """
            SELECT bool_and(s.ssl)::text || ' ' || count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
            WHERE a.datname = current_database() AND a.application_name = 'roompoll'
            """)
        #expect(report.hasPrefix("true ") && report != "true 0", "every connection of the store is encrypted: \(report)")
        await #expect(throws: StoreError.self, "a self-signed certificate is not trusted under verify-full") {
            _ = try await PostgresStore(address: try PostgresAddress(url: url.replacingOccurrences(of: "require", with: "verify-full")),
                                        timeout: .seconds(2))
        }
        withExtendedLifetime(store) {}
    }

    @Test(.needsPostgres, .timeLimit(.minutes(1)))
    func aWriteGivenUpAtItsDeadlineIsRolledBackNotCommittedLater() async throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let store = try await PostgresStore(address: try PostgresAddress(url: database.url), timeout: .seconds(1))
        let session = try await store.createSession(F.draft())
        // Another connection holds the session's lock for 3 seconds: the write waits behind it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        holder.arguments = ["-X", "-q", database.url, "-c", "BEGIN; SELECT 1 FROM session FOR UPDATE; SELECT pg_sleep(3); COMMIT;"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        try await Task.sleep(for: .milliseconds(500))
        await #expect(throws: StoreError.self) { try await store.append([F.response("late", "q1", .choice(0))], to: session) }
        holder.waitUntilExit()
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await store.allResponses(of: session).isEmpty, "refused at its deadline, and not committed once the lock was free")
    }

    @Test(.needsPostgres, .timeLimit(.minutes(1)))
    func afterALostConnectionTheFollowerCatchesUp() async throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let address = try PostgresAddress(url: database.url)
        let mine = try await PostgresStore(address: address), other = try await PostgresStore(address: address)
        let session = try await mine.createSession(F.draft())
        let before = try await mine.changeCounter()
        // The server drops the listening connection; a change is committed meanwhile, its
        // notification lost with it.
        try PostgresTestDatabase.psql(database.url, """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND query ILIKE 'LISTEN%'
            """)
        try await other.append([F.response("while-away", "q1", .choice(1))], to: session)
        var seen: Int64?
        while seen == nil || seen == before {
            seen = try? await mine.changeCounter()   // unavailable until it has reconnected
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try await mine.responses(of: session, after: 0).map(\.response.participant) == ["while-away"],
                "the reconnection moved the counter, and reading after the last id finds what was missed")
    }

    @Test(.needsPostgres)
    func anotherProcesssCommitSignalsTheFollowers() async throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let address = try PostgresAddress(url: database.url)
        let mine = try await PostgresStore(address: address), other = try await PostgresStore(address: address)
        let session = try await mine.createSession(F.draft())
        let signals = mine.changeSignals(fallback: .seconds(3600))
        var waiting = signals.makeAsyncIterator()
        _ = await waiting.next()   // the listener connected
        let before = try await mine.changeCounter()
        try await other.append([F.response("p1", "q1", .choice(0))], to: session)
        let started = ContinuousClock.now
        #expect(await waiting.next() != nil)
        #expect(ContinuousClock.now - started < .seconds(1), "a NOTIFY, not the hour-long fallback")
        #expect(try await mine.changeCounter() != before)
        #expect(try await mine.responses(of: session, after: 0).map(\.response.participant) == ["p1"])
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs where a PostgreSQL test server runs; elsewhere the test is skipped with the reason.
    static var needsPostgres: Self { .enabled(if: PostgresTestDatabase.serverURL != nil, Comment(rawValue: PostgresTestDatabase.skipped)) }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
