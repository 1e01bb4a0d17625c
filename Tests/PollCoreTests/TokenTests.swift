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
