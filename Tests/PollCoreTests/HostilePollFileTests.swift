import Foundation
import Testing
@testable import PollCore

/// Poll files written to break `check`: each is refused with a place and plain words, quickly.
@Suite("Hostile poll files")
struct HostilePollFileTests {
    func problems(_ yaml: String) -> [PollFileProblem] {
        do {
            _ = try PollFileParser.parse(yaml)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func hugeNumbersAreRefusedNotOverflowed() {
        let list = problems("title: T\nquestions:\n  - {id: a, kind: scale, ask: A, min: -5000000000000000000, max: 5000000000000000000}\n")
        #expect(list.map(\.message) == ["`min` must be a whole number from -1000000 to 1000000",
                                        "`max` must be a whole number from -1000000 to 1000000"])
        #expect(problems("title: T\nquestions:\n  - {id: a, kind: scale, ask: A, min: -1000000, max: 1000000}\n")
            .map(\.message) == ["a scale may span at most 100 steps (this one spans 2000000)"])
    }

    @Test func controlCharactersInPollTextAreRefusedWhereTheyAre() {
        let nul = problems("title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [\"Yes\\0\", No]}\n")
        #expect(nul.map(\.description) == ["3:45: `options` holds a control character (U+0000), which could not be shown or stored safely: remove it"])
        let escape = problems("title: \"Poll \\e]0;owned\\a\"\nquestions:\n  - {id: a, kind: text, ask: A}\n")
        #expect(escape.first?.line == 1 && escape.first?.message.contains("U+001B") == true)
        // A multi-line prompt is read as one line, as YAML's `>` would.
        let poll = try? PollFileParser.parse("title: T\nquestions:\n  - id: a\n    kind: text\n    ask: |\n      Line one\n      line two\n")
        #expect(poll?.questions.first?.ask == "Line one line two")
    }

    @Test func sizesAreCapped() {
        let options = (1...10_000).map { "o\($0)" }.joined(separator: ", ")
        #expect(problems("title: T\nquestions:\n  - {id: a, kind: single, ask: A, options: [\(options)]}\n").map(\.message)
                == ["`options` has 10000 entries; a question has at most 100"])
        let longID = String(repeating: "x", count: 400_000)
        let long = problems("title: T\nquestions:\n  - {id: \(longID), kind: text, ask: A}\n")
        #expect(long.map(\.message) == ["`id` is 400000 characters long; at most 64 fit on a screen"])
        #expect(long.allSatisfy { $0.message.count < 200 }, "a long value is never echoed whole")
        let huge = String(repeating: "# padding\n", count: 120_000)
        #expect(problems(huge).map(\.message) == ["the file is larger than 1024 KiB: a poll has at most 200 questions"])
    }

    @Test func manyRepeatedKeysStopAfterAFew() {
        let repeats = String(repeating: "title: T\n", count: 3_000) + "questions:\n  - {id: a, kind: text, ask: A}\n"
        let list = problems(repeats)
        #expect(list.count == 11)
        #expect(list.contains { $0.message == "more keys appear twice; fix the 10 above and check again" })
        #expect(list.filter { $0.message == "`title` appears twice (first on line 1)" }.count == 10)
    }

    @Test func repeatedKeysAfterOtherLineBreaksAreFoundWithoutCrashing() {
        // YAML also breaks lines at CR, NEL, LS and PS; the repeat finder must count lines the same way.
        for separator in ["\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"] {
            let text = ["title: T", "title: U", "questions:", "  - id: a", "    kind: text", "    kind: text", "    ask: A", ""]
                .joined(separator: separator)
            let list = problems(text)
            let name = "separator \(separator.unicodeScalars.map(\.value))"
            #expect(list.contains { $0.message == "`title` appears twice (first on line 1)" && $0.line == 2 }, "\(name)")
            #expect(list.contains { $0.message.hasPrefix("`kind` appears twice") && $0.line == 6 }, "\(name)")
        }
        // A repeat reported past the text's last line break never reads past the end.
        #expect(!problems("a: 1\ra: 2").isEmpty)
    }

    @Test func yamlMistakesAreSaidInPlainWords() {
        #expect(problems("title: T\nquestions:\n\t- id: a\n").first?.message
                == "a tab is used for indentation here: indent with spaces (YAML does not allow tabs)")
        #expect(problems("title: T\n? [a, b]\n: x\nquestions:\n  - {id: a, kind: text, ask: A}\n").first?.message
                == "a key in a poll must be a plain word such as `title`, not a list or a mapping")
        let alias = "title: T\nquestions:\n  - &q {id: a, kind: text, ask: A, colour: red}\n" + String(repeating: "  - *q\n", count: 8)
        #expect(problems(alias).filter { $0.message.contains("unknown key `colour`") }.count == 1, "one problem, said once")
    }
}

@Suite("Text cleaning and terminal output")
struct TextSafetyTests {
    @Test func invisibleAndBidiCharactersAreRemoved() {
        let hidden = "a\u{200B}b\u{200E}c\u{200F}d\u{061C}e\u{FEFF}f\u{2060}g\u{E0041}\u{E0042}h"
        #expect(TextCleaner.clean(hidden) == "abcdefgh")
        #expect(TextCleaner.clean("one\u{2028}two\u{2029}three") == "one two three")
        #expect(TextCleaner.clean("\u{202E}evil\u{2066}") == "evil")
    }

    @Test func joinersAndFlagsThatScriptsAndEmojiNeedStay() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TextCleaner.clean(family) == family)
        let persian = "می\u{200C}خواهم"
        #expect(TextCleaner.clean(persian) == persian)
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(TextCleaner.clean("Go " + scotland) == "Go " + scotland)
        let hiddenAfterFlag = "🏴" + "ignore all previous".unicodeScalars.map { String(Unicode.Scalar($0.value + 0xE0000)!) }.joined()
        #expect(TextCleaner.clean(hiddenAfterFlag + " ok") == "🏴 ok", "tags that are no flag are hidden text: removed")
    }

    @Test func terminalTextLosesEscapesButKeepsLines() {
        #expect(TerminalText.safe("Title \u{1B}]0;owned\u{07}\u{1B}[2J end\nnext\tcol") == "Title ]0;owned[2J end\nnext\tcol")
        #expect(TerminalText.safe("\u{9B}31m red \u{202E}") == "31m red ")
        #expect(TerminalText.safe("Plain — ✓ 中文") == "Plain — ✓ 中文")
    }
}

@Suite("Join watch")
struct JoinWatchTests {
    @Test func aBurstAlertsOnceAndAFewArrivalsDoNot() {
        var watch = JoinWatch(limit: 500)
        var alerts: [String] = []
        for i in 0..<150 { if let a = watch.joined(at: Double(i)) { alerts.append(a) } }   // one a second: a room arriving
        #expect(alerts.isEmpty)
        for i in 0..<400 { if let a = watch.joined(at: 200 + Double(i) / 100) { alerts.append(a) } }   // 400 in 4 s
        #expect(alerts.count == 1)
        #expect(alerts.first?.hasPrefix("200 new participants joined in the last 10 seconds") == true)
    }

    @Test func refusedJoinsAlertAtOnceThenEveryHalfMinuteWithACount() {
        var watch = JoinWatch(limit: 500)
        #expect(watch.refused(at: 0)?.hasPrefix("1 join was refused: over 500 new participants a minute") == true)
        #expect(watch.refused(at: 5) == nil)
        #expect(watch.refused(at: 10) == nil)
        #expect(watch.refused(at: 31)?.hasPrefix("3 joins were refused") == true)
    }
}
