import Foundation
import Hummingbird
import HummingbirdTesting
import PollCore
@testable import PollServer
import Testing

/// The Q&A routes: the Questions page without JavaScript, and the JSON API with every status
/// code and hostile text. A refused request changes nothing.
@Suite("Q&A routes")
struct QandARouteTests {
    func cookie(_ response: TestResponse) -> String? {
        response.headers[.setCookie]?.split(separator: ";").first.map(String.init)
    }

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func askingAndVotingWithoutJavaScript() async throws {
        let h = try await ServerHarness(qa: QandASettings(moderation: true))
        defer { h.cleanUp() }
        try await h.test { client in
            let token = try await client.execute(uri: "/s/\(h.code)", method: .get) { response -> String in
                #expect(String(buffer: response.body).contains("href=\"/s/\(h.code)/questions\">Questions</a>"), "a link from every page")
                return try #require(self.cookie(response))
            }
            let headers: HTTPFields = [.cookie: token, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/s/\(h.code)/questions", method: .get, headers: [.cookie: token]) { page in
                let html = String(buffer: page.body)
                #expect(page.status == .ok)
                #expect(html.contains("I am joining online"), "no place question: the form asks where")
                #expect(html.contains("No questions yet."))
                #expect(html.contains("aria-current=\"page\">Questions</a>"))
            }
            // Without saying where: refused, the typed text kept.
            var response = try await client.execute(uri: "/s/\(h.code)/questions", method: .post, headers: headers,
                                                    body: ByteBuffer(string: "text=Why+%3Cb%3Enow%3C%2Fb%3E%3F&name="))
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("Say whether you are in the room or joining online."))
            #expect(String(buffer: response.body).contains(">Why &lt;b&gt;now&lt;/b&gt;?</textarea>"))
            response = try await client.execute(uri: "/s/\(h.code)/questions", method: .post, headers: headers,
                                                body: ByteBuffer(string: "text=Why+%3Cb%3Enow%3C%2Fb%3E%3F&name=&side=online"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/s/\(h.code)/questions?asked=waiting")
            try await client.execute(uri: "/s/\(h.code)/questions?asked=waiting", method: .get, headers: [.cookie: token]) { page in
                let html = String(buffer: page.body)
                #expect(html.contains("It shows once a moderator approves it."))
                #expect(html.contains("Why &lt;b&gt;now&lt;/b&gt;?</span> <span class=\"tag\">waiting for approval</span>"))
                #expect(!html.contains("I am joining online"), "the side is remembered")
                #expect(html.contains("No questions yet."), "not approved: not in everyone's list")
            }
            let id = try #require(await h.qandA.board.questions.keys.first)
            try await h.qandA.moderate(.approve(id))
            response = try await client.execute(uri: "/s/\(h.code)/questions/\(id)/vote", method: .post, headers: headers, body: ByteBuffer())
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/s/\(h.code)/questions#q-\(id)")
            try await client.execute(uri: "/s/\(h.code)/questions", method: .get, headers: [.cookie: token]) { page in
                let html = String(buffer: page.body)
                #expect(html.contains("aria-pressed=\"true\""))
                #expect(html.contains("· Votes: <bdi>1</bdi></span></button>"))
            }
            #expect(await h.qandA.board.questions[id]?.votes == 1)
            _ = try await client.execute(uri: "/s/\(h.code)/questions/\(id)/vote", method: .post, headers: headers, body: ByteBuffer())
            #expect(await h.qandA.board.questions[id]?.votes == 0, "pressing again takes the vote back")
            // The page's button says what it does: a double tap on "vote" votes once.
            for _ in 0..<2 {
                _ = try await client.execute(uri: "/s/\(h.code)/questions/\(id)/vote", method: .post, headers: headers, body: ByteBuffer(string: "up=1"))
            }
            #expect(await h.qandA.board.questions[id]?.votes == 1)
            try await client.execute(uri: "/s/\(h.code)/questions", method: .get, headers: [.cookie: token]) { page in
                #expect(String(buffer: page.body).contains("name=\"up\" value=\"0\""), "the voted button takes the vote back")
            }
            _ = try await client.execute(uri: "/s/\(h.code)/questions/\(id)/vote", method: .post, headers: headers, body: ByteBuffer(string: "up=0"))
            #expect(await h.qandA.board.questions[id]?.votes == 0)
            try await h.qandA.moderate(.hide(id))
            response = try await client.execute(uri: "/s/\(h.code)/questions/\(id)/vote", method: .post, headers: headers, body: ByteBuffer())
            #expect(response.status == .notFound)
            try await client.execute(uri: "/s/\(h.code)/questions", method: .get, headers: [.cookie: token]) { page in
                #expect(String(buffer: page.body).contains("<span class=\"tag\">not shown</span>"), "hidden says only “not shown” to its author")
            }
            // From another site: refused.
            response = try await client.execute(uri: "/s/\(h.code)/questions", method: .post,
                                                headers: headers + [.origin: "https://evil.example"], body: ByteBuffer(string: "text=Hi&side=room"))
            #expect(response.status == .forbidden)
        }
        #expect(await h.qandA.board.questions.count == 1)
    }

    @Test func theAPIWithEveryStatusCode() async throws {
        let h = try await ServerHarness(qa: QandASettings(moderation: false))
        defer { h.cleanUp() }
        try await h.test { client in
            func post(_ uri: String, _ body: ByteBuffer, type: String = "application/json") async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: type], body: body)
            }
            func ask(_ object: [String: Any]) async throws -> TestResponse {
                try await post("/api/v1/questions", ServerHarness.json(["code": h.code, "participant": h.token].merging(object) { $1 }))
            }
            var response = try await ask(["text": "What about <script>alert(1)</script> and \u{202E}evil\u{202C}?", "side": "room", "name": "Ana"])
            #expect(response.status == .created)
            let asked = try json(response)
            #expect(asked["text"] as? String == "What about <script>alert(1)</script> and evil?", "bidi overrides removed; HTML is escaped where shown")
            #expect(asked["state"] as? String == "shown", "moderation off: shown at once")
            #expect(asked["side"] as? String == "room" && asked["name"] as? String == "Ana")
            let id = try #require(asked["id"] as? Int)
            #expect(try await ask(["text": "   ", "side": "room"]).status == .unprocessableContent)
            response = try await ask(["text": String(repeating: "x", count: 281), "side": "room"])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("at most 280"))
            #expect(try await ask(["text": "Hi", "side": "upstairs"]).status == .unprocessableContent)
            #expect(try await ask(["text": "Hi", "participant": "forged"]).status == .forbidden)
            #expect(try await ask(["text": "Hi", "code": "ZZZZZZ"]).status == .notFound)
            #expect(try await post("/api/v1/questions", ByteBuffer(string: "{\"text\": ")).status == .badRequest)
            #expect(try await post("/api/v1/questions", ByteBuffer(string: "text=hi"), type: "application/x-www-form-urlencoded").status
                    == .unsupportedMediaType)
            #expect(try await post("/api/v1/questions", ByteBuffer(repeating: 0x20, count: 9000)).status == .contentTooLarge)

            func vote(_ question: Any, _ extra: [String: Any] = [:]) async throws -> TestResponse {
                try await post("/api/v1/questions/\(question)/vote",
                               ServerHarness.json(["code": h.code, "participant": h.token].merging(extra) { $1 }))
            }
            response = try await vote(id)
            #expect(response.status == .created)
            #expect(try json(response)["votes"] as? Int == 1 && json(response)["voted"] as? Bool == true)
            response = try await vote(id, ["up": true])
            #expect(try json(response)["votes"] as? Int == 1, "a second vote never counts twice")
            response = try await vote(id)
            #expect(try json(response)["votes"] as? Int == 0 && json(response)["voted"] as? Bool == false, "without `up` it toggles")
            #expect(try await vote(999).status == .notFound)
            #expect(try await vote("abc").status == .notFound)
            #expect(try await vote(id, ["up": "yes"]).status == .badRequest)

            try await client.execute(uri: "/api/v1/questions?code=\(h.code)", method: .get, headers: [.roompollParticipant: h.token]) { page in
                let list = try self.json(page)
                let questions = try #require(list["questions"] as? [[String: Any]])
                #expect(questions.count == 1)
                #expect(questions.first?["voted"] as? Bool == false)
                #expect((list["mine"] as? [[String: Any]])?.count == 1)
                #expect(!String(buffer: page.body).contains(h.token), "no token is ever given out")
            }
            try await client.execute(uri: "/api/v1/questions?code=ZZZZZZ", method: .get) { #expect($0.status == .notFound) }
        }
        #expect(await h.qandA.board.questions.count == 1, "only the good question was stored")
        #expect(await h.qandA.board.totalVotes == 0)
    }

    /// A vote on a question the moderator hid, past the rate, or on a poll without Q&A is
    /// refused and changes nothing else; the API tells a hidden question's author only "not shown".
    @Test func refusedVotesAndQuestionsChangeNothing() async throws {
        let h = try await ServerHarness(qa: QandASettings(moderation: true))
        defer { h.cleanUp() }
        try await h.test { client in
            func post(_ uri: String, _ object: [String: Any]) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ServerHarness.json(object))
            }
            func ask(_ text: String) async throws -> Int {
                let response = try await post("/api/v1/questions", ["code": h.code, "participant": h.token, "text": text, "side": "online"])
                #expect(response.status == .created)
                return try #require(try json(response)["id"] as? Int)
            }
            let kept = try await ask("Who decides?"), hidden = try await ask("Off topic"), waiting = try await ask("Still waiting")
            _ = try await h.qandA.moderate(.approve(Int64(kept)))
            _ = try await h.qandA.moderate(.approve(Int64(hidden)))
            func vote(_ id: Int, up: Bool = true) async throws -> TestResponse {
                try await post("/api/v1/questions/\(id)/vote", ["code": h.code, "participant": h.token, "up": up])
            }
            #expect(try await vote(kept).status == .created)
            #expect(try await vote(hidden).status == .created)
            _ = try await h.qandA.moderate(.hide(Int64(hidden)))
            let before = await h.qandA.board
            let response = try await vote(hidden, up: false)
            #expect(response.status == .notFound, "a hidden question takes no vote, not even one taken back")
            #expect(try await vote(waiting).status == .notFound, "nor does one waiting for approval")
            #expect(await h.qandA.board == before, "refused votes change nothing")

            // The API's own list for the author: the hidden question only "not shown".
            try await client.execute(uri: "/api/v1/questions?code=\(h.code)", method: .get, headers: [.roompollParticipant: h.token]) { page in
                let list = try self.json(page)
                let public_ = try #require(list["questions"] as? [[String: Any]])
                #expect(public_.map { $0["id"] as? Int } == [kept], "only approved questions are listed")
                let mine = try #require(list["mine"] as? [[String: Any]])
                let states = Dictionary(uniqueKeysWithValues: mine.compactMap { q in (q["id"] as? Int).map { ($0, q["state"] as? String ?? "") } })
                #expect(states == [kept: "shown", hidden: "not shown", waiting: "waiting"])
                #expect(!String(buffer: page.body).contains("hidden"), "the word hidden never reaches its author")
            }

            // Past the rate (30 votes at once, then 2 a second): 429, and the count stays right.
            var statuses: [HTTPResponse.Status] = []
            for i in 0..<40 { statuses.append(try await vote(kept, up: i % 2 == 1).status) }
            #expect(statuses.contains(.tooManyRequests))
            let lastAccepted = try #require(statuses.lastIndex(of: .created))
            #expect(await h.qandA.board.questions[Int64(kept)]?.votes == (lastAccepted % 2 == 1 ? 1 : 0), "the last accepted vote decides")
            var asked: [HTTPResponse.Status] = []
            for i in 0..<3 {
                asked.append(try await post("/api/v1/questions", ["code": h.code, "participant": h.token, "text": "One more \(i)", "side": "room"]).status)
            }
            #expect(asked == [.created, .created, .tooManyRequests], "five questions at once, then one every 20 seconds")
            #expect(await h.qandA.board.questions.count == 5)
        }
    }

    @Test func thePlaceQuestionSaysWhereAParticipantIs() async throws {
        let h = try await ServerHarness(qa: QandASettings(moderation: false, place: .init(question: "single", roomOption: 0)))
        defer { h.cleanUp() }
        let online = h.server.tokens.issue(), unknown = h.server.tokens.issue()
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            func post(_ uri: String, _ object: [String: Any]) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ServerHarness.json(object))
            }
            #expect(try await post("/api/v1/answers", ["code": h.code, "participant": h.token, "question": "single", "answer": "Oui"]).status == .created)
            #expect(try await post("/api/v1/answers", ["code": h.code, "participant": online, "question": "single", "answer": "Non"]).status == .created)
            var response = try await post("/api/v1/questions", ["code": h.code, "participant": h.token, "text": "From the room", "side": "online"])
            #expect(try json(response)["side"] as? String == "room", "the place question's answer wins over what the client says")
            response = try await post("/api/v1/questions", ["code": h.code, "participant": online, "text": "From afar"])
            #expect(try json(response)["side"] as? String == "online")
            response = try await post("/api/v1/questions", ["code": h.code, "participant": unknown, "text": "From where?"])
            #expect(response.status == .unprocessableContent, "no answer to the place question and no side given")
            let cookie = "rp_\(h.code)=\(h.token)"
            try await client.execute(uri: "/s/\(h.code)/questions", method: .get, headers: [.cookie: cookie]) { page in
                #expect(!String(buffer: page.body).contains("I am joining online"), "the page does not ask what the poll knows")
            }
        }
    }

    @Test func qandAOffIsAConflict() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        try await h.test { client in
            let response = try await client.execute(uri: "/api/v1/questions", method: .post, headers: [.contentType: "application/json"],
                                                    body: ServerHarness.json(["code": h.code, "participant": h.token, "text": "Hi"]))
            #expect(response.status == .conflict)
            let vote = try await client.execute(uri: "/api/v1/questions/1/vote", method: .post, headers: [.contentType: "application/json"],
                                                body: ServerHarness.json(["code": h.code, "participant": h.token]))
            #expect(vote.status == .conflict, "voting too")
            try await client.execute(uri: "/api/v1/questions?code=\(h.code)", method: .get) { #expect($0.status == .conflict) }
            try await client.execute(uri: "/s/\(h.code)", method: .get) { page in
                #expect(!String(buffer: page.body).contains("/questions"), "no Questions link when the poll has no Q&A")
            }
        }
    }
}

/// What the wall reveals shows on phones: results and the comparison, never while hidden,
/// and not at all when the poll says so.
@Suite("Results on phones")
struct PhoneResultsTests {
    static func page(_ client: any TestClientProtocol, _ code: String) async throws -> String {
        try await client.execute(uri: "/s/\(code)", method: .get) { String(buffer: $0.body) }
    }

    @Test func aWideScaleShowsOnPhonesInRanges() {
        let question = Question(id: "pct", kind: .scale, ask: "How likely, 0–100?", max: 100, min: 0, rounds: ["opening", "closing"])
        var opening = QuestionTally(question: question), closing = QuestionTally(question: question)
        for i in 0..<20 {
            opening.record(participant: "p\(i)", answer: .number(i * 5))
            closing.record(participant: "p\(i)", answer: .number(min(100, i * 5 + 10)))
        }
        let poll = PollDefinition(title: "T", questions: [question])
        let context = ParticipantPage.Context(code: "ABC123", definition: poll, control: SessionControl(startOf: poll), followKey: "")
        let html = PhoneResults.section(question, shown: .compare, tallies: [("opening", opening), ("closing", closing)], context: context)
        #expect(html.contains(">90–100<") && html.contains(">0–9<"), "\(html)")
        #expect(!html.contains(">57<") && !html.contains(">55<"), "ten ranges, not 101 values")
    }

    @Test func revealedResultsShowOnPhonesAndHiddenOnesNever() async throws {
        let h = try await ServerHarness(pace: .presenter)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.intake.handle(.openVoting)
        let others = (0..<3).map { _ in h.server.tokens.issue() }
        for (token, answer) in zip(others, ["1", "1", "2"]) {
            _ = await h.intake.submit(Submission(participant: token, question: "single", answer: .encoded(answer), channel: .web, receivedAt: Date()))
        }
        try await h.test { client in
            #expect(!(try await Self.page(client, h.code)).contains("On the screen now"), "voting open, results hidden: nothing on phones")
            try await h.intake.handle(.show(.results))
            let html = try await Self.page(client, h.code)
            #expect(html.contains("<h2 id=\"wall-heading\">On the screen now</h2>"))
            #expect(html.contains("<th scope=\"row\" lang=\"de\" dir=\"ltr\">Oui</th><td>2</td><td>67% <meter"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;</th><td>0</td>"), "labels escaped")
            try await client.execute(uri: "/api/v1/session?code=\(h.code)", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"shown\":\"results\""), "the live pages hear of it")
            }
            try await h.intake.handle(.next)
            #expect(!(try await Self.page(client, h.code)).contains("On the screen now"), "another question: not revealed")
        }
    }

    @Test func theComparisonShowsBothRoundsAndTheChange() async throws {
        let h = try await ServerHarness()
        defer { h.cleanUp() }
        let people = (0..<4).map { _ in h.server.tokens.issue() }
        try await h.intake.handle(.openRound("opening"))
        for (token, answer) in zip(people, ["1", "2", "2", "2"]) {
            _ = await h.intake.submit(Submission(participant: token, question: "single", answer: .encoded(answer), channel: .web, receivedAt: Date()))
        }
        try await h.intake.handle(.openRound("closing"))
        for (token, answer) in zip(people, ["1", "1", "1", "2"]) {
            _ = await h.intake.submit(Submission(participant: token, question: "single", answer: .encoded(answer), channel: .web, receivedAt: Date()))
        }
        try await h.intake.handle(.show(.compare))
        try await h.test { client in
            let html = try await Self.page(client, h.code)
            #expect(html.contains("How the answers moved between the rounds"))
            #expect(html.contains("<th scope=\"row\" lang=\"de\" dir=\"ltr\">Oui</th><td>25%</td><td>75% <meter min=\"0\" max=\"100\" value=\"75\" aria-hidden=\"true\"></meter></td><td><bdi>+50</bdi> points</td>"))
        }
    }

    @Test func rankingsShowTheRoomsOrderAndWordsTheMostUsed() async throws {
        let h = try await ServerHarness(pace: .presenter)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        let people = (0..<2).map { _ in h.server.tokens.issue() }
        try await h.intake.handle(.select("ranking"))
        try await h.intake.handle(.openVoting)
        for (token, order) in zip(people, ["C>A>B", "C>B>A"]) {
            _ = await h.intake.submit(Submission(participant: token, question: "ranking", answer: .encoded(order), channel: .web, receivedAt: Date()))
        }
        try await h.intake.handle(.show(.results))
        try await h.test { client in
            let html = try await Self.page(client, h.code)
            #expect(html.contains("The room&#39;s order in the opening round (n = <bdi>2</bdi>)"))
            #expect(html.contains("<tr><td>1</td><th scope=\"row\" lang=\"de\" dir=\"ltr\">C</th><td>1.0</td></tr>"))
            #expect(html.contains("<tr><td>2</td><th scope=\"row\" lang=\"de\" dir=\"ltr\">A</th><td>2.5</td></tr>"), "ties: the earlier option first")
        }
        try await h.intake.handle(.select("words"))
        try await h.intake.handle(.openVoting)
        for (token, words) in zip(people, ["trust;<b>power</b>", "Trust"]) {
            _ = await h.intake.submit(Submission(participant: token, question: "words", answer: .encoded(words), channel: .web, receivedAt: Date()))
        }
        try await h.intake.handle(.show(.results))
        try await h.test { client in
            let html = try await Self.page(client, h.code)
            #expect(html.contains("The most used words in the opening round (n = <bdi>2</bdi>)"))
            #expect(html.contains("<th scope=\"row\" dir=\"auto\">trust</th><td>2</td><td>100%"))
            #expect(html.contains("&lt;b&gt;power&lt;/b&gt;"), "participants' words escaped")
        }
    }

    @Test func aPollCanKeepResultsOffPhones() async throws {
        let h = try await ServerHarness(resultsOnPhones: false)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.intake.handle(.show(.results))
        try await h.test { client in
            let html = try await Self.page(client, h.code)
            #expect(!html.contains("On the screen now"))
            // The wall page mirrors the projected screen, so the online half still sees it.
            let wall = try await client.execute(uri: "/w/\(h.code)", method: .get)
            #expect(String(buffer: wall.body).contains("On the screen now"))
        }
        let parsed = try PollFileParser.parse("title: T\nresults-on-phones: false\nquestions: [{id: a, kind: text, ask: A?}]")
        #expect(parsed.showsResultsOnPhones == false)
    }
}

/// The wall page: read only, for online participants and a call's screen share.
@Suite("Wall page")
struct WallPageTests {
    @Test func itMirrorsTheWallFromLobbyToResultsAndTheQandA() async throws {
        let h = try await ServerHarness(qa: QandASettings(moderation: false))
        defer { h.cleanUp() }
        try await h.test { client in
            func wall() async throws -> TestResponse { try await client.execute(uri: "/w/\(h.code)", method: .get) }
            var response = try await wall()
            var html = String(buffer: response.body)
            #expect(response.status == .ok)
            #expect(response.headers[.setCookie] == nil, "the wall issues no participant token")
            #expect(html.contains("<strong class=\"code\"><bdi>\(h.code)</bdi></strong>"))
            #expect(html.contains("<svg class=\"qr\"") && html.contains("aria-label=\"QR code of http://"))
            #expect(html.contains("data-state=\"wall\""), "its script follows every change")
            try await h.intake.handle(.openRound("opening"))
            html = String(buffer: try await wall().body)
            #expect(!html.contains("<svg class=\"qr\"") && html.contains("<svg class=\"qr small\""),
                    "once a round is open, the code and a smaller QR code stay for late arrivals")
            #expect(html.contains("Question <bdi>1</bdi> of <bdi>6</bdi>") && html.contains("Oui &lt;b&gt;ou&lt;/b&gt; non?"))
            #expect(html.contains("<li lang=\"de\" dir=\"ltr\">Oui</li>"), "the options, without results")
            try await h.intake.handle(.show(.results))
            html = String(buffer: try await wall().body)
            #expect(html.contains("On the screen now") && !html.contains("<li lang=\"de\" dir=\"ltr\">Oui</li>"))
            let asked = try await h.qandA.ask(text: "Who decides?", name: nil, side: .online, author: h.token).get()
            try await h.qandA.moderate(.answering(asked.id))
            html = String(buffer: try await wall().body)
            #expect(html.contains("Being answered now (online)") && html.contains("Who decides?"))
            response = try await client.execute(uri: "/w/ZZZZZZ", method: .get)
            #expect(response.status == .notFound)
        }
    }
}
