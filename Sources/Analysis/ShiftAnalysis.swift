import PollCore

/// Computes a `ShiftReport` from a session's poll, current responses and hand counts. Pure.
public enum ShiftAnalysis {
    /// How many words a `words` question reports.
    public static let topWords = 10

    public static func analyze(session: SessionInfo, definition: PollDefinition, responses: [Response],
                               hands: [HandCount] = []) -> ShiftReport {
        analyze(session: session, tally: Tally(definition: definition, responses: responses, hands: hands))
    }

    /// The same analysis from live tallies (the console keeps one up to date).
    public static func analyze(session: SessionInfo, tally: Tally) -> ShiftReport {
        let definition = tally.definition
        let questions = definition.questions.map { question in
            shift(of: question, rounds: definition.rounds.filter(question.isAsked), tally: tally)
        }
        let participants = Dictionary(uniqueKeysWithValues: definition.rounds.map { ($0, tally.participants(in: $0).count) })
        return ShiftReport(session: session, rounds: definition.rounds, participants: participants, questions: questions)
    }

    static func shift(of question: Question, rounds: [String], tally: Tally) -> QuestionShift {
        let tallies = rounds.compactMap { tally.tally(round: $0, question: question.id) }
        let labels = rowLabels(question, tallies: tallies)
        let distributions = zip(rounds, tallies).map { distribution($1, round: $0, labels: labels) }
        guard let first = distributions.first, let last = distributions.last, distributions.count >= 2 else {
            return QuestionShift(question: question, rounds: distributions, changePoints: nil,
                                 note: "asked in one round only")
        }
        if question.kind == .text {
            return QuestionShift(question: question, rounds: distributions, changePoints: nil,
                                 note: "free text is shown, not measured")
        }
        guard first.n > 0, last.n > 0 else {
            let empty = first.n == 0 ? first.round : last.round
            return QuestionShift(question: question, rounds: distributions, changePoints: nil,
                                 note: "nobody answered in the \(empty) round")
        }
        let change = zip(first.rows, last.rows).map { $1.percent - $0.percent }
        return QuestionShift(question: question, rounds: distributions, changePoints: change, note: nil,
                             paired: paired(tallies.first!, tallies.last!))
    }

    /// Participants who answered in both rounds, and how many of them answered differently.
    /// Words are compared as sets of case-folded words; show-of-hands counts are never paired.
    static func paired(_ first: QuestionTally, _ last: QuestionTally) -> PairedChange {
        var n = 0, differently = 0
        for (participant, before) in first.latest {
            guard let after = last.latest[participant] else { continue }
            n += 1
            if comparable(before) != comparable(after) { differently += 1 }
        }
        return PairedChange(n: n, differently: differently)
    }

    static func comparable(_ answer: Answer) -> Answer {
        if case .words(let words) = answer { return .words(Set(words.map { $0.lowercased() }).sorted()) }
        return answer
    }

    /// The labels of the rows: options, scale values, or the most used words over all rounds.
    static func rowLabels(_ question: Question, tallies: [QuestionTally]) -> [String] {
        switch question.kind {
        case .single, .multi, .likert, .ranking: return question.options
        case .scale: return question.scaleRange.map(String.init)
        case .text: return []
        case .words:
            var total: [String: Int] = [:]
            for tally in tallies { total.merge(tally.wordCounts, uniquingKeysWith: +) }
            return total.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(topWords).map(\.key)
        }
    }

    static func distribution(_ tally: QuestionTally, round: String, labels: [String]) -> RoundDistribution {
        let question = tally.question
        let n = tally.respondents
        func percent(_ count: Int) -> Double { n > 0 ? 100 * Double(count) / Double(n) : 0 }
        var rows: [Share]
        var mean: Double?
        switch question.kind {
        case .single, .multi, .likert, .scale:
            rows = zip(labels, tally.counts).map { Share(label: $0, count: $1, percent: percent($1)) }
            if n > 0, question.kind == .scale || question.kind == .likert {
                let base = question.kind == .scale ? question.scaleRange.lowerBound : 1
                let sum = tally.counts.enumerated().reduce(0) { $0 + ($1.offset + base) * $1.element }
                mean = Double(sum) / Double(n)
            }
        case .ranking:
            rows = labels.indices.map { i in
                Share(label: labels[i], count: tally.counts[i], percent: percent(tally.counts[i]),
                      meanRank: n > 0 ? Double(tally.rankSums[i]) / Double(n) : nil)
            }
        case .words:
            rows = labels.map { word in
                let count = tally.wordCounts[word] ?? 0
                return Share(label: word, count: count, percent: percent(count))
            }
        case .text:
            rows = []
        }
        return RoundDistribution(round: round, n: n, hands: tally.hands?.reduce(0, +) ?? 0, rows: rows, mean: mean,
                                 texts: question.kind == .text ? tally.texts : [])
    }
}
