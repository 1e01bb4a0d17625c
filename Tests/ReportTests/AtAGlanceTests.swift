import Foundation
import Testing
@testable import Analysis
import PollCore
@testable import Report

/// The story at a glance (#14, part 3): the overview chart and its table, verdict badges,
/// details folded away, segments as small multiples, a words chart, and the one-line summaries
/// of the text and Markdown reports, all in the same order: clear shifts first.
@Suite("Reports at a glance")
struct AtAGlanceTests {
    /// The text between `start` and the next `end` after it.
    static func slice(_ text: String, from start: String, to end: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
        return String(text[a.lowerBound..<b.upperBound])
    }

    @Test func summaryOrderPutsClearShiftsFirst() throws {
        let report = try ReportSnapshotTests.report()
        let order = report.summaryOrder
        #expect(Set(order) == Set(report.questions.indices))
        let ranks = order.map { index -> Int in
            switch report.questions[index].verdict {
            case .clearShift: return 0
            case .notClear: return 1
            case .notTested: return 2
            }
        }
        #expect(ranks == ranks.sorted(), "clear shifts, then not clear, then not tested")
        #expect(ranks.first == 0)
    }

    @Test func theHTMLOpensWithAnOverviewChartWhoseTableHasTheSameNumbers() throws {
        let report = try ReportSnapshotTests.report()
        let html = HTMLReport().render(report)
        let chart = try #require(Self.slice(html, from: "<svg class=\"chart\" id=\"overview\"", to: "</svg>"))
        #expect(chart.contains("<title id=\"overview-title\">") && chart.contains("<desc id=\"overview-desc\">"))
        #expect(html.range(of: "id=\"overview\"")!.lowerBound < html.range(of: "<section class=\"question\"")!.lowerBound,
                "the overview comes before the questions")
        let table = try #require(Self.slice(html, from: "<summary>The chart’s numbers</summary>", to: "</table>"))
        let rows = table.components(separatedBy: "<tr>").dropFirst(1).filter { $0.contains("<th scope=\"row\">") }
        #expect(rows.count == report.questions.count)
        for (row, index) in zip(rows, report.summaryOrder) {
            let shift = report.questions[index]
            #expect(row.contains("<th scope=\"row\">\(index + 1). "), "the table follows the summary's order")
            #expect(row.contains(shift.verdict.label))
            guard let value = shift.headlineValue else { continue }
            let before = ReportWording.value(value.before, value.unit), after = ReportWording.value(value.after, value.unit)
            #expect(row.contains("<td>\(before)</td><td>\(after)</td>"), "\(row)")
            // The chart draws and describes the same numbers.
            #expect(chart.contains(">\(before) → \(after)<"))
            #expect(chart.contains(HTMLText.escape(ReportWording.headlineSentence(value))))
            if let interval = value.interval { #expect(row.contains(HTMLReport.interval(interval))) }
        }
    }

    @Test func everyQuestionHasABadgeAndItsTablesFoldAway() throws {
        let report = try ReportSnapshotTests.report()
        let html = HTMLReport().render(report)
        let sections = html.components(separatedBy: "<section class=\"question\"").dropFirst()
        #expect(sections.count == report.questions.count)
        for (section, shift) in zip(sections, report.questions) {
            #expect(section.contains("<span class=\"badge \(VerdictBadge.cssClass(shift.verdict))\">\(shift.verdict.label)</span>"))
            if !shift.tests.isEmpty {
                let details = try #require(Self.slice(section, from: "<details class=\"more\">", to: "</details>"))
                #expect(details.contains("<h3>Tests</h3>"), "the tests are folded away")
                #expect(details.contains("<h3>Answers per round</h3>"))
                #expect(!section.replacingOccurrences(of: details, with: "").contains("<table>"), "no table outside the fold")
            }
        }
        // The summary lists the questions in the summary's order, each with its badge.
        let list = try #require(Self.slice(html, from: "<ol class=\"overview\">", to: "</ol>"))
        let numbers = list.components(separatedBy: "<li value=\"").dropFirst().map { Int($0.prefix { $0.isNumber })! - 1 }
        #expect(numbers == report.summaryOrder)
        #expect(list.components(separatedBy: "class=\"badge ").count - 1 == report.questions.count)
    }

    @Test func segmentsAreSmallMultiplesWithTheTablesFolded() throws {
        let report = try ReportSnapshotTests.report()
        let html = HTMLReport().render(report)
        let segments = try #require(Self.slice(html, from: "<section id=\"segments\"", to: "<section id=\"agenda\""))
        for (s, breakdown) in report.segments.enumerated() {
            let id = "s\(s + 1)-\(breakdown.segment.id)"
            let panels = segments.components(separatedBy: "<svg class=\"chart\" id=\"\(id)-q").count - 1
            let measured = breakdown.groups.first!.shifts.filter { $0.note == nil }.count
            #expect(panels == measured, "one small chart per measured question")
            // Each panel has a row per group with anyone in it, on the room's headline option.
            let first = try #require(Self.slice(segments, from: "id=\"\(id)-q", to: "</svg>"))
            for group in breakdown.groups where group.size > 0 {
                #expect(first.contains(SVGChart.isolated(SVGChart.fit(group.label, 16))))
            }
        }
        let outside = segments.components(separatedBy: "<details").enumerated()
            .map { $0.offset == 0 ? $0.element : $0.element.components(separatedBy: "</details>").dropFirst().joined() }.joined()
        #expect(!outside.contains("percent (count) per round"), "the groups' tables are folded away")
        #expect(outside.contains("Did the groups move differently?"), "the comparison of the groups is in view")
    }

    @Test func wordsGetAChartOfTheMostUsedWords() throws {
        let poll = PollDefinition(title: "Words", questions: [
            Question(id: "w", kind: .words, ask: "In one word?", rounds: ["opening", "closing"]),
        ])
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let responses = ["trust", "risk", "trust", "power"].enumerated().flatMap { i, word in
            [Response(participant: "p\(i)", round: "opening", question: "w", answer: .words([word]), channel: .web, receivedAt: now),
             Response(participant: "p\(i)", round: "closing", question: "w", answer: .words(["rights"]), channel: .web, receivedAt: now)]
        }
        let report = ShiftAnalysis.analyze(session: SessionInfo(name: "w", pollTitle: "Words", event: nil, createdAt: now),
                                           definition: poll, responses: responses)
        let html = HTMLReport().render(report)
        let chart = try #require(Self.slice(html, from: "<svg class=\"chart\" id=\"q1-w-words\"", to: "</svg>"))
        #expect(chart.contains("Most used words"))
        for word in ["trust", "rights", "risk", "power"] { #expect(chart.contains(">\u{2068}\(word)\u{2069}<")) }
        #expect(chart.contains("50% (2)"), "“trust”: 2 of 4 in the opening round")
    }

    @Test func textAndMarkdownOpenWithOneLinePerQuestion() throws {
        let report = try ReportSnapshotTests.report()
        let text = TextReport().render(report)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "Summary, clear shifts first"))
        let summary = Array(lines[(start + 1)...].prefix(report.questions.count))
        #expect(summary.allSatisfy { DisplayWidth.of($0) <= TextReport.width })
        for (line, index) in zip(summary, report.summaryOrder) {
            let shift = report.questions[index]
            #expect(line.hasPrefix(shift.verdict.label))
            #expect(line.contains("\(index + 1). " + shift.question.ask.prefix(20)), "the question's text, not its id")
            if let value = shift.headlineValue { #expect(line.hasSuffix(ReportWording.fromTo(value))) }
        }
        let markdown = MarkdownReport().render(report)
        let rows = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Verdict") }
        for (row, index) in zip(rows, report.summaryOrder) {
            let shift = report.questions[index]
            #expect(row.contains("\(index + 1). \(MarkdownReport().escape(shift.question.ask))"), "the full question text")
            #expect(row.contains(shift.verdict.label))
        }
    }

    @Test func theGroupComparisonsShowInEveryFormat() throws {
        let report = try ReportSnapshotTests.report()
        let comparisons = report.segments.flatMap(\.comparisons)
        #expect(comparisons.count >= 5, "the stakeholder groups and where people join from, per question")
        let html = HTMLReport().render(report)
        #expect(html.components(separatedBy: "Did the groups move differently?").count - 1 == report.segments.count)
        let text = TextReport().render(report).replacingOccurrences(of: "\n     ", with: " ").replacingOccurrences(of: "\n   ", with: " ")
        let markdown = MarkdownReport().render(report)
        for comparison in comparisons {
            let test = ReportWording.comparisonTest(comparison)
            #expect(html.contains(HTMLText.escape(test)))
            #expect(markdown.contains(MarkdownReport().escape(test)))
            #expect(text.replacingOccurrences(of: "\u{00A0}", with: " ").contains(test.replacingOccurrences(of: "\u{00A0}", with: " ")), "\(test)")
        }
        // The small multiples draw the change the comparison tests (paired when paired).
        for comparison in comparisons {
            for group in comparison.groups {
                let value = HeadlineValue(measure: comparison.measure, unit: comparison.unit, before: group.before, after: group.after,
                                          change: group.change, paired: comparison.design == .paired, interval: group.interval,
                                          range: HeadlineValue.range(of: comparison.question, unit: comparison.unit))
                #expect(html.contains(HTMLText.escape("\(group.label) (") ) && html.contains(HTMLText.escape(ReportWording.headlineSentence(value))),
                        "\(comparison.question.id) \(group.label)")
            }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport().render(report).utf8)) as? [String: Any])
        let questions = try #require(json["questions"] as? [[String: Any]])
        let entries = questions.flatMap { ($0["segments"] as? [[String: Any]] ?? []).compactMap { $0["comparison"] as? [String: Any] } }
        #expect(entries.count == comparisons.count)
        #expect(entries.allSatisfy { $0["exploratory"] as? Bool == true && ($0["groups"] as? [Any])?.count ?? 0 >= 2 })
        #expect(entries.contains { ($0["test"] as? [String: Any])?["df2"] != nil })
    }

    @Test func aGapThatStayedButSwappedSaysSo() {
        let question = Question(id: "yn", kind: .single, ask: "Pass?", options: ["Yes", "No"], rounds: ["opening", "closing"])
        func group(_ label: String, _ before: Double, _ after: Double) -> GroupComparison.Group {
            GroupComparison.Group(label: label, n: 10, before: before, after: after, change: after - before, interval: nil)
        }
        var comparison = GroupComparison(question: question, measure: "“Yes”", unit: .percent, design: .paired,
                                         groups: [group("Room", 20, 80), group("Online", 80, 20)], gapBefore: 60, gapAfter: 60,
                                         test: nil, untested: nil, pAdjusted: nil)
        #expect(ReportWording.gap(comparison) == "the gap between the groups stayed at 60 points (“Online”, highest before, is lowest after)")
        comparison.groups = [group("Room", 20, 30), group("Online", 80, 70)]
        comparison.gapAfter = 40
        #expect(ReportWording.gap(comparison) == "the gap between the groups narrowed from 60 to 40 points")
        #expect(ReportWording.comparisonTest(comparison) == "no test: too little variation")
    }
}
