import Testing
@testable import PollCore

@Suite("CSV")
struct CSVTests {
    @Test func parsesQuotedFieldsLineBreaksAndUTF8() throws {
        let rows = try CSV.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nنعم,中文,🙂\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["نعم", "中文", "🙂"]])
        #expect(rows.map(\.line) == [1, 2, 5])
    }

    @Test func writesWhatItReads() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", " padded ", "new\nline", ""]
        #expect(try CSV.parse(CSV.line(fields)).first?.fields == fields)
    }

    @Test func reportsSyntaxErrors() {
        #expect(throws: CSV.SyntaxError(line: 2, message: "a quoted field is never closed")) { try CSV.parse("a\n\"open,\nmore") }
        #expect(throws: CSV.SyntaxError(line: 1, message: "text after a closing quote")) { try CSV.parse("\"a\"b,c") }
    }
}
