import PollCore

/// Computes a `ShiftReport` from a session's poll, current responses and hand counts. Pure.
///
/// Per question asked in two rounds or more, the first and the last are compared: each round's
/// distribution, the change per option in points, the paired participants' turnover, every test
/// DESIGN.md's table lists that the data allow, one primary test per question (in the design
/// `design` picks) and Holm's adjustment of the primary p-values across the session.
public enum ShiftAnalysis {
    /// How many words a `words` question reports.
    public static let topWords = 10
    /// Rooms smaller than this get a precision caveat.
    public static let smallRoom = 50
    /// The significance level of "a clear shift" (after Holm's adjustment).
    public static let alpha = 0.05

    public static func analyze(session: SessionInfo, definition: PollDefinition, responses: [Response],
                               hands: [HandCount] = []) -> ShiftReport {
        analyze(session: session, tally: Tally(definition: definition, responses: responses, hands: hands))
    }

    /// The same analysis from live tallies (the console keeps one up to date). `segments: false`
    /// leaves out the segment breakdowns (the console does not show them).
    public static func analyze(session: SessionInfo, tally: Tally, segments: Bool = true) -> ShiftReport {
        let definition = tally.definition
        var questions = ParallelMap.map(definition.questions) { shift(of: $0, tally: tally) }
        adjust(&questions)
        let people = Dictionary(uniqueKeysWithValues: definition.rounds.map { ($0, tally.participantCount(inEvery: [$0])) })
        var report = ShiftReport(session: session, rounds: definition.rounds, participants: people, questions: questions)
        if let first = definition.rounds.first, let last = definition.rounds.last, first != last {
            report.pairedParticipants = tally.participantCount(inEvery: [first, last])
        }
        report.knowledge = KnowledgeAnalysis.analyze(tally)
        // The caveat is about the room: its largest round, not its least answered question.
        report.caveat = caveat(people.values.max() ?? 0)
        if segments {
            let room = questions
            report.segments = ParallelMap.map(definition.questions.filter(\.segment)) {
                SegmentAnalysis.breakdown(by: $0, tally: tally, room: room)
            }.compactMap { $0 }
            adjust(&report.segments)
        }
        return report
    }

    /// One question, from the first to the last round it is asked in.
    static func shift(of question: Question, tally: Tally, tests: Bool = true) -> QuestionShift {
        let rounds = tally.definition.rounds.filter(question.isAsked)
        let tallies = rounds.compactMap { tally.tally(round: $0, question: question.id) }
        let labels = rowLabels(question, tallies: tallies)
        let distributions = zip(rounds, tallies).map { distribution($1, round: $0, labels: labels) }
        var shift = QuestionShift(question: question, rounds: distributions, changePoints: nil, note: nil)
        if let note = whyNotMeasured(question, distributions) {
            shift.note = note
            shift.verdict = .notTested(note)
            shift.headline = Headline.sentence(shift)
            return shift
        }
        let first = distributions.first!, last = distributions.last!
        shift.changePoints = zip(first.rows, last.rows).map { $1.percent - $0.percent }
        let answers = RoundAnswers(first: tallies.first!, last: tallies.last!)
        shift.paired = paired(answers)
        switch question.kind {
        case .single, .multi: ChoiceAnalysis.complete(&shift, answers, tests: tests)
        case .likert, .scale: OrderedAnalysis.complete(&shift, answers, tests: tests)
        case .ranking: RankingAnalysis.complete(&shift, answers, tests: tests)
        case .words: WordsAnalysis.complete(&shift, answers)
        case .text: break
        }
        if everyoneAgrees(answers, distributions) {
            shift.tests = []
            shift.verdict = .notTested("everyone gave the same answer in both rounds")
        } else if first.n < 2 || last.n < 2 {
            shift.tests = []
            shift.verdict = .notTested("too few answers to test (fewer than 2 in a round)")
        } else if !tests {
            shift.verdict = .notTested("segments are described, not tested")
        } else if shift.primary == nil, shift.verdict == .notTested("") {
            shift.verdict = .notTested(question.kind == .words ? "words are described, not tested" : "too few answers to test")
        }
        shift.headline = Headline.sentence(shift)
        return shift
    }

    /// The design of a question's primary test: paired when the participants who answered both
    /// rounds are at least half of the smaller round's respondents (show-of-hands counts are
    /// respondents who cannot be paired), so that the same people are never tested as if they
    /// were two independent samples; otherwise the rounds are compared as independent samples
    /// (few people answered both, so their overlap barely matters).
    static func design(_ shift: QuestionShift) -> QuestionShift.Design {
        let pairs = shift.paired?.n ?? 0
        let smaller = min(shift.rounds.first?.n ?? 0, shift.rounds.last?.n ?? 0)
        return pairs > 0 && 2 * pairs >= smaller ? .paired : .unpaired
    }

    /// Why a question's change cannot be measured at all, if so.
    static func whyNotMeasured(_ question: Question, _ rounds: [RoundDistribution]) -> String? {
        guard let first = rounds.first, let last = rounds.last, rounds.count >= 2 else { return "asked in one round only" }
        if question.kind == .text { return "free text is shown, not measured" }
        guard first.n > 0, last.n > 0 else {
            return "nobody answered in the \(first.n == 0 ? first.round : last.round) round"
        }
        return nil
    }

    /// True when every answer in both rounds is the same one (nothing can have shifted).
    static func everyoneAgrees(_ answers: RoundAnswers, _ rounds: [RoundDistribution]) -> Bool {
        guard answers.question.kind != .words, answers.question.kind != .ranking || answers.question.options.count > 1 else { return false }
        // One answer at a time: a room almost always differs within its first few.
        var one: Answer?
        for tally in [answers.first, answers.last] {
            let differs = tally.containsAnswer { answer in
                if one == nil { one = answer }
                return answer != one
            }
            if differs { return false }
        }
        guard one != nil else { return false }
        // Show-of-hands counts (single and likert) must agree too.
        return rounds.allSatisfy { round in round.hands == 0 || round.rows.filter { $0.count > 0 }.count <= 1 }
    }

    /// Holm's adjustment of the primary p-values across the session, then each verdict.
    static func adjust(_ questions: inout [QuestionShift]) {
        let primaries = questions.indices.compactMap { q in questions[q].tests.firstIndex(where: \.primary).map { (q, $0) } }
        let adjusted = StatisticalTests.holm(primaries.map { questions[$0.0].tests[$0.1].result.pValue })
        for ((q, t), p) in zip(primaries, adjusted) {
            questions[q].tests[t].pAdjusted = p
            let test = questions[q].tests[t]
            questions[q].verdict = p < alpha && test.interval?.excludesZero == true ? .clearShift : .notClear
        }
    }

    /// Holm's adjustment of the group comparisons' p-values across the report (a family of its
    /// own: they are exploratory and never change a question's verdict).
    static func adjust(_ segments: inout [SegmentBreakdown]) {
        let tested = segments.indices.flatMap { s in segments[s].comparisons.indices.compactMap { c in
            segments[s].comparisons[c].test.map { (s, c, $0.pValue) }
        } }
        for ((s, c, _), p) in zip(tested, StatisticalTests.holm(tested.map(\.2))) {
            segments[s].comparisons[c].pAdjusted = p
        }
    }

    /// The precision caveat for small rooms: how many points one person is, and the margin.
    static func caveat(_ people: Int) -> String? {
        guard people < smallRoom else { return nil }
        guard people > 1 else { return "With \(people) participant\(people == 1 ? "" : "s") there is nothing to compare." }
        let onePerson = 100 / Double(people)
        let margin = 100 * 1.96 * (0.25 / Double(people)).squareRoot()
        return "With \(people) people, one person is \(NumberText.decimal(onePerson, places: 0)) points and a percentage is "
            + "only known to about ±\(NumberText.decimal(margin, places: 0)) points: read small changes as noise."
    }

    /// Participants who answered in both rounds, and how many of them answered differently.
    /// Words are compared as sets of case-folded words; show-of-hands counts are never paired.
    static func paired(_ answers: RoundAnswers) -> PairedChange {
        PairedChange(n: answers.pairs.count, differently: answers.pairs.filter { comparable($0.before) != comparable($0.after) }.count)
    }

    static func comparable(_ answer: Answer) -> Answer {
        if case .words(let words) = answer { return .words(Set(words.map { $0.lowercased() }).sorted()) }
        return answer
    }

    /// The labels of the rows: options, scale values, or the most used words over all rounds.
    static func rowLabels(_ question: Question, tallies: [QuestionTally]) -> [String] {
        switch question.kind {
        case .single, .multi, .likert, .ranking: return question.options
        case .scale: return ScaleBins(question.scaleRange).labels
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
        var result = RoundDistribution(round: round, n: n, hands: tally.hands?.reduce(0, +) ?? 0, rows: [], mean: nil,
                                       texts: question.kind == .text ? tally.texts : [])
        switch question.kind {
        case .single, .multi, .likert, .scale:
            let counts = question.kind == .scale ? ScaleBins(question.scaleRange).counts(tally.counts) : tally.counts
            result.rows = zip(labels, counts).map { Share(label: $0, count: $1, percent: percent($1)) }
            if question.kind != .multi { result.leading = LeadingAnswer.of(result.rows) }
            if question.kind == .scale || question.kind == .likert {
                let base = question.kind == .scale ? question.scaleRange.lowerBound : 1
                result.mean = DescriptiveStatistics.mean(counts: tally.counts, base: base)
                result.median = DescriptiveStatistics.median(counts: tally.counts, base: base)
                result.sd = DescriptiveStatistics.sd(counts: tally.counts, base: base)
            }
        case .ranking:
            result.rows = labels.indices.map { i in
                Share(label: labels[i], count: tally.counts[i], percent: percent(tally.counts[i]),
                      meanRank: n > 0 ? Double(tally.rankSums[i]) / Double(n) : nil)
            }
        case .words:
            result.rows = labels.map { word in
                let count = tally.wordCounts[word] ?? 0
                return Share(label: word, count: count, percent: percent(count))
            }
        case .text:
            break
        }
        return result
    }
}
