import Foundation
import PollCore

/// Feeds a simulated audience's answers into the intake over time, as a room would: while a
/// round is open its answers arrive spread over `roundDuration`, through the same checks and
/// commits as real participants. Used by `roompoll demo`.
public actor AudienceDriver {
    private let intake: Intake
    private let audience: SimulatedAudience
    private let roundDuration: Duration
    private let status: @Sendable (String?) -> Void
    /// Which of each round's scheduled answers were handed in (by index in the schedule).
    private var sent: [String: Set<Int>] = [:]
    private var schedules: [String: [Submission]] = [:]

    public init(intake: Intake, audience: SimulatedAudience, roundDuration: Duration,
                status: @escaping @Sendable (String?) -> Void) {
        self.intake = intake
        self.audience = audience
        self.roundDuration = roundDuration
        self.status = status
    }

    /// How many of `round`'s simulated answers (to `question`, when given) were handed in,
    /// and how many there are.
    public func progress(of round: String, question: String? = nil) -> (sent: Int, total: Int) {
        let all = schedule(round).indices.filter { question == nil || schedule(round)[$0].question == question }
        return (all.filter { sent[round]?.contains($0) == true }.count, all.count)
    }

    private func schedule(_ round: String) -> [Submission] {
        if let known = schedules[round] { return known }
        let made = audience.submissions(round: round, at: Date())
        schedules[round] = made
        return made
    }

    /// Runs until cancelled. In presenter pace only the question whose voting is open is answered.
    public func run() async {
        let tick = Duration.milliseconds(50)
        let ticksPerRound = max(1, roundDuration.inSeconds / 0.05)
        var lastStatus: String?
        while !Task.isCancelled {
            let control = await intake.engine.control
            var text: String
            if let round = control.openRound {
                let all = schedule(round)
                let done = sent[round] ?? []
                let open = control.pace == .audience ? nil : (control.votingOpen ? control.currentQuestion : "")
                let perTick = max(1, Int((Double(all.count) / ticksPerRound).rounded(.up)))
                let next = all.indices.lazy.filter { !done.contains($0) && (open == nil || all[$0].question == open) }.prefix(perTick)
                if !next.isEmpty {
                    let now = Date()
                    let batch = next.map { index in
                        var stamped = all[index]
                        stamped.receivedAt = now
                        return stamped
                    }
                    _ = await intake.submit(batch: Array(batch))
                    sent[round, default: []].formUnion(next)
                }
                let count = sent[round]?.count ?? 0
                text = "Simulated audience: \(count) of \(all.count) answers sent in the \(round) round"
                if count >= all.count { text += " — everyone has answered" }
                if control.pace == .presenter, !control.votingOpen { text += " (presenter pace: Space opens voting)" }
            } else {
                text = "Simulated audience of \(audience.members.count) waiting for a round to open"
            }
            if text != lastStatus {
                status(text)
                lastStatus = text
            }
            // Between rounds there is nothing to send: check four times a second only.
            try? await Task.sleep(for: control.openRound == nil ? tick * 5 : tick)
        }
    }
}

extension AudienceDriver {
    /// The simulated audience's Q&A, once the first round has opened: questions and upvotes
    /// spread over about a round's time, through the same checks and commits as real
    /// participants. Runs until done or cancelled.
    public func ask(_ desk: QandADesk) async {
        guard desk.settings != nil else { return }
        while await intake.engine.control.openRound == nil {
            if Task.isCancelled { return }
            try? await Task.sleep(for: .milliseconds(250))
        }
        let steps = audience.qandASteps()
        let pause = roundDuration / max(1, steps.count)
        var asked: [Int64] = []
        // Votes for a question still waiting for approval wait too, and are given once it shows.
        var pending: [(voter: String, question: Int)] = []
        func vote(_ voter: String, _ question: Int64?) async -> Bool {
            guard let question else { return false }
            if case .failure(.refused(.unknownQuestion)) = await desk.vote(question: question, participant: voter, up: true) { return false }
            return true
        }
        for step in steps {
            if Task.isCancelled { return }
            switch step {
            case let .ask(author, text, side):
                if case .success(let question) = await desk.ask(text: text, name: nil, side: side, author: author) { asked.append(question.id) }
            case let .vote(voter, index):
                if await !vote(voter, index < asked.count ? asked[index] : nil) { pending.append((voter, index)) }
            }
            try? await Task.sleep(for: pause)
        }
        while !pending.isEmpty && !Task.isCancelled {
            var still: [(voter: String, question: Int)] = []
            for wait in pending where await !vote(wait.voter, wait.question < asked.count ? asked[wait.question] : nil) { still.append(wait) }
            pending = still
            try? await Task.sleep(for: .milliseconds(500))
        }
    }
}
