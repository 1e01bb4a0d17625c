import Foundation
import Testing
@testable import PollCore

@Suite("Poll files")
struct PollFileParserTests {
    @Test func parsesEveryKindAndSetting() throws {
        let poll = try PollFileParser.parse("""
            title: Everything
            event: Test event
            rounds: [opening, middle, closing]
            pace: presenter
            questions:
              - id: q-single
                kind: single
                segment: true
                rounds: [opening]
                ask: One?
                options: [Yes, No, Not sure]
              - id: q-multi
                kind: multi
                max: 2
                ask: Some?
                options: [A, B, C]
              - id: q-likert
                kind: likert
                ask: Agree?
                labels: [Low, Mid, High]
              - id: q-likert-default
                kind: likert
                ask: Agree by default?
              - id: q-scale
                kind: scale
                min: 1
                max: 7
                ask: How much?
              - id: q-ranking
                kind: ranking
                ask: Order?
                options: [X, Y, Z]
              - id: q-words
                kind: words
                ask: Words?
              - id: q-text
                kind: text
                ask: Anything?
            """)
        #expect(poll.title == "Everything")
        #expect(poll.event == "Test event")
        #expect(poll.rounds == ["opening", "middle", "closing"])
        #expect(poll.pace == .presenter)
        #expect(poll.questions.map(\.kind) == [.single, .multi, .likert, .likert, .scale, .ranking, .words, .text])
        let single = try #require(poll.question("q-single"))
        #expect(single.options == ["Yes", "No", "Not sure"], "Yes/No stay labels, not booleans")
        #expect(single.segment)
        #expect(single.rounds == ["opening"])
        #expect(poll.question("q-multi")?.maxChoices == 2)
        #expect(poll.question("q-likert")?.options == ["Low", "Mid", "High"])
        #expect(poll.question("q-likert-default")?.options == Question.defaultLikertLabels)
        #expect(poll.question("q-scale")?.scaleRange == 1...7)
        #expect(poll.question("q-words")?.rounds == ["opening", "middle", "closing"])
    }

    @Test func defaultsRoundsAndPace() throws {
        let poll = try PollFileParser.parse("title: T\nquestions:\n  - {id: a, kind: text, ask: Say}\n")
        #expect(poll.rounds == ["opening", "closing"])
        #expect(poll.pace == .audience)
        #expect(poll.question("a")?.rounds == ["opening", "closing"])
    }

    @Test func yamlSyntaxError() {
        let list = problems("title: T\nquestions:\n  - id: a\n    kind: [single\n    ask: A\n")
        #expect(list.count == 1)
        #expect(list.first.map { [$0.line, $0.column] } == [5, 8], "where libyaml finds the unclosed list")
        #expect(list.first?.message.hasPrefix("YAML syntax error") == true)
        let tab = problems("title: T\nquestions:\n\t- id: a\n")
        #expect(tab.first.map { [$0.line, $0.column] } == [3, 1])
    }

    @Test func repeatedKeysAreLocatedAndTheRestIsStillChecked() {
        let list = problems("""
            title: T
            questions:
              - id: a
                kind: single
                ask: First
                ask: Second
                options:
                  - Yes
                options: [Yes, No]
              - id: b
                kind: colour
                ask: B
            """)
        #expect(list.count == 4)
        #expect(has(list, line: 6, column: 5, "`ask` appears twice (first on line 5)"))
        #expect(has(list, line: 8, column: 7, "`options` needs at least two entries"))
        #expect(has(list, line: 9, column: 5, "`options` appears twice (first on line 7)"))
        #expect(has(list, line: 11, column: 11, "unknown kind `colour`"))
    }

    @Test func ambiguousLabelsAreRefused() {
        #expect(has(problems("title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [\"3\", \"2\", \"1\"]}\n"),
                    line: 3, column: 45, "`3` would be read as option number 3"))
        #expect(has(problems("title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [yes, Yes]}\n"),
                    line: 3, column: 50, "`Yes` is listed twice in `options` (labels are matched ignoring case)"))
        #expect(throws: Never.self) { try PollFileParser.parse("title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [\"1\", \"2\", \"10\"]}\n") }
    }

    @Test func emptyFile() {
        #expect(has(problems(""), line: 1, column: 1, "the file is empty"))
        #expect(has(problems("# only a comment\n"), line: 1, column: 1, "the file is empty"))
    }

    @Test func unknownKeySuggestsTheRightOne() {
        let list = problems("""
            title: T
            questions:
              - id: a
                kind: single
                ask: A?
                optoins: [Yes, No]
            """)
        #expect(has(list, line: 6, column: 5, "unknown key `optoins` in a question — did you mean `options`?"))
        #expect(has(list, line: 3, column: 5, "missing `options`"))
    }

    @Test func unknownTopLevelKey() {
        #expect(has(problems("title: T\ntitel: U\nquestions:\n  - {id: a, kind: text, ask: A}\n"),
                    line: 2, column: 1, "unknown key `titel` in a poll — did you mean `title`?"))
    }

    @Test func missingAskAndTitle() {
        let list = problems("questions:\n  - id: a\n    kind: text\n")
        #expect(has(list, line: 1, column: 1, "missing `title`"))
        #expect(has(list, line: 2, column: 5, "missing `ask`"))
    }

    @Test func missingOptions() {
        #expect(has(problems("title: T\nquestions:\n  - id: a\n    kind: ranking\n    ask: A\n"),
                    line: 3, column: 5, "missing `options` (a ranking question needs at least two)"))
    }

    @Test func duplicateQuestionIDs() {
        let list = problems("""
            title: T
            questions:
              - id: same
                kind: text
                ask: A
              - id: same
                kind: text
                ask: B
            """)
        #expect(has(list, line: 6, column: 9, "duplicate question id `same` (first used on line 3)"))
    }

    @Test func optionsOnAKindThatTakesNone() {
        let list = problems("title: T\nquestions:\n  - id: a\n    kind: scale\n    ask: A\n    options: [1, 2]\n")
        #expect(has(list, line: 6, column: 5, "a scale question takes no `options`"))
        let likert = problems("title: T\nquestions:\n  - id: a\n    kind: likert\n    ask: A\n    options: [Lo, Hi]\n")
        #expect(has(likert, line: 6, column: 5, "likert question names its scale with `labels`"))
    }

    @Test func fewerThanTwoOptions() {
        #expect(has(problems("title: T\nquestions:\n  - id: a\n    kind: single\n    ask: A\n    options: [Only]\n"),
                    line: 6, column: 14, "`options` needs at least two entries"))
    }

    @Test func maxLargerThanOptionCount() {
        #expect(has(problems("title: T\nquestions:\n  - id: a\n    kind: multi\n    ask: A\n    max: 4\n    options: [A, B, C]\n"),
                    line: 6, column: 10, "`max` is 4 but the question has only 3 options"))
    }

    @Test func scaleMinNotBelowMax() {
        #expect(has(problems("title: T\nquestions:\n  - id: a\n    kind: scale\n    ask: A\n    min: 5\n    max: 5\n"),
                    line: 6, column: 10, "scale `min` (5) must be less than `max` (5)"))
    }

    @Test func roundNotDeclared() {
        #expect(has(problems("title: T\nrounds: [opening, closing]\nquestions:\n  - id: a\n    kind: text\n    ask: A\n    rounds: [opening, middle]\n"),
                    line: 7, column: 23, "round `middle` is not declared in the poll's `rounds` (opening, closing)"))
    }

    @Test func reportsEveryProblemAtOnceInOrder() {
        let list = problems("""
            title: T
            pace: fast
            questions:
              - id: a
                kind: colour
                ask: A
              - id: b
                kind: single
                ask: B
                options: [X]
              - id: c
                kind: scale
                ask: C
                min: x
            """)
        #expect(list.count == 4)
        #expect(list.map(\.line) == [2, 5, 10, 14])
        #expect(list[0].message.contains("`pace` must be `audience` or `presenter`"))
        #expect(list[1].message.contains("unknown kind `colour`"))
        #expect(list[3].message.contains("`min` must be a whole number"))
    }

    @Test func otherProblems() {
        #expect(has(problems("title: T\nquestions: []\n"), line: 2, column: 12, "at least one question"))
        #expect(has(problems("title: T\nquestions:\n  - {id: a, kind: text, ask: A, segment: true}\n"),
                    line: 3, column: 42, "`segment: true` needs a single question"))
        #expect(has(problems("title: T\nquestions:\n  - {id: a, kind: text, ask: A, max: 3}\n"),
                    line: 3, column: 33, "`max` is only for multi and scale questions"))
        #expect(has(problems("title: T\nquestions:\n  - {id: a b, kind: text, ask: A}\n"),
                    line: 3, column: 10, "may hold only letters, digits"))
        #expect(has(problems("title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [X, X]}\n"),
                    line: 3, column: 48, "`X` is listed twice"))
        #expect(has(problems("title: T\nquestions:\n  - {id: a, kind: multi, ask: A, options: [X;Y, Z]}\n"),
                    line: 3, column: 44, "may not contain `;`"))
    }

    @Test func locatedFormIsFileLineColumn() {
        let problem = PollFileProblem(line: 3, column: 7, message: "unknown key")
        #expect(problem.located(in: "polls/x.yaml") == "polls/x.yaml:3:7: unknown key")
    }

    @Test(arguments: ["encryption-human-right", "digital-id", "cybercrime-treaty", "digital-security-training"])
    func shippedPollsParse(name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("polls/\(name).yaml")
        let poll = try PollFileParser.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(poll.questions.count >= 5)
    }

    @Test func shippedPollsUseEveryKind() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("polls")
        var kinds: Set<QuestionKind> = []
        for name in ["encryption-human-right", "digital-id", "cybercrime-treaty"] {
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            kinds.formUnion(try PollFileParser.parse(text).questions.map(\.kind))
        }
        #expect(kinds == Set(QuestionKind.allCases))
    }
}
