import Foundation
import Hummingbird
import HummingbirdTesting
import PollCore
@testable import PollServer
import Testing

/// A knowledge question's right answer never shows on phones or the wall page while a round
/// that asks it is open, even with its results revealed; once the round is closed and the
/// results are shown, the right option is marked.
@Suite("Knowledge questions on phones and the wall page")
struct KnowledgeDisplayTests {
    static let poll = try! PollFileParser.parse("""
        title: Training
        questions:
          - {id: twofa, kind: single, ask: Which is a second factor?, options: [A password, A hardware key], correct: A hardware key}
        """)

    @Test func theRightAnswerIsMarkedOnlyOnceNoRoundAsksIt() async throws {
        let h = try await ServerHarness(poll: Self.poll)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        for answer in ["1", "2", "2"] {
            _ = await h.intake.submit(Submission(participant: h.server.tokens.issue(), question: "twofa", answer: .encoded(answer),
                                                 channel: .web, receivedAt: Date()))
        }
        try await h.test { client in
            func pages() async throws -> [String] {
                [try await client.execute(uri: "/s/\(h.code)", method: .get) { String(buffer: $0.body) },
                 try await client.execute(uri: "/w/\(h.code)", method: .get) { String(buffer: $0.body) }]
            }
            try await h.intake.handle(.select("twofa"))
            try await h.intake.handle(.show(.results))
            for html in try await pages() {
                #expect(html.contains("On the screen now") || html.contains("wall-heading"), "the results are revealed")
                #expect(!html.contains("correct answer") && !html.contains("✓") && !html.contains("class=\"correct\""),
                        "round open: the right answer is not shown")
            }
            try await h.intake.handle(.closeRound("opening"))
            try await h.intake.handle(.show(.results))
            for html in try await pages() {
                #expect(html.contains("A hardware key <strong class=\"correct\">✓ correct answer</strong></th><td>2</td>"), "\(html)")
                #expect(!html.contains("A password <strong"))
            }
            // Opening the next round that asks it takes the mark away again.
            try await h.intake.handle(.openRound("closing"))
            try await h.intake.handle(.show(.results))
            for html in try await pages() { #expect(!html.contains("correct answer")) }
        }
    }
}
