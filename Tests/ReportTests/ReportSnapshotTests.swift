import Foundation
import Testing
import Analysis
import PollCore
import Report
import TestSupport

/// The text, Markdown and HTML reports of the shipped encryption poll with a fixed simulated
/// audience, compared with their recorded snapshots (`RECORD_SNAPSHOTS=1` records them again).
@Suite("Report snapshots")
struct ReportSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func poll() throws -> PollDefinition {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../polls/encryption-human-right.yaml").standardized
        return try PollFileParser.parse(String(contentsOf: file, encoding: .utf8))
    }

    /// `language`: the report in another of the poll's languages (the same answers).
    static func report(language: String? = nil) throws -> ShiftReport {
        let definition = try poll()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let audience = SimulatedAudience(definition: definition, size: 60, seed: 2026)
        let responses = answers(of: audience, at: now)
        let shown = language.map(definition.translated(to:)) ?? definition
        let info = SessionInfo(name: "workshop", pollTitle: shown.title, event: shown.event, createdAt: now)
        var report = ShiftAnalysis.analyze(session: info, definition: shown, responses: responses)
        report.qandA = QandASummary(qandABoard(audience, now: now), end: now.addingTimeInterval(1800))
        // The workshop ran over in the discussion and caught up in the Q&A.
        let minutes = [0.0, 12, 59, 86].map { now.addingTimeInterval($0 * 60) }
        report.agenda = AgendaSummary(definition.agenda, clock: AgendaClock(started: minutes, ended: now.addingTimeInterval(97 * 60)), lastActivity: now)
        return report
    }

    /// Every round of `audience`'s poll opened in turn and answered, as the engine records it.
    static func answers(of audience: SimulatedAudience, at now: Date) -> [Response] {
        let definition = audience.definition
        var engine = SessionEngine(definition: definition, control: SessionControl(startOf: definition, pace: .audience))
        var responses: [Response] = []
        for round in definition.rounds {
            _ = try? engine.handle(.openRound(round))
            for submission in audience.submissions(round: round, at: now) {
                if case .success(let response) = engine.checkRecorded(submission) { responses.append(response) }
            }
        }
        return responses
    }

    /// The audience's Q&A: every question approved but the last (hidden), then the proposed
    /// next question answered four times, three minutes each.
    static func qandABoard(_ audience: SimulatedAudience, now: Date) -> QandABoard {
        var board = QandABoard()
        var asked: [Int64] = []
        var at = now
        func apply(_ change: QandAChange) {
            board.apply(QandARecord(id: board.lastID + 1, change: change, at: at))
        }
        for step in audience.qandASteps() {
            switch step {
            case let .ask(author, text, side):
                apply(.ask(text: text, name: asked.count == 1 ? "Amina" : nil, side: side, channel: .web, author: author, shown: true))
                asked.append(board.lastID)
            case let .vote(voter, index):
                apply(.vote(question: asked[index], participant: voter, up: true))
            }
        }
        apply(.ask(text: "From the call's chat: what about SIM registration?", name: nil, side: .online, channel: .relayed, author: nil, shown: true))
        apply(.hide(asked.last!))
        for _ in 0..<4 {
            guard let next = board.proposal(now: at) else { break }
            apply(.answering(next.id))
            at = at.addingTimeInterval(180)
            apply(.answered(next.id))
        }
        return board
    }

    @Test func qandAExportLeavesHiddenQuestionsOutOfTheCSVOnly() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let board = Self.qandABoard(SimulatedAudience(definition: try Self.poll(), size: 60, seed: 2026), now: now)
        let hidden = try #require(board.questions.values.first { $0.state == .hidden })
        let csv = CSV.parse(QandAExport.csv(session: "workshop", board: board, end: now))
        #expect(csv.first?.fields == QandAExport.columns)
        #expect(csv.count == board.questions.count, "a header and every question but the hidden one")
        #expect(!csv.contains { $0.fields[1] == String(hidden.id) })
        let json = QandAExport.json(session: "workshop", pollTitle: "T", board: board, end: now)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let questions = try #require(document["questions"] as? [[String: String]])
        #expect(questions.count == board.questions.count)
        #expect(questions.first { $0["id"] == String(hidden.id) }?["state"] == "hidden")
        #expect(document["schema"] as? String == "roompoll.qanda/1")
        let answered = questions.filter { !($0["answered_order"] ?? "").isEmpty }
        #expect(answered.count == 4 && answered.allSatisfy { $0["seconds_answering"] == "180.0" })
    }

    @Test func theJSONReportHasTheQandAWithoutHiddenQuestions() throws {
        let report = try Self.report()
        let json = JSONReport().render(report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let qanda = try #require(document["qanda"] as? [String: Any])
        let answered = try #require(qanda["answered"] as? [[String: Any]])
        #expect(answered.count == 4)
        #expect(qanda["hidden"] as? Int == 1)
        let room = try #require(qanda["room"] as? [String: Any]), online = try #require(qanda["online"] as? [String: Any])
        #expect((room["seconds"] as? Double ?? 0) + (online["seconds"] as? Double ?? 0) == 720)
        let agenda = try #require(document["agenda"] as? [[String: Any]])
        #expect(agenda.map { $0["took_minutes"] as? Double } == [12, 47, 27, 11])
        #expect(agenda.map { $0["planned_minutes"] as? Int } == [10, 40, 30, 10])
        #expect(answered.first?["side"] as? String == "room", "a tie: the room first; then online, the room having no more")
        let listed = try #require(report.qandA).answered.map(\.text) + report.qandA!.unanswered.map(\.text)
        #expect(listed.allSatisfy { json.contains($0) })
        #expect(!json.contains("Who should we talk to after this workshop?"), "the hidden question is not in the report")
    }

    @Test func text() throws {
        let text = TextReport().render(try Self.report())
        assertTextSnapshot(text, named: "encryption.txt", in: Self.folder)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
    }

    /// The same report written in Spanish: the poll's words in Spanish, every count the same.
    @Test func textInAnotherLanguage() throws {
        let english = try Self.report(), spanish = try Self.report(language: "es")
        #expect(spanish.questions.map(\.question.id) == english.questions.map(\.question.id))
        #expect(zip(spanish.questions, english.questions).allSatisfy { $0.rounds.map { $0.rows.map(\.count) } == $1.rounds.map { $0.rows.map(\.count) } })
        let text = TextReport().render(spanish)
        #expect(text.contains("¿Requiere el cifrado") && !text.contains("Does encryption require"))
        assertTextSnapshot(text, named: "encryption-es.txt", in: Self.folder)
    }

    /// The HTML report's own words are English; the poll's text is marked with its language.
    @Test func htmlMarksThePollsLanguage() throws {
        let html = HTMLReport(language: "es").render(try Self.report(language: "es"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<h1><span lang=\"es\" dir=\"auto\">¿Es el cifrado un derecho humano?"))
        #expect(!html.contains("<span dir=\"auto\">¿"), "no Spanish text without its language")
        let english = HTMLReport(language: "en").render(try Self.report())
        #expect(!english.contains("lang=\"es\"") && !english.contains("<span lang="))
    }

    @Test func markdown() throws {
        assertTextSnapshot(MarkdownReport().render(try Self.report()), named: "encryption.md", in: Self.folder)
    }

    @Test func html() throws {
        let html = HTMLReport(language: "en").render(try Self.report())
        assertTextSnapshot(html, named: "encryption.html", in: Self.folder)
        #expect(!html.contains("NaN") && !html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    @Test func csvHasARowPerQuestionAndOption() throws {
        let report = try Self.report()
        let rows = CSV.parse(CSVReport().render(report))
        let expected = report.questions.filter { $0.question.kind != .text }.reduce(0) { $0 + ($1.rounds.first?.rows.count ?? 0) }
        let qandA = try #require(report.qandA), agenda = try #require(report.agenda)
        let listed = qandA.answered + qandA.unanswered
        #expect(rows.count == 1 + expected + listed.count + 2 + agenda.parts.count)
        #expect(rows.allSatisfy { $0.fields.count == rows[0].fields.count }, "every row as wide as the header")
        let yes = try #require(rows.first { $0.fields.prefix(3) == ["special-protection", "single", "Yes"] })
        let shift = report.questions.first { $0.question.id == "special-protection" }!
        #expect(yes.fields[11] == NumberText.decimal(shift.changePoints![0], places: 4))
        #expect(yes.fields[12] == NumberText.decimal(shift.intervals![0]!.lower, places: 4))
        // The Q&A in the report's order, each side's time, and the agenda's parts.
        let header = rows[0].fields
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let questions = rows.filter { $0.fields[1] == "qanda" }.map(\.fields)
        #expect(questions.map { $0[2] } == listed.map(\.text))
        #expect(questions.map { $0[0] } == listed.map { String($0.id) }, "the id export --qa has")
        #expect(questions.map { $0[column("votes")] } == listed.map { String($0.votes) })
        #expect(questions.map { $0[column("side")] } == listed.map(\.side.rawValue))
        #expect(questions.first?[column("state")] == "answered" && questions.first?[column("minutes")] != "")
        let sides = rows.filter { $0.fields[1] == "qanda_time" }.map(\.fields)
        #expect(sides.map { $0[column("side")] } == ["room", "online"])
        #expect(sides.map { $0[column("answered")] } == [String(qandA.room.answered), String(qandA.online.answered)])
        #expect(sides.map { $0[column("asked")] } == [String(qandA.room.asked), String(qandA.online.asked)])
        #expect(sides[0][column("minutes")] == NumberText.decimal(qandA.room.seconds / 60, places: 1))
        let parts = rows.filter { $0.fields[1] == "agenda" }.map(\.fields)
        #expect(parts.map { $0[2] } == agenda.parts.map(\.name))
        #expect(parts.map { $0[column("minutes")] } == ["12.0", "47.0", "27.0", "11.0"])
        #expect(parts.map { $0[column("planned_minutes")] } == ["10", "40", "30", "10"])
        #expect(parts.allSatisfy { $0[column("state")] == "ended" && $0[column("first_round")] == "" })
    }

    /// The shipped training (a knowledge check of six questions) with a simulated audience that learns.
    static func trainingReport() throws -> ShiftReport {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../polls/digital-security-training.yaml").standardized
        let definition = try PollFileParser.parse(String(contentsOf: file, encoding: .utf8))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let responses = answers(of: SimulatedAudience(definition: definition, size: 60, seed: 2026), at: now)
        let info = SessionInfo(name: "training", pollTitle: definition.title, event: definition.event, createdAt: now)
        return ShiftAnalysis.analyze(session: info, definition: definition, responses: responses)
    }

    @Test func trainingText() throws {
        let report = try Self.trainingReport()
        let text = TextReport().render(report)
        #expect(text.contains("Knowledge check\n" + (report.knowledge?.headline.prefix(20) ?? "-")))
        assertTextSnapshot(text, named: "training.txt", in: Self.folder)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
    }

    @Test func trainingMarkdown() throws {
        assertTextSnapshot(MarkdownReport().render(try Self.trainingReport()), named: "training.md", in: Self.folder)
    }

    @Test func trainingHTML() throws {
        let html = HTMLReport(language: "en").render(try Self.trainingReport())
        #expect(html.contains("id=\"knowledge-right\"") && html.contains("id=\"knowledge-gains\""))
        assertTextSnapshot(html, named: "training.html", in: Self.folder)
        #expect(!html.contains("NaN") && !html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    /// A knowledge row per question with the same numbers as the analysis, the check's score
    /// and gains, and `correct` on the right options only.
    @Test func csvHasTheKnowledgeCheck() throws {
        let report = try Self.trainingReport()
        let knowledge = try #require(report.knowledge)
        let rows = CSV.parse(CSVReport().render(report)).map(\.fields)
        let header = try #require(rows.first)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let items = rows.filter { $0[1] == "knowledge" }
        #expect(items.map { $0[0] } == knowledge.items.map(\.question.id))
        for (row, item) in zip(items, knowledge.items) {
            #expect(row[column("first_count")] == String(item.rounds[0].correct))
            #expect(row[column("last_percent")] == NumberText.decimal(item.rounds[1].percent!, places: 4))
            #expect(row[column("paired_change_points")] == item.pairedChange.map { NumberText.decimal($0, places: 4) })
            #expect(Double(row[column("p_value")]) .map { abs($0 - item.test!.pValue) <= 1e-4 * max(1, item.test!.pValue) } == true)
        }
        let score = try #require(rows.first { $0[1] == "knowledge_score" && $0[2] == "mean percent right" })
        #expect(score[column("paired_change_points")] == NumberText.decimal(knowledge.meanChange!, places: 4))
        #expect(score[column("normalized_gain")] == NumberText.decimal(knowledge.classGain!, places: 4))
        let individual = try #require(rows.first { $0[2] == "mean individual gain" })
        #expect(individual[column("normalized_gain")] == NumberText.decimal(knowledge.meanIndividualGain!, places: 4))
        let options = rows.filter { $0[0] == "e2e-apps" && $0[1] == "multi" }
        #expect(options.map { $0[column("correct")] } == ["true", "true", "false", "false"])
        #expect(rows.filter { $0[0] == "confidence" }.allSatisfy { $0[column("correct")] == "" })
    }
}
