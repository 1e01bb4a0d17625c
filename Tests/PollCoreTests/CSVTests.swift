import Testing
@testable import PollCore

@Suite("CSV")
struct CSVTests {
    @Test func parsesQuotedFieldsLineBreaksAndUTF8() {
        let rows = CSV.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nنعم,中文,🙂\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["نعم", "中文", "🙂"]])
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(rows.allSatisfy { $0.problem == nil })
    }

    @Test func acceptsEveryLineEndingAndSkipsAByteOrderMark() {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
        #expect(CSV.parse("a,b\n1,2\n3,4").map(\.fields) == expected)
        #expect(CSV.parse("a,b\r\n1,2\r\n3,4\r\n").map(\.fields) == expected)
        #expect(CSV.parse("a,b\r1,2\r3,4\r").map(\.fields) == expected)
        #expect(CSV.parse("\u{FEFF}a,b\n1,2\n3,4").map(\.fields) == expected)
        #expect(CSV.parse("a,b\r1,2\r3,4").map(\.line) == [1, 2, 3])
    }

    @Test func writesWhatItReads() {
        let fields = ["plain", "with, comma", "with \"quote\"", " padded ", "new\nline", "crlf\r\nline", ""]
        #expect(CSV.parse(CSV.line(fields)).first?.fields == fields)
    }

    @Test func aBadRowIsMarkedAndReadingGoesOn() {
        let rows = CSV.parse("a,b\nx\"y,1\n\"a\"b,2\nok,3\n\"open,\nmore")
        #expect(rows.map(\.line) == [1, 2, 3, 4, 5])
        #expect(rows[1].problem == "a quote inside an unquoted field (quote the whole field and double the quote)")
        #expect(rows[2].problem == "text after a closing quote")
        #expect(rows[3].fields == ["ok", "3"])
        #expect(rows[3].problem == nil)
        #expect(rows[4].problem == "a quoted field is never closed")
    }
}
