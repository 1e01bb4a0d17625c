/// The live session as a pure state machine: facilitator events change the control state and
/// return the effects the shell must carry out; submissions are checked and turned into
/// responses or refused with a typed reason. No I/O, no clock.
public struct SessionEngine: Sendable, Hashable {
    /// The poll as it was when the session started (the session's snapshot).
    public let definition: PollDefinition
    public private(set) var control: SessionControl

    public init(definition: PollDefinition, control: SessionControl) {
        self.definition = definition
        self.control = control
    }

    // MARK: Facilitator events

    /// Applies a facilitator event; returns what to persist and broadcast.
    @discardableResult
    public mutating func handle(_ event: SessionEvent) throws(SessionEventError) -> [SessionEffect] {
        var next = control
        switch event {
        case .openRound(let round):
            guard definition.rounds.contains(round) else { throw .unknownRound(round) }
            for (name, phase) in next.phases where phase == .open { next.phases[name] = .closed }
            next.phases[round] = .open
            next.votingOpen = false
            if let current = next.currentQuestion, definition.question(current)?.isAsked(in: round) == true {
                // keep the current question
            } else {
                next.currentQuestion = definition.questions(in: round).first?.id
            }
        case .closeRound(let round):
            guard definition.rounds.contains(round) else { throw .unknownRound(round) }
            if next.phases[round] == .open { next.phases[round] = .closed }
            next.votingOpen = false
        case .select(let id):
            guard definition.question(id) != nil else { throw .unknownQuestion(id) }
            if id != next.currentQuestion { next.votingOpen = false }
            next.currentQuestion = id
        case .next, .previous:
            let list = navigable(in: next)
            guard !list.isEmpty else { throw .noQuestion }
            let position = next.currentQuestion.flatMap { id in list.firstIndex { $0.id == id } }
            let step = event == .next ? 1 : -1
            let target = position.map { min(max($0 + step, 0), list.count - 1) } ?? 0
            if list[target].id != next.currentQuestion { next.votingOpen = false }
            next.currentQuestion = list[target].id
        case .openVoting:
            guard next.pace == .presenter else { throw .audiencePace }
            guard let current = next.currentQuestion else { throw .noQuestion }
            guard let open = next.openRound else { throw .noRoundOpen }
            guard definition.question(current)?.isAsked(in: open) == true else {
                throw .notAskedInOpenRound(question: current, round: open)
            }
            next.votingOpen = true
        case .closeVoting:
            guard next.pace == .presenter else { throw .audiencePace }
            next.votingOpen = false
        case .setPace(let pace):
            next.pace = pace
            next.votingOpen = false
        case .show(let shown):
            next.shown = shown
        case .nextAgendaPart(let time):
            guard let parts = definition.agenda, !parts.isEmpty else { throw .noAgenda }
            var clock = next.agenda ?? AgendaClock()
            clock.next(at: time, count: parts.count)
            next.agenda = clock
        }
        // Another question: its results are not shown until revealed.
        if next.currentQuestion != control.currentQuestion { next.shown = nil }
        guard next != control else { return [] }
        control = next
        return [.persist(next), .broadcast(next)]
    }

    /// The questions the facilitator steps through: those of the open round, or all.
    private func navigable(in control: SessionControl) -> [Question] {
        control.openRound.map { definition.questions(in: $0) } ?? definition.questions
    }

    // MARK: Answers

    /// Checks a live submission against the open round, the pace and the question.
    public func check(_ submission: Submission) -> Result<Response, Refusal> {
        guard let question = definition.question(submission.question) else {
            return .failure(.unknownQuestion(submission.question))
        }
        if let round = submission.round, !definition.rounds.contains(round) {
            return .failure(.unknownRound(round))
        }
        guard let open = control.openRound else { return .failure(.roundClosed(submission.round)) }
        if let round = submission.round, round != open { return .failure(.roundClosed(round)) }
        guard question.isAsked(in: open) else {
            return .failure(.notAskedInRound(question: question.id, round: open))
        }
        if control.pace == .presenter, !(control.votingOpen && control.currentQuestion == question.id) {
            return .failure(.questionClosed(question.id))
        }
        return response(submission, question: question, round: open)
    }

    /// Checks a recorded answer (an import) against its question and named round only:
    /// whether that round is open now does not matter.
    public func checkRecorded(_ submission: Submission) -> Result<Response, Refusal> {
        guard let question = definition.question(submission.question) else {
            return .failure(.unknownQuestion(submission.question))
        }
        guard let round = submission.round, definition.rounds.contains(round) else {
            return .failure(.unknownRound(submission.round ?? ""))
        }
        guard question.isAsked(in: round) else {
            return .failure(.notAskedInRound(question: question.id, round: round))
        }
        return response(submission, question: question, round: round)
    }

    private func response(_ submission: Submission, question: Question, round: String) -> Result<Response, Refusal> {
        let answer: Answer
        do {
            switch submission.answer {
            case .encoded(let text): answer = try AnswerCodec.decode(text, for: question)
            case .value(let value):
                answer = AnswerCodec.normalized(value)
                try AnswerCodec.validate(answer, for: question)
            }
        } catch {
            return .failure(.invalid(error))
        }
        return .success(Response(participant: submission.participant, round: round, question: question.id,
                                 answer: answer, channel: submission.channel, receivedAt: submission.receivedAt,
                                 language: submission.language))
    }
}
