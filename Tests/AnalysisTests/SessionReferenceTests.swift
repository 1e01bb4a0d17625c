import Foundation
import Testing
@testable import Analysis
import PollCore

/// Whole sessions through `ShiftAnalysis`, every test it runs recomputed from the same answers
/// with scipy and statsmodels (`tests/stats/session_reference.py`): the right answers go to the
/// right test (paired or not, closing − opening, the leader's option). Seeded simulated
/// audiences of 20 to 2,000 participants, some leaving and some arriving between the rounds.
@Suite("Shift analysis of whole sessions against scipy and statsmodels")
struct SessionReferenceTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../tests/stats/session_reference.py").standardized.path
    static let poll = PollDefinition(title: "Reference", questions: [
        Question(id: "group", kind: .single, ask: "?", options: ["Room", "Online", "Staff"], segment: true, rounds: ["opening"]),
        Question(id: "single", kind: .single, ask: "?", options: ["Yes", "No", "Not sure"], rounds: ["opening", "closing"]),
        Question(id: "multi", kind: .multi, ask: "?", options: ["A", "B", "C", "D"], max: 2, rounds: ["opening", "closing"]),
        Question(id: "likert", kind: .likert, ask: "?", options: Question.defaultLikertLabels, rounds: ["opening", "closing"]),
        Question(id: "scale", kind: .scale, ask: "?", max: 10, min: 0, rounds: ["opening", "closing"]),
        Question(id: "ranking", kind: .ranking, ask: "?", options: ["Courts", "Press", "Streets"], rounds: ["opening", "closing"]),
    ])

    struct Expected: Decodable {
        var question: String
        var name: String
        var option: String?
        var paired: Bool
        var primary: Bool
        var statistic: Double?
        var df: Double?
        var p_value: Double?
    }

    static func session(size: Int, seed: UInt64) -> [Response] {
        var engine = SessionEngine(definition: poll, control: SessionControl(startOf: poll, pace: .audience))
        let audience = SimulatedAudience(definition: poll, size: size, seed: seed)
        var responses: [Response] = []
        for round in poll.rounds {
            _ = try? engine.handle(.openRound(round))
            for submission in audience.submissions(round: round, at: Date(timeIntervalSince1970: 1_800_000_000)) {
                if case .success(let response) = engine.checkRecorded(submission) { responses.append(response) }
            }
        }
        return responses
    }

    static func value(_ answer: Answer) -> Any {
        switch answer {
        case .choice(let i): return i
        case .choices(let picked): return picked
        case .number(let n): return n
        case .order(let order): return order
        case .words(let words): return words
        case .text(let text): return text
        }
    }

    static func reference(_ responses: [Response]) throws -> [Expected] {
        let document: [String: Any] = [
            "questions": poll.questions.map { ["id": $0.id, "kind": $0.kind.rawValue, "options": $0.options, "segment": $0.segment] },
            "responses": responses.map { ["participant": $0.participant, "round": $0.round, "question": $0.question, "answer": value($0.answer)] },
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: try JSONSerialization.data(withJSONObject: document))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "session_reference.py failed")
        return try JSONDecoder().decode([Expected].self, from: data)
    }

    static func agrees(_ swift: Double?, _ python: Double?, pValue: Bool = false) -> Bool {
        guard let swift, let python else { return swift == nil && python == nil }
        if pValue && python < 1e-3 && abs(swift - python) <= 1e-12 { return true }
        return abs(swift - python) <= 1e-9 * max(abs(python), 1e-300) || abs(swift - python) <= 1e-12
    }

    /// Tiny rooms (exact tests, few pairs) as well as large ones.
    @Test(arguments: [(4, 11), (8, 12), (12, 13), (30, 14), (20, 1), (50, 2), (200, 3), (800, 4), (2000, 5)] as [(Int, UInt64)])
    func everyTestAgrees(size: Int, seed: UInt64) throws {
        let responses = Self.session(size: size, seed: seed)
        let report = ShiftAnalysis.analyze(session: SessionInfo(name: "s", pollTitle: "P", event: nil, createdAt: .now),
                                           definition: Self.poll, responses: responses)
        let expected = try Self.reference(responses)
        var compared = 0
        for shift in report.questions {
            for test in shift.tests {
                let matches = expected.filter {
                    $0.question == shift.question.id && $0.name == test.result.name && $0.option == test.option && $0.paired == test.paired
                }
                guard let python = matches.first, matches.count == 1 else {
                    Issue.record("\(shift.question.id) \(test.result.name) \(test.option ?? ""): no single reference")
                    continue
                }
                compared += 1
                #expect(test.primary == python.primary, "\(shift.question.id) \(test.result.name) \(test.option ?? ""): primary \(test.primary) vs \(python.primary)")
                // Fisher's odds ratio has no finite value with a zero cell (scipy: 0 or inf).
                if test.result.statistic != nil || test.result.name != "fisher_exact" {
                    #expect(Self.agrees(test.result.statistic, python.statistic),
                            "\(shift.question.id) \(test.result.name) \(test.option ?? "") statistic: \(String(describing: test.result.statistic)) vs \(String(describing: python.statistic))")
                }
                #expect(Self.agrees(test.result.df, python.df), "\(shift.question.id) \(test.result.name) df")
                #expect(Self.agrees(test.result.pValue, python.p_value, pValue: true),
                        "\(shift.question.id) \(test.result.name) \(test.option ?? "") p: \(test.result.pValue) vs \(String(describing: python.p_value))")
            }
        }
        // Did the segment's groups move differently: each group's change and n, and the test.
        let comparisons = Self.checkComparisons(report, expected)
        compared += comparisons.count
        #expect(size < 20 || !comparisons.isEmpty, "the groups were compared")

        // Every test the references could run, Swift ran too (Stuart–Maxwell aside: statsmodels
        // answers some singular tables that have no test).
        let ran = Set(report.questions.flatMap { shift in shift.tests.map { "\(shift.question.id) \($0.result.name) \($0.option ?? "")" } })
        for python in expected where python.p_value != nil && python.name != "stuart_maxwell" && python.name != "group_change"
            && python.name != "one_way_anova" && python.name != "heterogeneity_q" {
            #expect(ran.contains("\(python.question) \(python.name) \(python.option ?? "")"), "Swift skipped \(python.question) \(python.name) \(python.option ?? "")")
        }
        #expect(compared >= (size < 20 ? 5 : 20))
        // The references chose the same primary test for every question that has one.
        #expect(expected.filter(\.primary).count == report.questions.filter { $0.primary != nil }.count)
    }
    /// Each segment comparison's groups (label, n, change) and test against the reference;
    /// every test the reference ran, Swift ran too. Returns the comparisons tested.
    static func checkComparisons(_ report: ShiftReport, _ expected: [Expected]) -> Set<String> {
        var comparisons = Set<String>()
        for breakdown in report.segments {
            for comparison in breakdown.comparisons {
                let by = "by \(breakdown.segment.id)", id = comparison.question.id
                let groups = expected.filter { $0.question == id && $0.name == "group_change" && $0.option?.hasPrefix(by + ": ") == true }
                #expect(groups.map { String($0.option!.dropFirst(by.count + 2)) } == comparison.groups.map(\.label), "\(id): the same groups")
                for (group, python) in zip(comparison.groups, groups) {
                    #expect(agrees(group.change, python.statistic), "\(id) \(group.label) change: \(group.change) vs \(String(describing: python.statistic))")
                    #expect(Double(group.n) == python.df && (comparison.design == .paired) == python.paired)
                }
                guard let test = comparison.test else { continue }
                comparisons.insert("\(id) \(test.name) \(by)")
                let python = expected.first { $0.question == id && $0.name == test.name && $0.option == by }
                #expect(python != nil, "\(id) \(test.name): no reference")
                #expect(agrees(test.statistic, python?.statistic) && agrees(test.df, python?.df), "\(id) \(test.name) statistic")
                #expect(agrees(test.pValue, python?.p_value, pValue: true), "\(id) \(test.name) p: \(test.pValue) vs \(String(describing: python?.p_value))")
            }
        }
        for python in expected where ["one_way_anova", "heterogeneity_q"].contains(python.name) {
            #expect(comparisons.contains("\(python.question) \(python.name) \(python.option ?? "")"), "Swift skipped \(python.question) \(python.name)")
        }
        return comparisons
    }

    /// Most of the closing round are new people (the same groups): the rounds are compared as
    /// independent samples, and the groups' changes by Cochran's Q.
    @Test func unpairedGroupComparisonsAgree() throws {
        let responses = Self.session(size: 300, seed: 7)
        let groupOf = Dictionary(responses.filter { $0.question == "group" }.map { ($0.participant, $0) }) { a, _ in a }
        var moved = Set<String>()
        var changed = responses.map { response -> Response in
            guard response.round == "closing", response.participant.unicodeScalars.reduce(0, { $0 + Int($1.value) }) % 10 < 7 else { return response }
            var later = response
            later.participant += "-later"
            moved.insert(response.participant)
            return later
        }
        for participant in moved.sorted() {
            if var segment = groupOf[participant] {
                segment.participant += "-later"
                changed.append(segment)
            }
        }
        let report = ShiftAnalysis.analyze(session: SessionInfo(name: "s", pollTitle: "P", event: nil, createdAt: .now),
                                           definition: Self.poll, responses: changed)
        let comparisons = Self.checkComparisons(report, try Self.reference(changed))
        #expect(comparisons.contains { $0.contains("heterogeneity_q") }, "\(comparisons)")
        #expect(report.segments.flatMap(\.comparisons).contains { $0.design == .unpaired })
    }
}
