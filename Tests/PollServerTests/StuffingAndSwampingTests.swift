import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PollCore
@testable import PollServer
import Testing

/// Trying to stuff the vote or swamp the server, on a real socket: made-up tokens, many new
/// participants from one address, many live streams, trickled and oversized bodies, answers
/// posted by another web site.
@Suite("Ballot stuffing and swamping", .serialized)
struct StuffingAndSwampingTests {
    func post(_ path: String, _ body: String, to port: Int, type: String = "application/json", extra: String = "") throws -> String {
        let client = try RawClient(port: port)
        client.send("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: \(type)\r\n\(extra)"
                    + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        return client.read(until: "\r\n\r\n{", seconds: 3) + client.read(until: "}", seconds: 1)
    }

    @Test func issuedTokensVerifyAndOthersDoNot() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        let token = h.server.tokens.issue()
        #expect(token.count == 44 && ParticipantToken.isValid(token))
        #expect(h.server.tokens.isIssued(token))
        var tampered = Array(token)
        tampered[5] = tampered[5] == "A" ? "B" : "A"
        #expect(!h.server.tokens.isIssued(String(tampered)))
        #expect(!h.server.tokens.isIssued(String(repeating: "A", count: 44)))
        #expect(!IssuedTokens(secret: String(repeating: "ab", count: 32)).isIssued(token), "another session's secret")
        #expect(IssuedTokens(secret: h.intake.secret).isIssued(token), "another process of the same session")
    }

    @Test func madeUpTokensAreRefusedAndJoinsPerAddressAreLimited() async throws {
        let h = try await ServerHarness(options: ServerOptions(bind: "127.0.0.1", port: 0, requestTimeout: 2, joinsPerAddress: 5))
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        let runner = try await ServerRunner.start(h.server)
        defer { Task { await runner.stop() } }
        // A script making up a token per request: refused, nothing stored.
        for i in 0..<20 {
            let made = String(format: "made-up-token-%08d-xxxxxxxxxxxxxxxxxx", i)
            let reply = try post("/api/v1/answers", "{\"code\":\"\(h.code)\",\"participant\":\"\(made)\",\"question\":\"scale\",\"answer\":9}",
                                 to: runner.port)
            #expect(reply.hasPrefix("HTTP/1.1 403"), "\(reply)")
        }
        // Issued tokens: five from this address, then 429, and the facilitator is told.
        var issued: [String] = []
        for _ in 0..<7 {
            let reply = try post("/api/v1/participants", "{\"code\":\"\(h.code)\"}", to: runner.port)
            if reply.hasPrefix("HTTP/1.1 201"), let range = reply.range(of: #""participant":"([A-Za-z0-9_-]{44})""#, options: .regularExpression) {
                issued.append(String(reply[range].dropFirst(15).dropLast()))
            } else {
                #expect(reply.hasPrefix("HTTP/1.1 429"), "\(reply)")
            }
        }
        #expect(issued.count == 5)
        #expect(h.alerts.all.count == 1 && h.alerts.all[0].contains("refused: over 5 new participants a minute from one address"))
        for token in issued {
            let reply = try post("/api/v1/answers", "{\"code\":\"\(h.code)\",\"participant\":\"\(token)\",\"question\":\"scale\",\"answer\":4}",
                                 to: runner.port)
            #expect(reply.hasPrefix("HTTP/1.1 201"), "\(reply)")
        }
        // The participant page too issues a cookie only within the limit.
        let page = try RawClient(port: runner.port)
        page.send("GET /s/\(h.code) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(page.read(until: "</html>").hasPrefix("HTTP/1.1 429"))
        let stored = try await h.store.currentResponses(of: await h.intake.session)
        #expect(Set(stored.map(\.participant)) == Set(issued), "only answers with issued tokens are stored")
    }

    @Test func theAPITakesOnlyJSONAndFormsOnlyFromThisSite() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        let runner = try await ServerRunner.start(h.server)
        defer { Task { await runner.stop() } }
        let answer = "{\"code\":\"\(h.code)\",\"participant\":\"\(h.token)\",\"question\":\"scale\",\"answer\":3}"
        for type in ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x"] {
            #expect(try post("/api/v1/answers", answer, to: runner.port, type: type).hasPrefix("HTTP/1.1 415"), "\(type)")
        }
        let client = try RawClient(port: runner.port)
        client.send("POST /api/v1/answers HTTP/1.1\r\nHost: x\r\nContent-Length: \(answer.utf8.count)\r\nConnection: close\r\n\r\n\(answer)")
        #expect(client.read(until: "}").hasPrefix("HTTP/1.1 415"), "no Content-Type at all")
        let cookie = "Cookie: rp_\(h.code)=\(h.token)\r\n"
        let form = "question=scale&value=6"
        let foreign = try post("/s/\(h.code)/answer", form, to: runner.port, type: "application/x-www-form-urlencoded",
                               extra: cookie + "Origin: https://evil.example\r\n")
        #expect(foreign.hasPrefix("HTTP/1.1 403"))
        let crossSite = try post("/s/\(h.code)/answer", form, to: runner.port, type: "application/x-www-form-urlencoded",
                                 extra: cookie + "Sec-Fetch-Site: cross-site\r\n")
        #expect(crossSite.hasPrefix("HTTP/1.1 403"))
        #expect(try await h.store.currentResponses(of: await h.intake.session).isEmpty)
        // Chrome with the pages' no-referrer policy: `Origin: null`, but it says the post is from this site.
        let own = try post("/s/\(h.code)/answer", form, to: runner.port, type: "application/x-www-form-urlencoded",
                           extra: cookie + "Origin: null\r\nSec-Fetch-Site: same-origin\r\n")
        #expect(own.hasPrefix("HTTP/1.1 303"), "\(own)")
        // A browser without Sec-Fetch-Site: its Origin must be this server.
        let older = try post("/s/\(h.code)/answer", "question=scale&value=7", to: runner.port, type: "application/x-www-form-urlencoded",
                             extra: cookie + "Origin: http://127.0.0.1:\(runner.port)\r\n")
        #expect(older.hasPrefix("HTTP/1.1 303"), "\(older)")
        #expect(try await h.store.currentResponses(of: await h.intake.session).map(\.answer) == [.number(7)])
    }

    @Test func liveStreamsAreCappedPerAddressAndOrdinaryRequestsStillGetThrough() async throws {
        var options = ServerOptions(bind: "127.0.0.1", port: 0, maxConnections: 64, requestTimeout: 2, streamsPerAddress: 3)
        options.keepAliveSeconds = 0.1
        let h = try await ServerHarness(options: options)
        defer { h.cleanUp() }
        let runner = try await ServerRunner.start(h.server)
        defer { Task { await runner.stop() } }
        var streams: [RawClient] = []
        for _ in 0..<3 {
            let stream = try RawClient(port: runner.port)
            stream.send("GET /api/v1/events?code=\(h.code) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(stream.read(until: "event: session").hasPrefix("HTTP/1.1 200"))
            streams.append(stream)
        }
        let fourth = try RawClient(port: runner.port)
        fourth.send("GET /api/v1/events?code=\(h.code) HTTP/1.1\r\nHost: x\r\n\r\n")
        let refused = fourth.read(until: "}")
        #expect(refused.hasPrefix("HTTP/1.1 503") && refused.contains("Retry-After: 30"))
        let health = try RawClient(port: runner.port)
        health.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(health.read(until: "ok").hasSuffix("ok"))
        #expect(h.server.hub.open == 3)
        streams.removeAll()   // closing them frees their places, noticed at the next keep-alive
        try await Task.sleep(for: .milliseconds(600))
        let again = try RawClient(port: runner.port)
        again.send("GET /api/v1/events?code=\(h.code) HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(again.read(until: "event: session").hasPrefix("HTTP/1.1 200"))
    }

    @Test func aTrickledBodyIsCutOffAndAnOversizedOneRefusedAtOnce() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        let runner = try await ServerRunner.start(h.server)
        defer { Task { await runner.stop() } }
        // Declares ten gigabytes and sends one byte: 413 at once, and the connection closes.
        let huge = try RawClient(port: runner.port)
        let start = Date()
        huge.send("POST /api/v1/answers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{")
        let reply = huge.read(until: "}", seconds: 3)
        #expect(reply.hasPrefix("HTTP/1.1 413"))
        #expect(Date().timeIntervalSince(start) < 1.5)
        #expect(huge.read(until: "never", seconds: 2).isEmpty && huge.isClosed(), "closed, not drained")
        // A chunked body trickled a byte at a time: cut off by the request deadline (2 s here).
        let trickle = try RawClient(port: runner.port)
        trickle.send("POST /api/v1/answers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        let began = Date()
        var closed = false
        for _ in 0..<10 where !closed {
            trickle.send("1\r\n{\r\n")
            closed = trickle.isClosed(waiting: 0.5)
        }
        #expect(closed, "the connection was closed")
        #expect(Date().timeIntervalSince(began) < 4)
    }

    @Test func anEarlyRefusalDoesNotLiftTheDeadlineAndAPipelinedStreamIsNotCut() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        let runner = try await ServerRunner.start(h.server)
        defer { Task { await runner.stop() } }
        // Refused (415) before its body is read; the body then trickles in: still cut off.
        let trickle = try RawClient(port: runner.port)
        trickle.send("POST /api/v1/answers HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(trickle.read(until: "}").hasPrefix("HTTP/1.1 415"))
        let began = Date()
        var closed = false
        for _ in 0..<10 where !closed {
            trickle.send("1\r\nx\r\n")
            closed = trickle.isClosed(waiting: 0.5)
        }
        #expect(closed && Date().timeIntervalSince(began) < 4, "closed by the request deadline (2 s here)")
        // Two requests at once, the second a live stream: the stream outlives the deadline.
        let pipelined = try RawClient(port: runner.port)
        pipelined.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/events?code=\(h.code) HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(pipelined.read(until: "event: session").contains("text/event-stream"))
        #expect(!pipelined.isClosed(waiting: 3), "a stream being served has no deadline")
    }

    @Test func whatCountsAsJSON() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        let body = h.answer("scale", 2)
        try await h.test { client in
            for (type, status) in [("application/json", HTTPResponse.Status.created), ("Application/JSON; charset=utf-8", .created),
                                   ("application/json ;charset=utf-8", .created), ("application/jsonx", .unsupportedMediaType),
                                   ("application/json-patch+json", .unsupportedMediaType), ("text/json", .unsupportedMediaType)] {
                try await client.execute(uri: "/api/v1/answers", method: .post, headers: [.contentType: type], body: body) { response in
                    #expect(response.status == status, "\(type)")
                }
            }
        }
    }
}
