import PostgresNIO
import Store

/// The PostgreSQL schema: the same tables as SQLite's, as numbered steps applied in order on
/// first use. `roompoll_schema` holds the number of the last step applied; a database made by a
/// newer roompoll (a higher number) is refused rather than written to.
enum PostgresSchema {
    /// The steps; step n brings the schema to version n (1-based). Times are `timestamptz`
    /// kept to the millisecond, as SQLite's text times are.
    static let steps: [String] = [
        """
        CREATE TABLE session (
            id BIGSERIAL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            poll_source TEXT NOT NULL,
            definition TEXT NOT NULL,
            control TEXT NOT NULL,
            revision BIGINT NOT NULL DEFAULT 0,
            join_code TEXT NOT NULL UNIQUE,
            created_at TIMESTAMPTZ NOT NULL,
            secret TEXT NOT NULL
        );
        CREATE TABLE participant (
            id BIGSERIAL PRIMARY KEY,
            session_id BIGINT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            token TEXT NOT NULL,
            channel TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            UNIQUE (session_id, token)
        );
        CREATE TABLE response (
            id BIGSERIAL PRIMARY KEY,
            session_id BIGINT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            participant_id BIGINT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
            round TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            channel TEXT NOT NULL,
            received_at TIMESTAMPTZ NOT NULL,
            superseded_by BIGINT REFERENCES response(id)
        );
        CREATE INDEX response_session ON response (session_id, id);
        CREATE INDEX response_current ON response (session_id, participant_id, round, question) WHERE superseded_by IS NULL;
        CREATE TABLE hand_count (
            session_id BIGINT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            round TEXT NOT NULL,
            question TEXT NOT NULL,
            counts TEXT NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (session_id, round, question)
        );
        CREATE TABLE qa_change (
            id BIGSERIAL PRIMARY KEY,
            session_id BIGINT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            question_id BIGINT,
            participant TEXT,
            change TEXT NOT NULL,
            at TIMESTAMPTZ NOT NULL
        );
        CREATE INDEX qa_change_session ON qa_change (session_id, id);
        """,
        // 2: the language each answer was given in (NULL: not known).
        """
        ALTER TABLE response ADD COLUMN language TEXT;
        """,
    ]

    /// Brings the database up to date in one transaction; several processes starting at once
    /// take turns (an advisory lock), so each step runs once.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        // Up to date already (the usual case): read only, so that a read-only user or a
        // replica can open the database for reports.
        let current = try? await connection.query("SELECT version FROM roompoll_schema", logger: logger)
            .decode(Int.self).first(where: { _ in true })
        if let current {
            guard current <= steps.count else { throw StoreError.newerSchema(found: current, known: steps.count) }
            if current == steps.count { return }
        }
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7265636) ", logger: logger)
            try await connection.query("CREATE TABLE IF NOT EXISTS roompoll_schema (version INTEGER NOT NULL)", logger: logger)
            var version = 0
            for try await value in try await connection.query("SELECT version FROM roompoll_schema", logger: logger).decode(Int.self) {
                version = value
            }
            guard version <= steps.count else { throw StoreError.newerSchema(found: version, known: steps.count) }
            guard version < steps.count else { return }
            for step in steps[version...] {
                // A step is several statements, each sent on its own.
                for statement in step.split(separator: ";\n") where !statement.allSatisfy(\.isWhitespace) {
                    try await connection.query(PostgresQuery(unsafeSQL: String(statement)), logger: logger)
                }
            }
            try await connection.query("DELETE FROM roompoll_schema", logger: logger)
            try await connection.query("INSERT INTO roompoll_schema (version) VALUES (\(steps.count))", logger: logger)
        }
    }
}
