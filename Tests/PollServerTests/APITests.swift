import Foundation
import Hummingbird
import HummingbirdTesting
import PollCore
@testable import PollServer
import Testing

/// The JSON API, every status code, through Hummingbird's test client.
@Suite("JSON API")
struct APITests {
    @Test func sessionView() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.test { client in
            try await client.execute(uri: "/api/v1/session?code=AAAAAA", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/session?code=\(h.code.lowercased())", method: .get) { response in
                #expect(response.status == .ok)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["open_round"] == nil || json["open_round"] is NSNull)
                #expect((json["questions"] as? [Any])?.isEmpty == true)
            }
        }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            try await client.execute(uri: "/api/v1/session?code=\(h.code)", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["open_round"] as? String == "opening")
                let questions = try #require(json["questions"] as? [[String: Any]])
                #expect(questions.map { $0["id"] as? String } == ["single", "multi", "likert", "scale", "ranking", "words"])
                #expect(questions[3]["min"] as? Int == 0 && questions[3]["max"] as? Int == 10)
            }
        }
    }

    /// A method the API does not take at an address it has: 405 with the methods it takes, not 404.
    @Test func otherMethodsAreNotAllowed() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.test { client in
            for (uri, method, allow) in [("/api/v1/answers", HTTPRequest.Method.delete, "POST"), ("/api/v1/session?code=\(h.code)", .post, "GET"),
                                         ("/api/v1/questions", .put, "GET, POST"), ("/api/v1/questions/3/vote", .get, "POST"),
                                         ("/api/v1/participants", HTTPRequest.Method("QUERY")!, "POST")] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allow)
                    #expect(String(buffer: response.body).contains("is not allowed here: use \(allow)"))
                }
            }
            try await client.execute(uri: "/api/v1/nothing", method: .delete) { #expect($0.status == .notFound) }
        }
    }

    @Test func everyStatusCode() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.test { client in
            func post(_ body: ByteBuffer) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: "/api/v1/answers", method: .post, headers: [.contentType: "application/json"], body: body) {
                    ($0.status, String(buffer: $0.body))
                }
            }
            let malformed = try await post(ByteBuffer(string: "{not json"))
            #expect(malformed.0 == .badRequest)
            #expect(malformed.1.contains("expected a string at byte 1"), "the reason and where")
            #expect(try await post(ServerHarness.json(["code": h.code])).0 == .badRequest, "fields missing")
            #expect(try await post(h.answer("single", "Oui", participant: "short")).0 == .forbidden, "bad token")
            #expect(try await post(h.answer("single", "Oui", participant: "has spaces in it, not url safe")).0 == .forbidden)
            #expect(try await post(h.answer("single", "Oui", code: "ZZZZZZ")).0 == .notFound)
            let closed = try await post(h.answer("single", "Oui"))
            #expect(closed.0 == .conflict)
            #expect(closed.1.contains("no round is open"))
            try await h.intake.handle(.openRound("opening"))
            #expect(try await post(h.answer("single", "Oui")).0 == .created)
            #expect(try await post(h.answer("single", "Maybe")).0 == .unprocessableContent)
            #expect(try await post(h.answer("nope", "Oui")).0 == .unprocessableContent)
            #expect(try await post(h.answer("text", "Hi")).0 == .conflict, "text is asked in the closing round only")
            #expect(try await post(h.answer("single", "Oui", round: "closing")).0 == .conflict)
            #expect(try await post(h.answer("single", ["Oui"])).0 == .unprocessableContent, "a list for a single question")
            let big = String(repeating: "x", count: 9000)
            #expect(try await post(h.answer("words", big)).0 == .contentTooLarge)
            var statuses: [HTTPResponse.Status] = []
            let other = h.server.tokens.issue()
            for _ in 0..<25 { statuses.append(try await post(h.answer("scale", 5, participant: other)).0) }
            #expect(statuses.prefix(20).allSatisfy { $0 == .created })
            #expect(statuses.last == .tooManyRequests)
        }
        let stored = try await h.store.currentResponses(of: await h.intake.session)
        #expect(stored.count == 2, "exactly the acknowledged answers, the latest per participant and question")
    }

    @Test func everyKindAsJSON() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("closing"))
        let answers: [(String, Any, Answer)] = [
            ("single", 2, .choice(1)), ("multi", ["Press", "Streets"], .choices([0, 2])), ("likert", "Agree", .choice(3)),
            ("scale", 7, .number(7)), ("ranking", ["C", "A", "B"], .order([2, 0, 1])), ("words", ["trust", "power"], .words(["trust", "power"])),
            ("text", "Plus de preuves, s'il vous plaît", .text("Plus de preuves, s'il vous plaît")),
        ]
        let bodies = answers.map { ($0.0, h.answer($0.0, $0.1)) }
        try await h.test { client in
            for (question, body) in bodies {
                try await client.execute(uri: "/api/v1/answers", method: .post, headers: [.contentType: "application/json"], body: body) { response in
                    #expect(response.status == .created, "\(question): \(String(buffer: response.body))")
                }
            }
        }
        let stored = try await h.store.currentResponses(of: await h.intake.session)
        #expect(stored.map(\.answer) == answers.map(\.2))
        #expect(stored.allSatisfy { $0.channel == .web && $0.round == "closing" })
    }

    @Test func presenterPaceTakesOnlyTheOpenQuestion() async throws {
        let h = try await ServerHarness(pace: .presenter)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            try await client.execute(uri: "/api/v1/answers", method: .post, headers: [.contentType: "application/json"], body: h.answer("single", "Oui")) { #expect($0.status == .conflict) }
        }
        try await h.intake.handle(.openVoting)
        try await h.test { client in
            try await client.execute(uri: "/api/v1/answers", method: .post, headers: [.contentType: "application/json"], body: h.answer("single", "Oui")) { #expect($0.status == .created) }
            try await client.execute(uri: "/api/v1/answers", method: .post, headers: [.contentType: "application/json"], body: h.answer("multi", "Press")) { #expect($0.status == .conflict) }
        }
    }
}
