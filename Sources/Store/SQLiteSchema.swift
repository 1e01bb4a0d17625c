import GRDB

/// The SQLite schema, as migrations applied in order when a database is opened.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions, participants, responses, hand counts") { db in
            try db.execute(sql: """
                CREATE TABLE session (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    poll_source TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    control TEXT NOT NULL,
                    revision INTEGER NOT NULL DEFAULT 0,
                    join_code TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE participant (
                    id INTEGER PRIMARY KEY,
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    token TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (session_id, token)
                );
                CREATE TABLE response (
                    id INTEGER PRIMARY KEY,
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
                    round TEXT NOT NULL,
                    question TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    superseded_by INTEGER REFERENCES response(id)
                );
                CREATE INDEX response_current ON response (session_id, participant_id, round, question)
                    WHERE superseded_by IS NULL;
                CREATE TABLE hand_count (
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    round TEXT NOT NULL,
                    question TEXT NOT NULL,
                    counts TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (session_id, round, question)
                );
                """)
        }
        migrator.registerMigration("v2: a secret per session, for the participant tokens the server issues") { db in
            try db.execute(sql: """
                ALTER TABLE session ADD COLUMN secret TEXT NOT NULL DEFAULT '';
                UPDATE session SET secret = lower(hex(randomblob(32)));
                """)
        }
        migrator.registerMigration("v3: audience Q&A, as the log of its changes") { db in
            // Questions, votes and moderation are rows of one log, in order: a question is its
            // `ask` row (its id is the question's id), a vote or a state change names it.
            // The change itself is JSON; kind, question and participant are repeated in
            // columns for people reading the database.
            try db.execute(sql: """
                CREATE TABLE qa_change (
                    id INTEGER PRIMARY KEY,
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    question_id INTEGER,
                    participant TEXT,
                    change TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                CREATE INDEX qa_change_session ON qa_change (session_id, id);
                """)
        }
        migrator.registerMigration("v4: the language each answer was given in") { db in
            try db.execute(sql: "ALTER TABLE response ADD COLUMN language TEXT")
        }
        migrator.registerMigration("v5: session ids are never reused, so a deleted session's leftover process cannot write into a newer one") { db in
            // SQLite's way to change a column: a new table, the rows copied, the old one dropped
            // (foreign keys are off while a migration runs, and checked after it).
            try db.execute(sql: """
                CREATE TABLE new_session (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    poll_source TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    control TEXT NOT NULL,
                    revision INTEGER NOT NULL DEFAULT 0,
                    join_code TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    secret TEXT NOT NULL DEFAULT ''
                );
                INSERT INTO new_session (id, name, poll_source, definition, control, revision, join_code, created_at, secret)
                    SELECT id, name, poll_source, definition, control, revision, join_code, created_at, secret FROM session;
                DROP TABLE session;
                ALTER TABLE new_session RENAME TO session;
                """)
        }
        return migrator
    }
}
