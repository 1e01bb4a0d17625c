import Foundation
import Testing
import Analysis
import PollCore
@testable import Report

@Suite("Reports and exports")
struct ReportTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let poll = PollDefinition(title: "Encryption", event: "Workshop", questions: [
        Question(id: "yn", kind: .single, ask: "Special protection?", options: ["Yes", "No", "中文选项"], rounds: ["opening", "closing"]),
        Question(id: "order", kind: .ranking, ask: "Order?", options: ["A", "B"], rounds: ["opening", "closing"]),
        Question(id: "why", kind: .text, ask: "Why?", rounds: ["closing"]),
    ])

    static func r(_ p: String, _ q: String, _ a: Answer, _ round: String = "opening") -> Response {
        Response(participant: p, round: round, question: q, answer: a, channel: .web, receivedAt: now)
    }

    static let responses = [
        r("a", "yn", .choice(0)), r("b", "yn", .choice(1)), r("c", "yn", .choice(2)), r("d", "yn", .choice(1)),
        r("a", "yn", .choice(0), "closing"), r("b", "yn", .choice(0), "closing"), r("c", "yn", .choice(2), "closing"),
        r("a", "order", .order([1, 0])), r("a", "order", .order([0, 1]), "closing"),
        r("a", "why", .text("Because, \"quoted\""), "closing"),
    ]

    static var report: ShiftReport {
        ShiftAnalysis.analyze(session: SessionInfo(name: "demo", pollTitle: poll.title, event: poll.event, createdAt: now),
                              definition: poll, responses: responses)
    }

    @Test func textReportShowsEachRoundTheChangeAndTheVerdict() throws {
        let text = TextReport().render(Self.report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Encryption")
        #expect(lines[1] == "Workshop")
        #expect(lines.contains("Participants: opening 4, closing 3; 3 in both"))
        #expect(lines.contains { $0.hasPrefix("Note: With 4 people, one person is 25 points") }, "the precision caveat, from the room's largest round")
        let yes = lines.first { $0.hasPrefix("   Yes ") }
        #expect(yes?.contains("25%") == true)
        #expect(yes?.contains("67%") == true)
        #expect(yes?.contains("+41.7") == true)
        let cjk = lines.first { $0.contains("中文选项") }!
        #expect(DisplayWidth.of(cjk) == DisplayWidth.of(yes!), "wide characters keep the columns aligned")
        // 3 of the smaller round's 3 answered both rounds: the paired change, interval and test.
        #expect(lines.contains("   “Yes” rose from 25% to 67% (+42 points; among the 3 paired participants +33,"))
        #expect(lines.contains { $0.hasPrefix("   Not a clear shift (McNemar mid-p test on “Yes”, p\u{00A0}=\u{00A0}0.500") })
        #expect(lines.contains("   also: Fisher–Freeman–Halton exact test: p\u{00A0}=\u{00A0}0.657"), "χ²'s expected counts are under 5")
        #expect(lines.contains("   – Because, \"quoted\""))
        let rankA = try #require(lines.first { $0.hasPrefix("   A ") })
        #expect(rankA.contains("mean rank 2.0") && rankA.contains("mean rank 1.0") && rankA.hasSuffix("-1.0"), "the change of the mean rank: \(rankA)")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "fits an 80-column terminal")
        #expect(!text.contains("\u{1B}["), "plain unless asked for colour")
        #expect(TextReport(color: true).render(Self.report).contains("\u{1B}[1m"), "bold headlines in colour")
    }

    @Test func jsonReportFollowsTheSchema() throws {
        let data = Data(JSONReport().render(Self.report).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "roompoll.report/2")
        let session = try #require(json["session"] as? [String: Any])
        #expect(session["name"] as? String == "demo")
        #expect(session["poll_title"] as? String == "Encryption")
        #expect(session["created"] as? String == "2027-01-15T08:00:00.000Z")
        let questions = try #require(json["questions"] as? [[String: Any]])
        let yn = questions[0]
        #expect(yn["id"] as? String == "yn")
        #expect(yn["options"] as? [String] == ["Yes", "No", "中文选项"])
        let rounds = try #require(yn["rounds"] as? [String: [String: Any]])
        #expect(rounds["opening"]?["n"] as? Int == 4)
        #expect(rounds["opening"]?["counts"] as? [Int] == [1, 2, 1])
        #expect(rounds["closing"]?["percent"] as? [Double] == [200.0 / 3, 0, 100.0 / 3])
        let change = try #require(yn["change_points"] as? [Double])
        #expect(abs(change[0] - (200.0 / 3 - 25)) < 1e-9)
        #expect(questions[2]["note"] as? String == "asked in one round only")
        let paired = try #require(yn["paired"] as? [String: Any])
        #expect(paired["n"] as? Int == 3)
        #expect(paired["differently"] as? Int == 1)
        #expect(paired["transitions"] as? [[Int]] == [[1, 0, 0], [1, 0, 0], [0, 0, 1]])
        let tests = try #require(yn["tests"] as? [[String: Any]])
        #expect(tests.map { $0["name"] as? String } == ["chi_square_homogeneity", "fisher_freeman_halton", "mcnemar_midp", "stuart_maxwell"])
        #expect(yn["design"] as? String == "paired")
        #expect(tests[0]["primary"] as? Bool == false)
        #expect(tests[0]["df"] as? Double == 2)
        #expect(tests[0]["exact"] as? Bool == false && tests[1]["exact"] as? Bool == true)
        #expect(tests[1]["statistic"] == nil, "Fisher–Freeman–Halton has no statistic")
        #expect(tests.allSatisfy { $0["alternative"] as? String == "two-sided" })
        let mcnemar = tests[2]
        #expect(mcnemar["primary"] as? Bool == true)
        #expect((mcnemar["p_adjusted"] as? Double ?? 0) >= (mcnemar["p_value"] as? Double ?? 1))
        #expect(mcnemar["option"] as? String == "Yes")
        #expect(mcnemar["paired"] as? Bool == true)
        #expect(mcnemar["statistic"] == nil, "no min(b, c) that reads like a χ²")
        #expect(mcnemar["switched_to"] as? Int == 1 && mcnemar["switched_from"] as? Int == 0)
        // “中文选项” was kept by its one voter: Stuart–Maxwell runs on the options someone switched between.
        #expect(tests[3]["df"] as? Double == 1)
        #expect((yn["headline"] as? String)?.hasPrefix("“Yes” rose from 25% to 67%") == true)
        #expect(yn["clear_shift"] as? Bool == false)
    }

    @Test func csvExportUsesTheImportEncoding() throws {
        let csv = ResponseExport.csv(session: "demo", definition: Self.poll, responses: Self.responses)
        let rows = CSV.parse(csv)
        #expect(rows[0].fields == ResponseExport.columns)
        #expect(rows.count == Self.responses.count + 1)
        #expect(rows[1].fields == ["demo", "opening", "yn", "a", "Yes", "web", "2027-01-15T08:00:00.000Z", ""])
        #expect(rows[8].fields[4] == "B>A")
        #expect(rows[10].fields[4] == "Because, \"quoted\"")
    }

    @Test func jsonExportListsEveryResponse() throws {
        let data = Data(ResponseExport.json(session: "demo", definition: Self.poll, responses: Self.responses).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "roompoll.responses/1")
        let rows = try #require(json["responses"] as? [[String: String]])
        #expect(rows.count == Self.responses.count)
        #expect(rows[0] == ["session": "demo", "round": "opening", "question": "yn", "participant": "a", "answer": "Yes",
                            "channel": "web", "time": "2027-01-15T08:00:00.000Z", "language": ""])
    }

    @Test func wideExportHasARowPerParticipantAndAColumnPerQuestionAndRound() {
        let rows = CSV.parse(ResponseExport.wide(definition: Self.poll, responses: Self.responses))
        #expect(rows[0].fields == ["participant", "yn.opening", "yn.closing", "order.opening", "order.closing", "why.closing"])
        #expect(rows.count == 5, "a, b, c, d")
        #expect(rows[1].fields == ["a", "Yes", "Yes", "B>A", "A>B", "Because, \"quoted\""])
        #expect(rows[4].fields == ["d", "No", "", "", "", ""], "empty where there is no answer")
    }

    @Test func wideExportHasTheKnowledgeScorePerRound() throws {
        var poll = Self.poll
        poll.questions[0].correct = [0]
        poll.questions[0].knowledge = true
        let rows = CSV.parse(ResponseExport.wide(definition: poll, responses: Self.responses))
        #expect(Array(rows[0].fields.suffix(4)) == ["knowledge_correct.opening", "knowledge_answered.opening",
                                                    "knowledge_correct.closing", "knowledge_answered.closing"])
        let byParticipant = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0.fields[0], Array($0.fields.suffix(4))) })
        #expect(byParticipant["a"] == ["1", "1", "1", "1"], "Yes is right, in both rounds")
        #expect(byParticipant["d"] == ["0", "1", "", ""], "No is wrong; no closing answer: no closing score")
    }

    @Test(arguments: [0, 1, 2])
    func degenerateSessionsRenderInEveryFormat(people: Int) throws {
        let responses = Self.responses.filter { ["a", "b"].prefix(people).contains($0.participant) }
        let report = ShiftAnalysis.analyze(session: SessionInfo(name: "s", pollTitle: "P", event: nil, createdAt: Self.now),
                                           definition: Self.poll, responses: responses)
        let formats: [any ReportFormat] = [TextReport(), MarkdownReport(), HTMLReport(), CSVReport(), JSONReport()]
        for format in formats {
            let text = format.render(report)
            #expect(!text.isEmpty)
            #expect(text.range(of: #"\b(nan|inf|infinity)\b"#, options: [.regularExpression, .caseInsensitive]) == nil,
                    "\(type(of: format)) writes a non-finite number")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport().render(report).utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "roompoll.report/2")
        let questions = try #require(json["questions"] as? [[String: Any]])
        if people < 2 {
            #expect(questions.allSatisfy { ($0["verdict"] as? String)?.hasPrefix("Not tested: ") == true })
        }
    }
}
