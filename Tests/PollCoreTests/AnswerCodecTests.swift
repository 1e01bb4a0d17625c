import Testing
@testable import PollCore

@Suite("Answers in the import encoding")
struct AnswerCodecTests {
    func decode(_ text: String, _ id: String) throws(AnswerProblem) -> Answer {
        try AnswerCodec.decode(text, for: Fixtures.question(id))
    }

    @Test func decodesEveryKind() throws {
        #expect(try decode("No", "single") == .choice(1))
        #expect(try decode("3", "single") == .choice(2), "1-based number")
        #expect(try decode("not sure", "single") == .choice(2), "case-insensitive label")
        #expect(try decode("Strongly agree", "likert") == .choice(4))
        #expect(try decode("Streets;Press", "multi") == .choices([0, 2]))
        #expect(try decode("7", "scale") == .number(7))
        #expect(try decode("C>A>B", "ranking") == .order([2, 0, 1]))
        #expect(try decode("privacy; trust", "words") == .words(["privacy", "trust"]))
        #expect(try decode("  Hello, room  ", "text") == .text("Hello, room"))
    }

    @Test(arguments: ["single", "multi", "likert", "scale", "ranking", "words", "text"])
    func encodeDecodeRoundTrip(id: String) throws {
        let samples = ["single": "Not sure", "multi": "Press;Streets", "likert": "Disagree", "scale": "0",
                       "ranking": "B>C>A", "words": "trust;power", "text": "Quoted \"text\", with; separators>"]
        let question = Fixtures.question(id)
        let answer = try AnswerCodec.decode(samples[id]!, for: question)
        #expect(AnswerCodec.encode(answer, for: question) == samples[id]!)
        #expect(try AnswerCodec.decode(AnswerCodec.encode(answer, for: question), for: question) == answer)
    }

    @Test func refusesWithTypedReasons() {
        #expect(throws: AnswerProblem.wrongOption("Maybe")) { try decode("Maybe", "single") }
        #expect(throws: AnswerProblem.wrongOption("4")) { try decode("4", "single") }
        #expect(throws: AnswerProblem.wrongOption("1"), "numbers are not labels for multi") { try decode("1", "multi") }
        #expect(throws: AnswerProblem.tooManyChoices(allowed: 2, given: 3)) { try decode("Press;Courts;Streets", "multi") }
        #expect(throws: AnswerProblem.duplicateChoice("Press")) { try decode("Press;Press", "multi") }
        #expect(throws: AnswerProblem.outOfRange(value: 11, range: 0...10)) { try decode("11", "scale") }
        #expect(throws: AnswerProblem.notANumber("seven")) { try decode("seven", "scale") }
        #expect(throws: AnswerProblem.incompleteRanking(missing: ["B"])) { try decode("A>C", "ranking") }
        #expect(throws: AnswerProblem.duplicateChoice("A")) { try decode("A>A>B", "ranking") }
        #expect(throws: AnswerProblem.tooManyWords(allowed: 3, given: 4)) { try decode("a;b;c;d", "words") }
        #expect(throws: AnswerProblem.tooLong(limit: 32)) { try decode(String(repeating: "x", count: 33), "words") }
        #expect(throws: AnswerProblem.tooLong(limit: 280)) { try decode(String(repeating: "y", count: 281), "text") }
        #expect(throws: AnswerProblem.empty) { try decode("   ", "text") }
    }

    @Test func parsingStoredTextChecksNoLimits() throws {
        #expect(try AnswerCodec.parse("a;b;c;d", for: Fixtures.question("words")) == .words(["a", "b", "c", "d"]))
        #expect(try AnswerCodec.parse("99", for: Fixtures.question("scale")) == .number(99))
        #expect(throws: AnswerProblem.wrongOption("Gone")) { try AnswerCodec.parse("Gone", for: Fixtures.question("single")) }
    }

    @Test func validatesStructuredAnswers() {
        let single = Fixtures.question("single")
        #expect(throws: AnswerProblem.wrongKind(expected: .single)) { try AnswerCodec.validate(.number(1), for: single) }
        #expect(throws: AnswerProblem.wrongOption("#4")) { try AnswerCodec.validate(.choice(3), for: single) }
        #expect(throws: AnswerProblem.empty) { try AnswerCodec.validate(.choices([]), for: Fixtures.question("multi")) }
    }

    @Test func cleansControlAndBidiCharacters() throws {
        let answer = try decode("a\u{202E}b\u{0007}c\nd", "text")
        #expect(answer == .text("abc d"))
        #expect(TextCleaner.clean("مرحبا\u{2066}x\u{2069}") == "مرحباx")
    }

    @Test func aPartStartingWithACombiningMarkStillSplits() throws {
        // Found by fuzzing: ";" followed by U+07ED is one Character, so splitting on
        // characters missed the separator and the words did not survive a round trip.
        let words = Question(id: "w", kind: .words, ask: "?", rounds: ["opening"])
        let answer = try AnswerCodec.decode("(;;\n\u{07ED}", for: words)
        #expect(answer == .words(["(", "\u{07ED}"]))
        #expect(try AnswerCodec.decode(AnswerCodec.encode(answer, for: words), for: words) == answer)
    }
}
