import Foundation
import PollCore
import PostgresNIO
import Store

/// Responses on PostgreSQL: a batch goes in as a few statements over arrays (`UNNEST`), not a
/// statement per answer; reads stream the rows and parse each distinct answer once.
enum PostgresResponses {
    /// Rows per insert statement: a large import goes in as several, in the same transaction.
    static let chunk = 20_000

    /// Inserts `responses` (and their participants, when new) in order, each superseding the
    /// same participant's current answer to the same question in the same round. Runs inside
    /// the caller's transaction, which holds the session's lock.
    static func insert(_ responses: [Response], into session: SessionRecord, _ connection: PostgresConnection) async throws {
        guard !responses.isEmpty else { return }
        let logger = PostgresStore.logger
        let questions = session.definition.questions, rounds = session.definition.rounds
        var answers: [String] = []
        answers.reserveCapacity(responses.count)
        for response in responses {
            guard let q = questions.firstIndex(where: { $0.id == response.question }), rounds.contains(response.round) else {
                throw StoreError.corrupt("question `\(response.question)` in round `\(response.round)` is not in the session's poll")
            }
            answers.append(AnswerCodec.encode(response.answer, for: questions[q]))
        }
        // Participants, first seen first; those new to the session come back from the insert.
        var firstSeen: [String: Int] = [:]
        for (index, response) in responses.enumerated() where firstSeen[response.participant] == nil {
            firstSeen[response.participant] = index
        }
        // One statement per chunk: the new ones come back from the insert, the known ones from
        // the table as it was (its snapshot is taken before the insert; the session's lock keeps
        // other writers of this session out meanwhile).
        let people = firstSeen.values.sorted().map { responses[$0] }
        var ids: [String: Int64] = [:], fresh: Set<String> = []
        for start in stride(from: 0, to: people.count, by: chunk) {
            let part = people[start..<min(start + chunk, people.count)]
            let rows = try await connection.query("""
                WITH given AS (
                    SELECT * FROM UNNEST(\(part.map(\.participant)), \(part.map(\.channel.rawValue)),
                                         \(part.map { PostgresStore.milliseconds($0.receivedAt) })) AS given(token, channel, at)),
                added AS (
                    INSERT INTO participant (session_id, token, channel, created_at)
                    SELECT \(session.id), token, channel, at FROM given
                    ON CONFLICT (session_id, token) DO NOTHING
                    RETURNING token, id)
                SELECT token, id, true FROM added
                UNION ALL
                SELECT p.token, p.id, false FROM participant p JOIN given ON given.token = p.token WHERE p.session_id = \(session.id)
                """, logger: logger)
            for try await (token, id, new) in rows.decode((String, Int64, Bool).self) {
                ids[token] = id
                if new { fresh.insert(token) }
            }
        }
        // Superseding: each answer replaces the same participant's current answer to the same
        // question in the same round — one stored before (only participants known before can
        // have one), or an earlier one of this batch. The stored ones are looked up by
        // participant in the index of current answers: the cost follows the batch, not the
        // size of the session.
        struct Key: Hashable { let participant: Int64, round: String, question: String }
        var previous: [Key: Int64] = [:]
        let known = Array(Set(responses.lazy.map(\.participant).filter { !fresh.contains($0) }).compactMap { ids[$0] })
        for start in stride(from: 0, to: known.count, by: chunk) {
            let part = Array(known[start..<min(start + chunk, known.count)])
            let rows = try await connection.query("""
                SELECT id, participant_id, round, question FROM response
                WHERE session_id = \(session.id) AND superseded_by IS NULL AND participant_id = ANY(\(part))
                """, logger: logger)
            for try await (id, participant, round, question) in rows.decode((Int64, Int64, String, String).self) {
                previous[Key(participant: participant, round: round, question: question)] = id
            }
        }
        // The answers, in order: ids are handed out in the order of the rows.
        var replaced: [Int64] = [], replacing: [Int64] = []
        for start in stride(from: 0, to: responses.count, by: chunk) {
            let range = start..<min(start + chunk, responses.count)
            let part = responses[range]
            let participants = try part.map { try participantID($0.participant, ids) }
            let rows = try await connection.query("""
                INSERT INTO response (session_id, participant_id, round, question, answer, channel, received_at, language)
                SELECT \(session.id), participant, round, question, answer, channel, at, NULLIF(language, '')
                FROM UNNEST(\(participants), \(part.map(\.round)), \(part.map(\.question)),
                            \(Array(answers[range])), \(part.map(\.channel.rawValue)), \(part.map { PostgresStore.milliseconds($0.receivedAt) }),
                            \(part.map { $0.language ?? "" }))
                     WITH ORDINALITY AS given(participant, round, question, answer, channel, at, language, position)
                ORDER BY position
                RETURNING id
                """, logger: logger)
            var newIDs: [Int64] = []
            newIDs.reserveCapacity(part.count)
            for try await id in rows.decode(Int64.self) { newIDs.append(id) }
            newIDs.sort()
            guard newIDs.count == part.count else { throw StoreError.corrupt("\(part.count) answers given, \(newIDs.count) stored") }
            for (response, (participant, id)) in zip(part, zip(participants, newIDs)) {
                let key = Key(participant: participant, round: response.round, question: response.question)
                if let old = previous.updateValue(id, forKey: key) {
                    replaced.append(old)
                    replacing.append(id)
                }
            }
        }
        for start in stride(from: 0, to: replaced.count, by: chunk) {
            let range = start..<min(start + chunk, replaced.count)
            try await connection.query("""
                UPDATE response SET superseded_by = chain.next
                FROM UNNEST(\(Array(replaced[range])), \(Array(replacing[range]))) AS chain(id, next)
                WHERE response.id = chain.id
                """, logger: logger)
        }
    }

    private static func participantID(_ token: String, _ ids: [String: Int64]) throws -> Int64 {
        guard let id = ids[token] else { throw StoreError.corrupt("participant `\(token.prefix(40))` could not be stored") }
        return id
    }

    /// Stored responses of the session after id `after`, in arrival order; unreadable rows fail
    /// the read, or are skipped and listed with `salvage`.
    static func read(_ session: SessionRecord, currentOnly: Bool, after: Int64, salvage: SalvageLog?,
                     _ connection: PostgresConnection) async throws -> [StoredResponse] {
        let rows = try await connection.query("""
            SELECT r.id, p.token, r.round, r.question, r.answer, r.channel, r.received_at, r.superseded_by, r.language
            FROM response r JOIN participant p ON p.id = r.participant_id
            WHERE r.session_id = \(session.id) AND r.id > \(after) \(unescaped: currentOnly ? "AND r.superseded_by IS NULL" : "")
            ORDER BY r.id
            """, logger: PostgresStore.logger)
        var reader = AnswerReader(session.definition, salvage: salvage)
        var result: [StoredResponse] = []
        for try await (id, token, round, question, text, channelName, receivedAt, supersededBy, language)
            in rows.decode((Int64, String, String, String, String, String, Date, Int64?, String?).self) {
            guard let read = try reader.read(id: id, question: question, answer: text, channel: channelName) else { continue }
            let response = Response(participant: token, round: round, question: question, answer: read.answer, channel: read.channel,
                                    receivedAt: receivedAt, language: language)
            result.append(StoredResponse(id: id, response: response, supersededBy: supersededBy))
        }
        return result
    }

    /// Counts the session's current responses straight from the rows (each under its row id,
    /// its arrival order), keyed by token or, with `.compact`, by the participant's row id.
    static func count(_ session: SessionRecord, participants: ParticipantKeys, salvage: SalvageLog?,
                      _ connection: PostgresConnection) async throws -> Tally {
        let rows = try await connection.query(participants == .tokens
            ? """
              SELECT r.id, p.token, r.round, r.question, r.answer, r.channel
              FROM response r JOIN participant p ON p.id = r.participant_id
              WHERE r.session_id = \(session.id) AND r.superseded_by IS NULL
              """
            : """
              SELECT id, participant_id::text, round, question, answer, channel FROM response
              WHERE session_id = \(session.id) AND superseded_by IS NULL
              """, logger: PostgresStore.logger)
        var tally = Tally(definition: session.definition)
        var reader = AnswerReader(session.definition, salvage: salvage)
        for try await (id, participant, round, question, text, channelName) in rows.decode((Int64, String, String, String, String, String).self) {
            guard let read = try reader.read(id: id, question: question, answer: text, channel: channelName),
                  let index = tally.index(round: round, question: question) else { continue }
            tally.record(participant: participant, at: index, answer: read.answer, arrival: Int(id))
        }
        return tally
    }
}
