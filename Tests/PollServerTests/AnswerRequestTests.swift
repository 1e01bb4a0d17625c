import Foundation
import Hummingbird
import PollCore
@testable import PollServer
@testable import RequestBodies
import Testing

/// The answer API's body reader, on hand-made bodies and against Foundation's own JSON
/// writer for generated ones.
struct AnswerRequestTests {
    func parse(_ text: String) throws -> AnswerRequest {
        try AnswerRequest(json: ByteBuffer(string: text))
    }

    func reason(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func readsEveryField() throws {
        let request = try parse(#"{"code":"ABC234","participant":"p-0123456789abcdefghijkl","question":"q1","round":"opening","answer":"Yes"}"#)
        #expect(request == AnswerRequest(code: "ABC234", participant: "p-0123456789abcdefghijkl", question: "q1", round: "opening",
                                         answer: .text("Yes")))
    }

    @Test func answersAreTextNumbersOrLists() throws {
        #expect(try parse(#"{"code":"c","participant":"p","question":"q","answer":-3}"#).answer == .number(-3))
        #expect(try parse(#"{"code":"c","participant":"p","question":"q","answer":0}"#).answer == .number(0))
        #expect(try parse(#"{"code":"c","participant":"p","question":"q","answer":["C","A","B"]}"#).answer == .list(["C", "A", "B"]))
        #expect(try parse(#"{"code":"c","participant":"p","question":"q","answer":[]}"#).answer == .list([]))
        #expect(try parse(#"{"code":"c","participant":"p","question":"q","round":null,"answer":"x"}"#).round == nil)
    }

    @Test func whitespaceAndUnknownKeysAreSkipped() throws {
        let request = try parse("""
             {
              "extra": {"nested": [1, -2.5e+3, true, false, null, {"deep": "x"}]},
              "code" : "c", "participant":"p",\t"question":"q",
              "answer": [ "a" , "b" ], "more": 0.25
            }\r\n
            """)
        #expect(request.answer == .list(["a", "b"]))
        #expect(request.code == "c")
    }

    @Test func escapesAndAnyScript() throws {
        let request = try parse(#"{"code":"c","participant":"p","question":"q","answer":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 نعم"}"#)
        #expect(request.answer == .text("\"\\/\u{8}\u{c}\n\r\té😀 نعم"))
        #expect(try parse(#"{"code":"c","participant":"p","question":"q","answer":"Привет"}"#).answer == .text("Привет"))
    }

    @Test func brokenBodiesSayWhatIsWrong() {
        #expect(reason("{not json")?.contains("expected a string at byte 1") == true)
        #expect(reason("")?.contains("expected an object") == true)
        #expect(reason("[1]")?.contains("expected an object") == true)
        #expect(reason(#"{"code":"c"}"#)?.contains("missing `participant`, `question`, `answer`") == true)
        #expect(reason(#"{"code":"c","code":"d","participant":"p","question":"q","answer":1}"#)?.contains("`code` is given twice") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":1} x"#)?.contains("unexpected text after the value") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":1.5}"#)?.contains("expected a whole number") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":01}"#)?.contains("leading zero") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":99999999999999999999}"#)?.contains("too large") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":"\ud83d"}"#)?.contains("unpaired surrogate") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":"\ude00"}"#)?.contains("unpaired surrogate") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":"\x"}"#)?.contains("unknown escape") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":"\u12"}"#)?.contains("four hex digits") == true)
        #expect(reason("{\"code\":\"a\tb\"}")?.contains("control character") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":"open"#)?.contains("not closed") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":[1]}"#)?.contains("expected a string") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":tru}"#) != nil)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":null}"#)?.contains("a string, a whole number or a list") == true)
        #expect(reason(#"{"code":"c","participant":"p","question":"q","answer":{"a":1}}"#)?.contains("a string, a whole number or a list") == true)
        #expect(reason(#"{"skipped":012,"code":"c","participant":"p","question":"q","answer":1}"#)?.contains("leading zero") == true)
        #expect(reason(#"{"skipped":1.,"code":"c","participant":"p","question":"q","answer":1}"#)?.contains("digits after") == true)
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(reason(#"{"x":\#(deep),"code":"c","participant":"p","question":"q","answer":1}"#)?.contains("nested too deeply") == true)
    }

    @Test func invalidUTF8IsRefused() {
        var body = ByteBuffer(string: #"{"code":"c","participant":"p","question":"q","answer":""#)
        body.writeBytes([0xC3, 0x28])  // a broken two-byte sequence
        body.writeString(#""}"#)
        #expect(throws: AnswerRequest.Invalid.self) { try AnswerRequest(json: body) }
    }

    /// Bodies written by Foundation's JSONSerialization (its own escaping, key order and
    /// number forms) read back to the same values.
    @Test func agreesWithFoundationOnGeneratedBodies() throws {
        var generator = SeededGenerator(seed: 20261123)
        let alphabet = Array("aZ09 -_\"\\/\n\t\u{1}\u{7f}éü中文نعم😀🇺🇦\u{202e}")
        func text() -> String { String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<500 {
            let answer: Any, expected: AnswerJSON
            switch Int.random(in: 0..<3, using: &generator) {
            case 0:
                let value = text()
                (answer, expected) = (value, .text(value))
            case 1:
                let value = Int.random(in: -1_000_000...1_000_000, using: &generator)
                (answer, expected) = (value, .number(value))
            default:
                let values = (0..<Int.random(in: 0...4, using: &generator)).map { _ in text() }
                (answer, expected) = (values, .list(values))
            }
            let round: String? = Bool.random(using: &generator) ? text() : nil
            var object: [String: Any] = ["code": text(), "participant": text(), "question": text(), "answer": answer, "ignored": ["x": [1.5, true]]]
            if let round { object["round"] = round }
            let data = try JSONSerialization.data(withJSONObject: object, options: Bool.random(using: &generator) ? [.prettyPrinted] : [])
            let body = String(decoding: data, as: UTF8.self)
            let request: AnswerRequest
            do {
                request = try AnswerRequest(json: ByteBuffer(bytes: data))
            } catch {
                Issue.record("\(error) in \(body)")
                continue
            }
            #expect(request == AnswerRequest(code: object["code"] as! String, participant: object["participant"] as! String,
                                             question: object["question"] as! String, round: round, answer: expected), "\(body)")
        }
    }
}
