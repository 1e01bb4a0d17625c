import Foundation
import Testing
@testable import PollCore

@Suite("Tokens, join codes, display width")
struct TokenTests {
    @Test func participantTokensAre22URLSafeCharactersAndDiffer() {
        var rng = SystemRandomNumberGenerator()
        let tokens = (0..<1000).map { _ in ParticipantToken.make(using: &rng) }
        #expect(Set(tokens).count == 1000)
        #expect(tokens.allSatisfy { $0.count == 22 && ParticipantToken.isValid($0) })
        #expect(!ParticipantToken.isValid("short"))
        #expect(!ParticipantToken.isValid(String(repeating: "a", count: 21) + "!"))
    }

    @Test func joinCodesAvoidAmbiguousCharacters() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<500 {
            let code = JoinCode.make(using: &rng)
            #expect(code.count == 6)
            #expect(!code.contains { "0O1IL".contains($0) })
        }
        #expect(JoinCode.normalized("ab c-d2") == nil)
        #expect(JoinCode.normalized("abc de2") == "ABCDE2")
    }

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.fit("中文字", 5) == "中文…")
        #expect(DisplayWidth.fit("ab", 4) == "ab  ")
    }
}

#if canImport(Glibc)
import Glibc

@Suite("Display width matches curses")
struct DisplayWidthMatchesWcwidthTests {
    /// glibc's wcwidth() — what ncursesw uses — for every assigned scalar of the planes used in
    /// practice; unassigned and control code points (wcwidth −1) are skipped.
    @Test func everyScalarMeasuresAsWcwidth() {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        // wcwidth() is hidden from Swift's Glibc module; look it up as curses links it.
        typealias WcwidthFunction = @convention(c) (wchar_t) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else {
            Issue.record("wcwidth not found")
            return
        }
        let wcwidth = unsafeBitCast(symbol, to: WcwidthFunction.self)
        var mismatches: [String] = []
        for value in UInt32(0x20)...0x3FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(wcwidth(wchar_t(value)))
            guard expected >= 0 else { continue }
            if DisplayWidth.of(scalar) != expected { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10))")
    }

    @Test func wrapsAtSpacesAndCutsLongWords() {
        #expect(DisplayWidth.wrap("one two three", 7) == ["one two", "three"])
        #expect(DisplayWidth.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("中文 中文字", 5) == ["中文", "中文", "字"])
        #expect(DisplayWidth.wrap("", 5) == [""])
    }
}
#endif

@Suite("Timestamps")
struct TimestampTests {
    @Test func formatReadFormatGivesTheSameText() {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 1.7e9...1.9e9, using: &rng))
            let text = Timestamp.format(date)
            #expect(Timestamp.parse(text).map(Timestamp.format) == text)
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_800_000_000.1235)) == "2027-01-15T08:00:00.124Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_800_000_000.9996)) == "2027-01-15T08:00:01.000Z")
    }

    /// The integer calendar arithmetic agrees with Foundation's Gregorian calendar, leap years
    /// and dates before 1970 included; the store form differs only in its separators.
    @Test func agreesWithFoundationsCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var rng = SeededGenerator(seed: 11)
        let samples = (0..<3000).map { _ in Double(Int64.random(in: -5_000_000_000_000...9_000_000_000_000, using: &rng)) / 1000 }
        for seconds in samples + [0, -0.001, 951_782_400, 4_107_542_399.999, 253_402_300_800] {
            let date = Date(timeIntervalSince1970: seconds)
            let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!,
                                  p.second!, Int((Double(p.nanosecond!) / 1e6).rounded()))
            #expect(Timestamp.format(date) == expected)
            #expect(Timestamp.storeText(date) == expected.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""))
        }
    }
}

@Suite("Trimming")
struct TrimmingTests {
    @Test func trimsSpacesTabsAndUnicodeSpaceSeparatorsOnly() {
        #expect(TextCleaner.trimmed("  \tAgree\u{00A0}\u{3000}") == "Agree")
        #expect(TextCleaner.trimmed("\u{2003}a b\u{202F}") == "a b")
        #expect(TextCleaner.trimmed(" \n x \n ") == "\n x \n")   // line breaks are not spaces
        #expect(TextCleaner.trimmed("   ") == "")
        #expect(TextCleaner.trimmed("") == "")
        #expect(TextCleaner.trimmed(" مرحبا ") == "مرحبا")
    }
}
