import Foundation
import PollCore
import Store
import Synchronization

/// Where answers from every channel (web, kiosk, hands, import) are checked by the session
/// engine, committed to the store and then counted in the live tally.
///
/// The in-memory engine and tally are a copy of what the store holds, rebuilt from it when the
/// intake opens, so a crashed process resumes exactly where it was.
public actor Intake {
    public let store: any Store
    /// The session's join code and poll, fixed for its life: read without visiting the actor.
    public nonisolated let joinCode: String
    public nonisolated let definition: PollDefinition
    /// The session's secret, with which the participants' server signs the tokens it issues.
    public nonisolated let secret: String
    public private(set) var session: SessionRecord
    public private(set) var engine: SessionEngine {
        didSet { engineGeneration &+= 1 }
    }
    public private(set) var tally: Tally
    /// Counts changes of `engine`: an answer checked under the current generation needs no
    /// second check before it is committed.
    private var engineGeneration = 0

    /// Every change runs alone, in arrival order: a change that waits for the store never
    /// interleaves with another, so memory and store agree and answers count in commit order.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    private func acquire() async {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
    }

    private func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    private var observers: [@Sendable (IntakeChange) -> Void] = []

    /// Calls `observer` after every committed change (answers, control state, hand counts),
    /// in commit order. Observers must return quickly (post the change and go).
    public func observe(_ observer: @escaping @Sendable (IntakeChange) -> Void) {
        observers.append(observer)
    }

    private func notify(_ change: IntakeChange) {
        for observer in observers { observer(change) }
    }

    init(store: any Store, session: SessionRecord, tally: Tally) {
        self.store = store
        joinCode = session.joinCode
        definition = session.definition
        secret = session.secret
        self.session = session
        engine = SessionEngine(definition: session.definition, control: session.control)
        self.tally = tally
    }

    /// Opens an existing session: its control state, answers and hand counts as stored.
    public static func open(_ session: SessionRecord, in store: any Store) async throws -> Intake {
        let latest = try await store.latestResponseID(of: session)
        let intake = Intake(store: store, session: session, tally: try await store.currentTally(of: session, participants: .tokens))
        await intake.setLastSeen(latest)
        return intake
    }

    // MARK: Following other processes

    /// The newest stored response this intake has counted (for `refresh`).
    private var lastSeenResponse: Int64 = 0
    private var lastChangeCounter: Int64?

    private func setLastSeen(_ id: Int64) { lastSeenResponse = id }

    /// Takes in what other processes committed to the store since the last look — answers,
    /// round and question changes, hand counts — and tells the observers. Cheap when nothing
    /// changed (one PRAGMA).
    public func refresh() async throws {
        await acquire()
        defer { release() }
        let counter = try await store.changeCounter()
        guard counter != lastChangeCounter else { return }
        try await reloadControl()
        var fresh: [Response] = []
        for row in try await store.responses(of: session, after: lastSeenResponse) {
            lastSeenResponse = max(lastSeenResponse, row.id)
            let response = row.response
            // Our own commits are already counted: recording them again changes nothing.
            if tally.tally(round: response.round, question: response.question)?.answer(of: response.participant) != response.answer {
                tally.record(response)
                fresh.append(response)
            }
        }
        if !fresh.isEmpty { notify(.recorded(fresh)) }
        for count in try await store.hands(of: session)
        where tally.tally(round: count.round, question: count.question)?.hands != count.counts {
            tally.setHands(count)
            notify(.hands(count))
        }
        // Marked as seen only once everything was read: after a failed read, the next look reads again.
        lastChangeCounter = counter
    }

    /// A participant's counted answers in `round`, by question id. (Asking for these rather
    /// than for the whole tally keeps the tally unshared, so counting an answer never has to
    /// copy it.)
    public func latestAnswers(of participant: String, in round: String) -> [String: Answer] {
        var answers: [String: Answer] = [:]
        for question in definition.questions(in: round) {
            answers[question.id] = tally.tally(round: round, question: question.id)?.answer(of: participant)
        }
        return answers
    }

    /// Follows what other processes commit until the task is cancelled, so that a console
    /// and a server on the same database see each other's changes (see `StoreFollower`);
    /// with `qandA`, the session's Q&A too.
    public nonisolated func follow(every interval: Duration = .milliseconds(100), qandA: QandADesk? = nil,
                                   trouble: @escaping @Sendable (String?) -> Void = { _ in }) async {
        await StoreFollower.follow(store, every: interval, trouble: trouble) {
            try await self.refresh()
            try await qandA?.refresh()
        }
    }

    /// The count of `question` in every round that has run and asks it (what the wall shows
    /// when its results are revealed). A copy shares the live count's storage until it changes.
    public func tallies(of question: String) -> [(round: String, tally: QuestionTally)] {
        definition.rounds.compactMap { round in
            guard engine.control.phase(of: round) != .pending, let tally = tally.tally(round: round, question: question) else { return nil }
            return (round, tally)
        }
    }

    /// A participant's latest answer to `question` in any round (the latest round first).
    public func answer(of participant: String, to question: String) -> Answer? {
        for round in definition.rounds.reversed() {
            if let answer = tally.tally(round: round, question: question)?.answer(of: participant) { return answer }
        }
        return nil
    }

    private let queue = Mutex(CommitQueue())

    /// How many answer groups wait for the next commit (diagnostics and tests).
    nonisolated var waitingForCommit: Int { queue.withLock { $0.count } }

    /// Checks a live answer, commits it and counts it. Returns only after the commit: an
    /// answer is acknowledged only once it is durable. Answers are stored in the order they
    /// join the commit queue; two answers one participant sends at the same moment to the same
    /// question have no order between them, and whichever is stored last counts.
    public nonisolated func submit(_ submission: Submission) async -> Result<Response, IntakeRefusal> {
        let (result, generation) = await check(submission)
        guard case .success(let response) = result else { return result }
        if let refusal = await commit([response], checkedAt: generation) { return .failure(refusal) }
        return .success(response)
    }

    /// Checks many live answers and commits the accepted ones together.
    /// The result has one entry per submission, in order.
    public nonisolated func submit(batch submissions: [Submission]) async -> [Result<Response, IntakeRefusal>] {
        let (checked, generation) = await check(batch: submissions)
        let accepted = checked.compactMap { try? $0.get() }
        guard !accepted.isEmpty, let refusal = await commit(accepted, checkedAt: generation) else { return checked }
        return checked.map { $0.flatMap { _ in .failure(refusal) } }
    }

    private func check(_ submission: Submission) -> (Result<Response, IntakeRefusal>, generation: Int) {
        (engine.check(submission).mapError(IntakeRefusal.refused), engineGeneration)
    }

    private func check(batch submissions: [Submission]) -> ([Result<Response, IntakeRefusal>], generation: Int) {
        (submissions.map { engine.check($0).mapError(IntakeRefusal.refused) }, engineGeneration)
    }

    /// Group commit: answers that arrive while a transaction is being written wait and go
    /// together into the next one, so one synced write serves many answers. The first answer
    /// into an idle queue starts a commit at once (no timer). Returns why the group was not
    /// recorded, if it was not. The wait is outside the actor: the waiter resumes where it
    /// runs rather than queueing for the actor again.
    private nonisolated func commit(_ responses: [Response], checkedAt generation: Int) async -> IntakeRefusal? {
        await withCheckedContinuation { done in
            if queue.withLock({ $0.add(.init(responses: responses, checkedAt: generation, done: done)) }) {
                Task { await self.drainQueue() }
            }
        }
    }

    private func drainQueue() async {
        while let waiting = queue.withLock({ $0.takeAll() }) {
            var groups: [CommitQueue.Group] = []
            // The round or question may have closed while these waited: if the engine
            // changed since they were checked, check them again against the state they are
            // about to be stored under.
            for group in waiting {
                if group.checkedAt != engineGeneration,
                   let refusal = group.responses.lazy.compactMap({ self.stillAccepted($0) }).first {
                    group.done.resume(returning: .refused(refusal))
                } else {
                    groups.append(group)
                }
            }
            let responses = groups.flatMap(\.responses)
            guard !responses.isEmpty else { continue }
            do {
                // The store decides: the commit goes through only while the control state
                // these were checked against is still the stored one.
                try await store.append(responses, to: session, ifRevision: session.revision)
                for response in responses { tally.record(response) }
                notify(.recorded(responses))
                for group in groups { group.done.resume(returning: nil) }
            } catch StoreError.controlChanged {
                // Another process opened, closed or moved something: take its state in, and
                // these answers are checked again against it on the next pass.
                do {
                    try await reloadControl()
                    queue.withLock { $0.putBack(groups) }
                } catch {
                    for group in groups { group.done.resume(returning: .notStored(String(describing: error))) }
                }
            } catch {
                // Answers that queued while this commit waited (e.g. on another process's
                // lock) have waited as long: refuse them now rather than make them wait the
                // whole timeout again, so no answer waits much over the store's timeout.
                let refusal = IntakeRefusal.notStored(String(describing: error))
                for group in groups + queue.withLock({ $0.takeWaiting() }) { group.done.resume(returning: refusal) }
            }
        }
    }

    /// Takes in the session's control state as stored now (another process changed it).
    private func reloadControl() async throws {
        guard let record = try await store.session(named: session.name) else { throw StoreError.noSuchSession(session.name) }
        // Only forward: while this read was on its way, this intake may have stored a newer state itself.
        guard record.revision > session.revision else { return }
        session = record
        if record.control != engine.control {
            engine = SessionEngine(definition: record.definition, control: record.control)
            notify(.control(record.control))
        }
    }

    /// Why a checked answer would no longer be taken now, if so.
    private func stillAccepted(_ response: Response) -> Refusal? {
        let again = Submission(participant: response.participant, question: response.question, round: response.round,
                               answer: .value(response.answer), channel: response.channel, receivedAt: response.receivedAt)
        if case .failure(let refusal) = engine.check(again) { return refusal }
        return nil
    }

    /// Applies a facilitator event: the new control state is stored before it takes effect.
    /// If another process changed the state meanwhile (a second console), its state is read
    /// and the event applied to that instead, so neither action is lost: events say what to
    /// do ("close the opening round"), so applying one again to newer state stays right —
    /// except a step to the next or previous question, which is dropped (the console shows
    /// where the other one moved).
    @discardableResult
    public func handle(_ event: SessionEvent) async throws -> [SessionEffect] {
        await acquire()
        defer { release() }
        var attempt = 0
        while true {
            attempt += 1
            var next = engine
            let effects = try next.handle(event)
            do {
                for case .persist(let control) in effects {
                    session = try await store.saveControl(control, of: session)
                }
            } catch StoreError.controlChanged where attempt < 5 {
                try await reloadControl()
                // "Next" and "previous" were meant from the state the facilitator saw: after
                // another console moved, they show where it moved rather than step on from there.
                if event == .next || event == .previous { return [] }
                continue
            }
            engine = next
            if !effects.isEmpty { notify(.control(next.control)) }
            return effects
        }
    }

    /// Stores show-of-hands counts for a question in a round and counts them.
    public func setHands(_ count: HandCount) async throws {
        await acquire()
        defer { release() }
        try count.validate(against: session.definition)
        try await store.saveHands(count, of: session)
        tally.setHands(count)
        notify(.hands(count))
    }
}

/// Why an answer was not accepted.
public enum IntakeRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The engine refused it (round closed, invalid answer, …).
    case refused(Refusal)
    /// The store could not commit it (disk full, database locked, …): it was not recorded.
    case notStored(String)

    public var description: String {
        switch self {
        case .refused(let refusal): return refusal.description
        case .notStored(let reason): return "the answer could not be stored: \(reason)"
        }
    }
}

/// A change the intake committed, as told to its observers.
public enum IntakeChange: Sendable, Hashable {
    case recorded([Response])
    case control(SessionControl)
    case hands(HandCount)
}
