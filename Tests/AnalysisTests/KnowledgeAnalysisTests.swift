import Foundation
import Testing
@testable import Analysis
import PollCore

/// The knowledge check's analysis against scipy, statsmodels and pingouin
/// (`tests/stats/knowledge_reference.py`) on seeded sessions where people learn, skip and
/// guess, and by hand on a small one.
@Suite("Knowledge check analysis")
struct KnowledgeAnalysisTests {
    static let poll = try! PollFileParser.parse("""
        title: Digital security
        questions:
          - {id: k1, kind: single, ask: One?, options: [a, b, c], correct: b}
          - {id: k2, kind: single, ask: Two?, options: [a, b, c, d], correct: a}
          - {id: k3, kind: multi, max: 2, ask: Three?, options: [a, b, c], correct: [a, c]}
          - {id: k4, kind: single, ask: Four?, options: [yes, no], correct: no}
          - {id: k5, kind: single, ask: Five?, options: [a, b, c], correct: c}
          - {id: opinion, kind: likert, ask: Useful?}
        """)

    /// A seeded room: each person answers each item with probability 0.9, rightly with a
    /// chance that grows from the first round to the last.
    static func session(seed: UInt64, people: Int) -> (Tally, [String: [String: [Int?]]]) {
        var rng = SeededGenerator(seed: seed)
        var tally = Tally(definition: poll)
        var rows: [String: [String: [Int?]]] = ["first": [:], "last": [:]]
        let knowledge = poll.questions.filter(\.isKnowledge)
        for person in 0..<people {
            let skill = Double.random(in: 0...1, using: &rng)
            for (round, name, boost) in [("opening", "first", 0.0), ("closing", "last", 0.35)] {
                guard Double.random(in: 0..<1, using: &rng) < 0.93 else { continue }
                var row: [Int?] = []
                for question in knowledge {
                    guard Double.random(in: 0..<1, using: &rng) < 0.9 else { row.append(nil); continue }
                    let right = Double.random(in: 0..<1, using: &rng) < min(0.95, 0.25 + 0.5 * skill + boost)
                    let correct = question.correct!
                    let answer: Answer = question.kind == .multi
                        ? .choices(right ? correct : [1])
                        : .choice(right ? correct[0] : (correct[0] + 1) % question.options.count)
                    tally.record(participant: "p\(person)", round: round, question: question.id, answer: answer)
                    row.append(right ? 1 : 0)
                }
                if row.contains(where: { $0 != nil }) { rows[name]!["p\(person)"] = row }
            }
        }
        return (tally, rows)
    }

    static func reference(_ rows: [String: [String: [Int?]]]) throws -> [String: Any] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../tests/stats/knowledge_reference.py").standardized.path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roompoll-knowledge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.json"), output = folder.appendingPathComponent("out.json")
        try JSONEncoder().encode(rows).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "knowledge_reference.py failed (scipy, statsmodels, pingouin installed?)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
    }

    static func close(_ a: Double?, _ b: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a, let b = b as? Double else {
            #expect(a == nil && (b == nil || b is NSNull), "\(what): \(String(describing: a)) vs \(String(describing: b))", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(UInt64(1), 12), (2, 40), (3, 150)])
    func agreesWithScipyStatsmodelsAndPingouin(seed: UInt64, people: Int) throws {
        let (tally, rows) = Self.session(seed: seed, people: people)
        let analysis = try #require(KnowledgeAnalysis.analyze(tally))
        let expected = try Self.reference(rows)
        if people >= 40 {
            #expect(analysis.rounds.allSatisfy { $0.reliability != nil } && analysis.pairedT != nil && analysis.wilcoxon != nil
                    && analysis.items.allSatisfy { $0.test != nil && $0.pairedInterval != nil }, "the comparison below compares numbers")
        }
        let items = try #require(expected["items"] as? [[String: Any]])
        #expect(analysis.items.count == 5 && items.count == 5)
        for (item, want) in zip(analysis.items, items) {
            let rounds = want["rounds"] as! [[String: Any]]
            for (round, wantRound) in zip(item.rounds, rounds) {
                #expect(round.correct == wantRound["correct"] as? Int && round.respondents == wantRound["n"] as? Int)
                Self.close(round.interval?.lower, wantRound["lower"], "\(item.question.id) lower")
                Self.close(round.interval?.upper, wantRound["upper"], "\(item.question.id) upper")
            }
            #expect([item.rightBoth, item.gained, item.lost, item.wrongBoth]
                    == [want["right_both"], want["gained"], want["lost"], want["wrong_both"]].map { $0 as? Int })
            Self.close(item.pairedInterval?.lower, want["lower"], "\(item.question.id) paired lower")
            Self.close(item.pairedInterval?.upper, want["upper"], "\(item.question.id) paired upper")
            Self.close(item.test?.pValue, want["p_value"], "\(item.question.id) McNemar")
        }
        #expect(analysis.rounds.map(\.participants) == (expected["participants"] as? [Int]))
        for (round, want) in zip(analysis.rounds, expected["mean_percent"] as! [Double]) { Self.close(round.meanPercent, want, "mean percent") }
        #expect(analysis.paired == expected["paired"] as? Int)
        Self.close(analysis.meanChange, expected["mean_change"], "mean change")
        Self.close(analysis.meanInterval?.lower, expected["mean_lower"], "mean lower")
        Self.close(analysis.meanInterval?.upper, expected["mean_upper"], "mean upper")
        Self.close(analysis.pairedT?.statistic, expected["t"], "t")
        Self.close(analysis.pairedT?.pValue, expected["t_p"], "t p")
        // The reference has the signed-rank test only where scipy can compute it exactly (up to
        // 16 nonzero differences) or approximately (above 50); between them, roompoll's exact test
        // is the one checked against reference.py.
        if expected["w_p"] is Double {
            if expected["w"] is Double { Self.close(analysis.wilcoxon?.statistic, expected["w"], "W") }
            Self.close(analysis.wilcoxon?.pValue, expected["w_p"], "W p")
        }
        Self.close(analysis.classGain, expected["class_gain"], "class gain")
        Self.close(analysis.meanIndividualGain, expected["individual_gain"], "individual gain")
        #expect(analysis.perfectFirst == expected["perfect_first"] as? Int)
        #expect([analysis.improved, analysis.same, analysis.worse] == [expected["improved"], expected["same"], expected["worse"]].map { $0 as? Int })
        for (round, want) in zip(analysis.rounds, expected["alpha"] as! [Any]) { Self.close(round.reliability, want, "alpha") }
    }

    @Test func aSmallRoomByHand() throws {
        let poll = try PollFileParser.parse("""
            title: T
            questions:
              - {id: a, kind: single, ask: A?, options: [x, y], correct: y}
              - {id: b, kind: single, ask: B?, options: [x, y], correct: x}
            """)
        var tally = Tally(definition: poll)
        // Opening: p1 1/2, p2 0/2, p3 2/2 (perfect). Closing: p1 2/2, p2 1/2, p3 2/2.
        let answers: [(String, String, String, Int)] = [
            ("p1", "opening", "a", 1), ("p1", "opening", "b", 1), ("p2", "opening", "a", 0), ("p2", "opening", "b", 1),
            ("p3", "opening", "a", 1), ("p3", "opening", "b", 0),
            ("p1", "closing", "a", 1), ("p1", "closing", "b", 0), ("p2", "closing", "a", 1), ("p2", "closing", "b", 1),
            ("p3", "closing", "a", 1), ("p3", "closing", "b", 0),
        ]
        for (who, round, question, option) in answers {
            tally.record(participant: who, round: round, question: question, answer: .choice(option))
        }
        let analysis = try #require(KnowledgeAnalysis.analyze(tally))
        #expect(analysis.rounds.map(\.meanPercent) == [50, 100.0 * 5 / 6])
        #expect(analysis.improved == 2 && analysis.same == 1 && analysis.worse == 0 && analysis.perfectFirst == 1)
        // Class gain: (83.3 − 50)/(100 − 50) = 2/3; individual: p1 (100−50)/50 = 1, p2 (50−0)/100 = 0.5 → 0.75.
        #expect(abs(analysis.classGain! - 2.0 / 3) < 1e-12 && abs(analysis.meanIndividualGain! - 0.75) < 1e-12)
        #expect(KnowledgeAnalysis.gainLevel(2.0 / 3) == "medium" && KnowledgeAnalysis.gainLevel(0.75) == "high"
                && KnowledgeAnalysis.gainLevel(0.29) == "low" && KnowledgeAnalysis.gainLevel(-0.1) == "negative")
        #expect(analysis.items[0].gained == 1 && analysis.items[0].rightBoth == 2 && analysis.items[1].gained == 1 && analysis.items[1].rightBoth == 1 && analysis.items[1].wrongBoth == 1)
    }

    static func analysis(_ yaml: String, _ answers: [(String, String, String, Int)]) throws -> KnowledgeAnalysis {
        let poll = try PollFileParser.parse(yaml)
        var tally = Tally(definition: poll)
        for (who, round, question, option) in answers {
            tally.record(participant: who, round: round, question: question, answer: .choice(option))
        }
        return try #require(KnowledgeAnalysis.analyze(tally))
    }

    /// A question asked in one round only is not in either round's score: before and after
    /// are the same test.
    @Test func scoresCountOnlyTheQuestionsAskedInBothRounds() throws {
        let analysis = try Self.analysis("""
            title: T
            questions:
              - {id: both, kind: single, ask: A?, options: [x, y], correct: y}
              - {id: early, kind: single, ask: B?, options: [x, y], correct: y, rounds: [opening]}
              - {id: late, kind: single, ask: C?, options: [x, y], correct: y, rounds: [closing]}
            """, [("p1", "opening", "both", 0), ("p1", "opening", "early", 1), ("p1", "closing", "both", 1), ("p1", "closing", "late", 0),
                  ("p2", "opening", "both", 1), ("p2", "opening", "early", 1), ("p2", "closing", "both", 1), ("p2", "closing", "late", 0)])
        #expect(analysis.scored == ["both"])
        #expect(analysis.rounds.map(\.meanPercent) == [50, 100], "only `both` counts: p1 0 → 100, p2 100 → 100")
        #expect(analysis.improved == 1 && analysis.same == 1)
        #expect(analysis.items.count == 3 && analysis.items[1].rounds.map(\.round) == ["opening"])
    }

    /// The headline's words match its numbers: equal rounded percentages, a round nobody has
    /// taken yet, and a room where everyone was right both times (no interval of zero width).
    @Test func theHeadlineSaysWhatTheNumbersSay() throws {
        let yaml = "title: T\nquestions:\n  - {id: a, kind: single, ask: A?, options: [x, y], correct: y}\n  - {id: b, kind: single, ask: B?, options: [x, y], correct: y}\n"
        let same = try Self.analysis(yaml, [("p1", "opening", "a", 1), ("p1", "opening", "b", 0), ("p2", "opening", "a", 0), ("p2", "opening", "b", 1),
                                            ("p1", "closing", "a", 0), ("p1", "closing", "b", 1), ("p2", "closing", "a", 1), ("p2", "closing", "b", 0)])
        #expect(same.headline.hasPrefix("Right answers: 50% of the room in both rounds; among the 2 who took it twice, not clearly different from no change"), "\(same.headline)")
        #expect(same.headline.contains("(normalized gain 0.00, none)"))
        let halfway = try Self.analysis(yaml, [("p1", "opening", "a", 1), ("p1", "opening", "b", 0)])
        #expect(halfway.headline == "Right answers: 50% of the room in the opening round; the check has not been taken in both rounds.")
        let perfect = try Self.analysis(yaml, [("p1", "opening", "a", 1), ("p1", "opening", "b", 1), ("p2", "opening", "a", 1), ("p2", "opening", "b", 1),
                                               ("p1", "closing", "a", 1), ("p1", "closing", "b", 1), ("p2", "closing", "a", 1), ("p2", "closing", "b", 1)])
        #expect(perfect.meanChange == 0 && perfect.meanInterval == nil && perfect.classGain == nil && !perfect.isClear)
        #expect(perfect.headline == "Right answers: 100% of the room in both rounds; among the 2 who took it twice, not clearly different from no change.")
    }

    @Test func noKnowledgeQuestionsNoAnalysis() throws {
        let poll = try PollFileParser.parse("title: T\nquestions:\n  - {id: a, kind: single, ask: A?, options: [x, y]}\n")
        #expect(KnowledgeAnalysis.analyze(Tally(definition: poll)) == nil)
    }
}
