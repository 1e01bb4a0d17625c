import Foundation
import Hummingbird
import HummingbirdTesting
import PollCore
import Testing

/// The participant pages: forms without JavaScript, cookies, escaping, headers.
@Suite("Participant pages")
struct PageTests {
    func cookie(_ response: TestResponse) -> String? {
        response.headers[.setCookie]?.split(separator: ";").first.map(String.init)
    }

    @Test func joinPagesAndHeaders() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<label for=\"code\">"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/join?code=\(h.code.lowercased())", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/s/\(h.code)")
            }
            try await client.execute(uri: "/join?code=nope", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/j/\(h.code)", method: .get) { #expect($0.headers[.location] == "/s/\(h.code)") }
            try await client.execute(uri: "/s/QQQQQQ", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/s/\(h.code)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
                #expect(html.contains("The poll opens soon"))
                #expect(html.contains("<span class=\"live-only\">This page follows the facilitator by itself.</span>"),
                        "said only where the page's script runs (it marks the page live)")
                #expect(html.contains("<span class=\"static-only\">Check again when the facilitator opens it.</span>"))
                #expect(html.contains("Server &lt;poll&gt; &amp; “tests”"), "poll text is escaped")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Lax"))
                #expect(setCookie.hasPrefix("rp_\(h.code)="))
            }
            try await client.execute(uri: "/static/app.js", method: .get) { #expect(String(buffer: $0.body).contains("EventSource")) }
        }
    }

    @Test func answeringWithoutJavaScriptWalksThroughTheRound() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            let token = try await client.execute(uri: "/s/\(h.code)", method: .get) { response -> String in
                let html = String(buffer: response.body)
                #expect(html.contains("<fieldset>"))
                #expect(html.contains("<legend lang=\"de\" dir=\"ltr\">Oui &lt;b&gt;ou&lt;/b&gt; non?</legend>"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("Question <bdi>1</bdi> of <bdi>6</bdi>"))
                return try #require(self.cookie(response))
            }
            let headers: HTTPFields = [.cookie: token, .contentType: "application/x-www-form-urlencoded"]
            func post(_ form: String) async throws -> TestResponse {
                try await client.execute(uri: "/s/\(h.code)/answer", method: .post, headers: headers, body: ByteBuffer(string: form))
            }
            var response = try await post("question=single&choice=2&nav=next")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/s/\(h.code)?q=multi&saved=single")
            response = try await post("question=multi&choice=1&choice=3&nav=next")
            #expect(response.headers[.location] == "/s/\(h.code)?q=likert&saved=multi")
            response = try await post("question=multi&choice=1&choice=2&choice=3&nav=next")
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("3 options chosen; at most 2 are allowed."))
            response = try await post("question=likert&nav=skip")
            #expect(response.headers[.location] == "/s/\(h.code)?q=scale")
            response = try await post("question=scale&value=9&nav=next")
            #expect(response.status == .seeOther)
            response = try await post("question=ranking&rank-1=2&rank-2=3&rank-3=1&nav=next")
            #expect(response.headers[.location] == "/s/\(h.code)?q=words&saved=ranking")
            response = try await post("question=ranking&rank-1=1&rank-2=1&rank-3=2&nav=next")
            var html = String(buffer: response.body)
            #expect(html.contains("These options share place 1: A, B. Give each option a different place."), "which part is wrong")
            #expect(html.contains("name=\"rank-2\" required><option value=\"\">–</option><option value=\"1\" selected>1</option>")
                    && html.contains("<option value=\"2\" selected>2</option><option value=\"3\">3</option></select>"), "the places sent are kept")
            response = try await post("question=ranking&rank-1=2&nav=next")
            #expect(String(buffer: response.body).contains("Give every option a place. Still without a place: B, C."))
            response = try await post("question=multi&choice=2&choice=3&choice=1&nav=next")
            html = String(buffer: response.body)
            #expect(html.contains("value=\"2\" aria-describedby=\"multi-hint\" checked") && html.contains("value=\"3\" aria-describedby=\"multi-hint\" checked"),
                    "the refused choices are kept, not replaced by the stored answer")
            response = try await post("question=words&word=%D8%AD%D9%82%D9%88%D9%82&word=trust&word=&nav=next")
            #expect(response.headers[.location] == "/s/\(h.code)?q=done&saved=words")
            try await client.execute(uri: "/s/\(h.code)?q=multi&saved=multi", method: .get, headers: [.cookie: token]) { page in
                let html = String(buffer: page.body)
                #expect(html.contains("Answer recorded — you can change it while voting is open."))
                #expect(!html.contains("go back"))
                #expect(html.contains("value=\"1\" aria-describedby=\"multi-hint\" checked"), "the current answer is filled in")
                #expect(html.contains("href=\"/s/\(h.code)?q=single\""), "a Back link")
            }
            try await client.execute(uri: "/s/\(h.code)?q=done", method: .get, headers: [.cookie: token]) { page in
                #expect(String(buffer: page.body).contains("Thank you — your answers are recorded."))
            }
        }
        let stored = try await h.store.currentResponses(of: await h.intake.session)
        #expect(stored.map(\.question) == ["single", "multi", "scale", "ranking", "words"])
        #expect(stored.map(\.answer) == [.choice(1), .choices([0, 2]), .number(9), .order([2, 0, 1]), .words(["حقوق", "trust"])])
        #expect(Set(stored.map(\.participant)).count == 1, "one browser, one participant")
    }

    @Test func presenterPaceShowsOnlyTheOpenQuestion() async throws {
        let h = try await ServerHarness(pace: .presenter)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            try await client.execute(uri: "/s/\(h.code)", method: .get) { #expect(String(buffer: $0.body).contains("Waiting for the next question")) }
        }
        try await h.intake.handle(.next)
        try await h.intake.handle(.openVoting)
        try await h.test { client in
            try await client.execute(uri: "/s/\(h.code)", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Which?"))
                #expect(!html.contains("Question 2 of"))
            }
            try await client.execute(uri: "/s/\(h.code)/answer", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "question=single&choice=1")) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("Voting on this question has closed."))
            }
        }
    }
}

/// Hostile form values: nothing a participant sends may crash or bend the server.
@Suite("Hostile forms")
struct HostileFormTests {
    @Test func outOfRangeNumbersAreRefusedNotCrashed() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            for form in ["question=single&choice=-9223372036854775808", "question=single&choice=0", "question=single&choice=4",
                         "question=multi&choice=1&choice=-9223372036854775808", "question=scale&value=99999999999999999999",
                         "question=ranking&rank-1=-9223372036854775808&rank-2=1&rank-3=2"] {
                try await client.execute(uri: "/s/\(h.code)/answer", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: form)) { response in
                    #expect(response.status == .unprocessableContent, "\(form)")
                }
            }
            try await client.execute(uri: "/j/%0d%0aSet-Cookie:x=1", method: .get) { #expect($0.status == .notFound) }
        }
        #expect(try await h.store.currentResponses(of: await h.intake.session).isEmpty)
    }

    @Test func anAnswerWaitingWhileTheRoundClosesIsRefused() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        async let answer = h.intake.submit(Submission(participant: "late-participant-000000001", question: "scale",
                                                      answer: .encoded("5"), channel: .web, receivedAt: Date()))
        async let close = h.intake.handle(.closeRound("opening"))
        let (result, _) = try await (answer, close)
        let stored = try await h.store.currentResponses(of: await h.intake.session)
        switch result {
        case .success: #expect(stored.count == 1, "acknowledged: stored")
        case .failure: #expect(stored.isEmpty, "refused: not stored")
        }
    }
}
