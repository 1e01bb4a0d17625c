import Foundation
import GRDB
import GRDBSQLite
import PollCore

/// Counts a session's current responses (or a slice of them) into a `Tally`, stepping SQLite's
/// statement directly: a report reads a million rows, and GRDB's general row handling cost
/// more than SQLite's own work. The statement's columns are id, participant (row id or
/// token), round, question, answer and channel. `numbers`: the session's participant row ids,
/// when participants are keyed by them (`.compact`) and counted in arrays indexed by them.
enum SQLiteTallyReader {
    static func count(_ sql: String, _ arguments: StatementArguments, session: SessionRecord, participants: ParticipantKeys,
                      numbers: ClosedRange<Int>? = nil, salvage: SalvageLog?, _ db: Database) throws -> Tally {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        // The statement is finalized when it goes away: keep it until the last step is read.
        return try withExtendedLifetime(statement) {
            try count(statement.sqliteStatement, sql: sql, session: session, participants: participants, numbers: numbers, salvage: salvage)
        }
    }

    static func count(_ handle: OpaquePointer, sql: String, session: SessionRecord, participants: ParticipantKeys,
                      numbers: ClosedRange<Int>? = nil, salvage: SalvageLog?) throws -> Tally {
        defer { sqlite3_reset(handle) }
        let numbers = participants == .compact ? numbers : nil
        var tally = numbers.map { Tally(definition: session.definition, participantNumbers: $0) } ?? Tally(definition: session.definition)
        var reader = AnswerReader(session.definition, salvage: salvage)
        let keys = ColumnKeys(tally)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
            }
            let id = sqlite3_column_int64(handle, 0)
            let index: Int, answer: Answer
            // The round, question and channel are matched as bytes (no text made for them).
            if let key = keys.find(round: bytes(handle, 2), question: bytes(handle, 3)), keys.isChannel(bytes(handle, 5)) {
                guard let read = try reader.answer(id: id, question: key.question, text: text(handle, 4)) else { continue }
                (index, answer) = (key.tally, read)
            } else {
                // Anything else goes the long way, which names what is unreadable.
                let question = text(handle, 3)
                guard let read = try reader.read(id: id, question: question, answer: text(handle, 4), channel: text(handle, 5)),
                      let found = tally.index(round: text(handle, 2), question: question) else { continue }
                (index, answer) = (found, read.answer)
            }
            if let numbers, case let number = Int(sqlite3_column_int64(handle, 1)), numbers.contains(number) {
                tally.record(number: number, at: index, answer: answer, arrival: Int(id))
                continue
            }
            // A participant's row id is short enough to be stored inline in a String.
            let key = participants == .tokens ? text(handle, 1) : String(sqlite3_column_int64(handle, 1))
            tally.record(participant: key, at: index, answer: answer, arrival: Int(id))
        }
        return tally
    }

    /// Column `column` of the current row as UTF-8 bytes, valid until the next step (NULL: none).
    static func bytes(_ handle: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: sqlite3_column_text(handle, column), count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// Every (round, question) a tally counts, as bytes, with the tally's index and the
    /// question's index in the poll; and the channels a row may have.
    struct ColumnKeys {
        let keys: [(round: [UInt8], id: [UInt8], tally: Int, question: Int)]
        let channels = Channel.allCases.map { Array($0.rawValue.utf8) }

        init(_ tally: Tally) {
            let definition = tally.definition
            keys = definition.rounds.flatMap { round in
                definition.questions(in: round).compactMap { question in
                    guard let index = tally.index(round: round, question: question.id),
                          let q = definition.questions.firstIndex(where: { $0.id == question.id }) else { return nil }
                    return (Array(round.utf8), Array(question.id.utf8), index, q)
                }
            }
        }

        func find(round: UnsafeBufferPointer<UInt8>, question: UnsafeBufferPointer<UInt8>) -> (tally: Int, question: Int)? {
            keys.first { Self.same($0.id, question) && Self.same($0.round, round) }.map { ($0.tally, $0.question) }
        }

        func isChannel(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            channels.contains { Self.same($0, name) }
        }

        static func same(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard key.count == bytes.count, let other = bytes.baseAddress else { return key.isEmpty && bytes.isEmpty }
            return key.withUnsafeBufferPointer { memcmp($0.baseAddress!, other, key.count) == 0 }
        }
    }

    /// Column `column` of the current row as text (SQLite converts other types; NULL is "").
    static func text(_ handle: OpaquePointer, _ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}
