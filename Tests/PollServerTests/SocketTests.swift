import Foundation
import PollCore
@testable import PollServer
import Testing

/// The server on a real socket: live events, bad requests, slow clients, a taken port.
@Suite("Server on a real socket", .serialized)
struct SocketTests {
    func start(_ h: ServerHarness, port: Int = 0) async throws -> ServerRunner {
        try await ServerRunner.start(h.server { $0.port = port })
    }

    @Test func eventsFollowTheFacilitator() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        let runner = try await start(h)
        let client = try RawClient(port: runner.port)
        client.send("GET /api/v1/events?code=\(h.code) HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
        let first = client.read(until: "event: session")
        #expect(first.contains("text/event-stream"))
        #expect(first.contains("\"voting_open\":false"))
        try await h.intake.handle(.openRound("opening"))
        let next = client.read(until: "\"open_round\":\"opening\"")
        #expect(next.contains("\"open_round\":\"opening\""), "the change arrives without polling")
        await runner.stop()
    }

    @Test func answersOverASocketAndBadRequests() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        let runner = try await start(h)
        let body = "{\"code\":\"\(h.code)\",\"participant\":\"\(h.token)\",\"question\":\"scale\",\"answer\":4}"
        let good = try RawClient(port: runner.port)
        good.send("POST /api/v1/answers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(good.read(until: "recorded").hasPrefix("HTTP/1.1 201"))
        let garbage = try RawClient(port: runner.port)
        garbage.send("THIS IS NOT HTTP\r\n\r\n")
        #expect(garbage.read(until: "\r\n").hasPrefix("HTTP/1.1 400"))
        await runner.stop()
        #expect(try await h.store.currentResponses(of: await h.intake.session).map(\.answer) == [.number(4)])
    }

    @Test func aSlowClientDoesNotStallOthers() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        let runner = try await start(h)
        let slow = try RawClient(port: runner.port)
        slow.send("GET /healthz HTTP/1.1\r\nHost: x\r\n")   // never finishes its headers
        let silent = try RawClient(port: runner.port)     // connects and says nothing
        _ = silent
        let start = Date()
        let other = try RawClient(port: runner.port)
        other.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(other.read(until: "ok").hasSuffix("ok"))
        #expect(Date().timeIntervalSince(start) < 1)
        // The request deadline (2 s here) closes the half-open connection.
        let closed = slow.read(until: "never", seconds: 4)
        #expect(!closed.contains("200 OK"))
        await runner.stop()
    }

    @Test func aTakenPortIsAClearError() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        let first = try await start(h)
        await #expect {
            try await start(h, port: first.port)
        } throws: { error in
            (error as? ServerStartError)?.description == "port \(first.port) is already in use on 127.0.0.1: choose another with --port, or --port 0 for any free port"
        }
        await first.stop()
    }
}
