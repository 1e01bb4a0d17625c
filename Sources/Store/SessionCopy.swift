import Foundation
import PollCore

/// Everything of a session, read from one store to be written to another (`roompoll copy`): a
/// workshop run offline on a laptop, uploaded to the conference database afterwards.
public struct SessionCopy: Sendable {
    /// The session as it will be named and stored there (its control state included).
    public var draft: SessionDraft
    /// Kept where the target has no other session with it, else a new one is made.
    public var joinCode: String
    /// Kept, so the participant tokens the server issued stay valid there.
    public var secret: String
    /// Every response, superseded ones included, in arrival order: written in that order, each
    /// supersedes the same answers again.
    public var responses: [Response]
    public var hands: [HandCount]
    /// The Q&A log in order; its question ids are renumbered to the ids the target gives.
    public var qanda: [QandARecord]

    public init(draft: SessionDraft, joinCode: String, secret: String, responses: [Response], hands: [HandCount], qanda: [QandARecord]) {
        self.draft = draft
        self.joinCode = joinCode
        self.secret = secret
        self.responses = responses
        self.hands = hands
        self.qanda = qanda
    }

    /// The target's id for a Q&A question, from the map of ids given so far.
    public static func renumber(_ id: Int64, _ ids: [Int64: Int64]) throws -> Int64 {
        guard let new = ids[id] else { throw StoreError.corrupt("Q&A change about question \(id), which was never asked") }
        return new
    }
}

extension SessionCopy {
    /// Everything of `session` in `store`, to be written under the name `name`. Every row must
    /// read back: a copy never leaves unreadable rows behind unseen.
    public static func read(_ session: SessionRecord, from store: any Store, as name: String) async throws -> SessionCopy {
        let draft = SessionDraft(name: name, definition: session.definition, source: session.source, control: session.control,
                                 createdAt: session.createdAt)
        return SessionCopy(draft: draft, joinCode: session.joinCode, secret: session.secret,
                           responses: try await store.allResponses(of: session).map(\.response),
                           hands: try await store.hands(of: session),
                           qanda: try await store.qandAChanges(of: session, after: 0))
    }

    /// What differs between this copy and `copied` as `store` now holds it (empty when the two
    /// agree): the responses and which of them are current, the hand counts, the Q&A log.
    public func differences(from copied: SessionRecord, in store: any Store) async throws -> [String] {
        var differences: [String] = []
        let stored = try await store.allResponses(of: copied)
        if stored.map({ Fingerprint($0.response) }) != responses.map(Fingerprint.init) {
            differences.append("responses: \(responses.count) read, \(stored.count) stored, or not the same")
        }
        // The current answers: each participant's last to each question in each round.
        var last: [String: Int] = [:]
        for (index, response) in responses.enumerated() { last["\(response.participant)\u{1F}\(response.round)\u{1F}\(response.question)"] = index }
        let expected = last.values.sorted().map { Fingerprint(responses[$0]) }
        if try await store.currentResponses(of: copied).map(Fingerprint.init) != expected {
            differences.append("the current answers are not the same")
        }
        let storedHands = try await store.hands(of: copied)
        if storedHands.map(\.counts) != hands.map(\.counts) { differences.append("hand counts: \(hands.count) read, \(storedHands.count) stored") }
        let storedQandA = try await store.qandAChanges(of: copied, after: 0)
        if storedQandA.map(\.change.kind) != qanda.map(\.change.kind) || QandABoard(storedQandA).questions.count != QandABoard(qanda).questions.count {
            differences.append("Q&A: \(qanda.count) changes read, \(storedQandA.count) stored")
        }
        if copied.control != draft.control { differences.append("control state") }
        return differences
    }

    /// A response as both stores keep it (times to the millisecond).
    private struct Fingerprint: Hashable {
        let participant: String, round: String, question: String, answer: Answer, channel: Channel, time: String
        init(_ response: Response) {
            participant = response.participant
            round = response.round
            question = response.question
            answer = response.answer
            channel = response.channel
            time = Timestamp.format(response.receivedAt)
        }
    }
}
