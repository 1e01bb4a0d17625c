/// What a simulated audience does in the Q&A, in order: a few members ask, many upvote.
public enum SimulatedQandAStep: Sendable, Hashable {
    case ask(author: String, text: String, side: QandASide)
    /// A vote for the `question`-th question asked (0-based).
    case vote(voter: String, question: Int)
}

extension SimulatedAudience {
    static let questionPool = [
        "Could you give a concrete example from your own work?",
        "What can civil society do in the next six months?",
        "How does this differ between countries with weak courts?",
        "Who should we talk to after this workshop?",
        "Where can we read more about the cases you mentioned?",
        "What is the biggest risk you see in the current drafts?",
        "How do we reach people who are not online?",
        "Is there any good law we could point to?",
    ]

    /// The Q&A: about one member in ten asks (at most eight questions), each on their side (the
    /// poll's place question when it has one, else alternating), and everyone upvotes up to
    /// three of them, the early and popular ones more often. Seeded: the same every time.
    public func qandASteps() -> [SimulatedQandAStep] {
        var rng = SeededGenerator(seed: seed &+ 0x51A)
        let place = definition.qa?.place
        let askers = members.filter { _ in Double.random(in: 0..<1, using: &rng) < 0.1 }.prefix(Self.questionPool.count)
        var steps: [SimulatedQandAStep] = []
        for (index, member) in askers.enumerated() {
            let side: QandASide = place.map { member.segments[$0.question] == $0.roomOption ? .room : .online }
                ?? (index % 2 == 0 ? .room : .online)
            steps.append(.ask(author: member.token, text: Self.questionPool[index], side: side))
            // Votes come in between the questions: on those asked so far.
            for voter in members where Double.random(in: 0..<1, using: &rng) < 0.15 {
                let pick = Int((Double.random(in: 0..<1, using: &rng) * Double(index + 1)).squareRoot() * Double(index + 1).squareRoot())
                steps.append(.vote(voter: voter.token, question: min(index, pick)))
            }
        }
        return steps
    }
}
