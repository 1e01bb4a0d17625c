import Foundation

/// A session's Q&A as it stands: the questions, who voted for what, and the clocks, built by
/// applying the stored changes in order. Pure: no clock (every change carries its time) and
/// total (a change that no longer fits, e.g. one racing a hide from another process, is
/// ignored the same way by every process).
public struct QandABoard: Sendable, Hashable {
    public private(set) var questions: [Int64: QandAQuestion] = [:]
    /// The id of the last change applied (followers read on from there).
    public private(set) var lastID: Int64 = 0
    /// When the last change applied was made (nil: none yet).
    public private(set) var lastChangeAt: Date?
    /// Who votes for each question.
    private var voters: [Int64: Set<String>] = [:]
    /// Where each participant who asked said they are: asked once, remembered for the session.
    private var sides: [String: QandASide] = [:]
    private var answeredCount = 0

    public init() {}

    public init(_ records: [QandARecord]) {
        for record in records { apply(record) }
    }

    /// Applies one stored change. Changes already applied (by id) are skipped.
    public mutating func apply(_ record: QandARecord) {
        guard record.id > lastID else { return }
        lastID = record.id
        lastChangeAt = record.at
        let at = record.at
        switch record.change {
        case let .ask(text, name, side, channel, author, shown):
            questions[record.id] = QandAQuestion(
                id: record.id, text: text, name: name, side: side, channel: channel, author: author,
                state: shown ? .shown : .waiting, votes: 0, askedAt: at, secondsAnswered: 0)
            if let author { sides[author] = side }
        case let .vote(question, participant, up):
            guard let target = resolved(question) else { return }
            if up {
                voters[target, default: []].insert(participant)
            } else {
                voters[target]?.remove(participant)
            }
            questions[target]?.votes = voters[target]?.count ?? 0
        case .approve(let id):
            update(id, when: [.waiting]) { $0.state = .shown }
        case .hide(let id):
            update(id, when: [.waiting, .shown, .answering, .answered]) { question in
                Self.stopClock(&question, at: at)
                question.state = .hidden
            }
        case .restore(let id):
            update(id, when: [.hidden, .answered]) { $0.state = .shown }
        case .answering(let id):
            guard let state = questions[id]?.state, [.waiting, .shown, .answered].contains(state) else { return }
            for other in questions.values where other.state == .answering { finish(other.id, at: at) }
            update(id, when: [.waiting, .shown, .answered]) { question in
                question.state = .answering
                question.answeringSince = at
            }
        case .answered(let id):
            guard questions[id]?.state == .answering || questions[id]?.state == .shown else { return }
            finish(id, at: at)
        case let .edit(id, text):
            update(id, when: Set(QandAState.allCases).subtracting([.merged])) { question in
                if question.original == nil, question.text != text { question.original = question.text }
                question.text = text
            }
        case let .merge(id, target):
            // An answered (or being answered) question keeps its time on its side: it is not merged.
            guard id != target, let into = resolved(target), into != id,
                  let state = questions[id]?.state, [.waiting, .shown, .hidden].contains(state) else { return }
            questions[id]?.state = .merged
            questions[id]?.mergedInto = into
            voters[into, default: []].formUnion(voters[id] ?? [])
            voters[id] = nil
            questions[id]?.votes = 0
            questions[into]?.votes = voters[into]?.count ?? 0
        }
    }

    private mutating func update(_ id: Int64, when states: Set<QandAState>, _ body: (inout QandAQuestion) -> Void) {
        guard var question = questions[id], states.contains(question.state) else { return }
        body(&question)
        questions[id] = question
    }

    private mutating func finish(_ id: Int64, at: Date) {
        guard var question = questions[id] else { return }
        Self.stopClock(&question, at: at)
        question.state = .answered
        if question.answeredOrder == nil {
            answeredCount += 1
            question.answeredOrder = answeredCount
        }
        questions[id] = question
    }

    private static func stopClock(_ question: inout QandAQuestion, at: Date) {
        if let since = question.answeringSince { question.secondsAnswered += max(0, at.timeIntervalSince(since)) }
        question.answeringSince = nil
    }

    /// The question that `id` names now: itself, or the one it was merged into.
    public func resolved(_ id: Int64) -> Int64? {
        var current = id
        for _ in 0..<64 {
            guard let question = questions[current] else { return nil }
            guard let next = question.mergedInto else { return current }
            current = next
        }
        return nil
    }

    // MARK: Views

    /// Whether `participant` votes for question `id` (or the one it was merged into).
    public func hasVoted(_ participant: String, for id: Int64) -> Bool {
        resolved(id).map { voters[$0]?.contains(participant) == true } ?? false
    }

    /// How many votes the board counts in all (tests, the load benchmark).
    public var totalVotes: Int { voters.values.reduce(0) { $0 + $1.count } }

    /// The side a participant gave with an earlier question, if any.
    public func side(of participant: String) -> QandASide? { sides[participant] }

    /// The questions in `states`, of one side or both, most voted first (earlier first on a tie).
    public func ranked(side: QandASide? = nil, states: Set<QandAState>) -> [QandAQuestion] {
        questions.values.filter { states.contains($0.state) && (side == nil || $0.side == side) }.sorted(by: Self.byVotes)
    }

    /// What everyone may see: shown, being answered and answered questions, most voted first.
    public var publicQuestions: [QandAQuestion] { ranked(states: [.shown, .answering, .answered]) }

    /// A participant's own questions, newest first.
    public func questions(of participant: String) -> [QandAQuestion] {
        questions.values.filter { $0.author == participant }.sorted { $0.id > $1.id }
    }

    /// The question being answered now, if any.
    public var answering: QandAQuestion? { questions.values.first { $0.state == .answering } }

    /// Answered questions in the order they were answered.
    public var answeredInOrder: [QandAQuestion] {
        questions.values.filter { $0.answeredOrder != nil && $0.state != .merged }.sorted { $0.answeredOrder! < $1.answeredOrder! }
    }

    static func byVotes(_ a: QandAQuestion, _ b: QandAQuestion) -> Bool {
        a.votes != b.votes ? a.votes > b.votes : a.id < b.id
    }
}
