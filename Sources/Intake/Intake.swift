import Foundation
import PollCore
import Store

/// Where answers from every channel (web, kiosk, hands, import) are checked by the session
/// engine, committed to the store and then counted in the live tally.
///
/// The in-memory engine and tally are a copy of what the store holds, rebuilt from it when the
/// intake opens, so a crashed process resumes exactly where it was.
public actor Intake {
    public let store: any Store
    public private(set) var session: SessionRecord
    public private(set) var engine: SessionEngine
    public private(set) var tally: Tally

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

    init(store: any Store, session: SessionRecord, responses: [Response], hands: [HandCount]) {
        self.store = store
        self.session = session
        engine = SessionEngine(definition: session.definition, control: session.control)
        tally = Tally(definition: session.definition, responses: responses, hands: hands)
    }

    /// Opens an existing session: its control state, answers and hand counts as stored.
    public static func open(_ session: SessionRecord, in store: any Store) async throws -> Intake {
        async let responses = store.currentResponses(of: session)
        async let hands = store.hands(of: session)
        return Intake(store: store, session: session, responses: try await responses, hands: try await hands)
    }

    /// Checks a live answer, commits it and counts it. Returns only after the commit.
    public func submit(_ submission: Submission) async -> Result<Response, IntakeRefusal> {
        await acquire()
        defer { release() }
        switch engine.check(submission) {
        case .failure(let refusal):
            return .failure(.refused(refusal))
        case .success(let response):
            do {
                try await store.append([response], to: session)
            } catch {
                return .failure(.notStored(String(describing: error)))
            }
            tally.record(response)
            notify(.recorded([response]))
            return .success(response)
        }
    }

    /// Checks many live answers and commits the accepted ones in one transaction.
    /// The result has one entry per submission, in order.
    public func submit(batch submissions: [Submission]) async -> [Result<Response, IntakeRefusal>] {
        await acquire()
        defer { release() }
        let checked = submissions.map { engine.check($0).mapError(IntakeRefusal.refused) }
        let accepted = checked.compactMap { try? $0.get() }
        do {
            try await store.append(accepted, to: session)
        } catch {
            let failure = IntakeRefusal.notStored(String(describing: error))
            return checked.map { $0.flatMap { _ in .failure(failure) } }
        }
        for response in accepted { tally.record(response) }
        if !accepted.isEmpty { notify(.recorded(accepted)) }
        return checked
    }

    /// Applies a facilitator event: the new control state is stored before it takes effect.
    @discardableResult
    public func handle(_ event: SessionEvent) async throws -> [SessionEffect] {
        await acquire()
        defer { release() }
        var next = engine
        let effects = try next.handle(event)
        for case .persist(let control) in effects {
            session = try await store.saveControl(control, of: session)
        }
        engine = next
        if !effects.isEmpty { notify(.control(next.control)) }
        return effects
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
