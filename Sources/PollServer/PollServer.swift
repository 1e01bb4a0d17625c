import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Intake
import Logging
import NIOCore
import PollCore

/// The participants' side: the join page, the question pages (plain forms; live with
/// JavaScript) and the versioned JSON API, for one session. It never trusts input: the join
/// code, the open round and question, the answer against its question, sizes and rates are
/// all checked, and no facilitator action is reachable from here.
public struct PollServer: Sendable {
    public static let maxBody = 8 * 1024

    let intake: Intake
    let qandA: QandADesk
    let options: ServerOptions
    let hub: EventHub
    /// Answers per participant.
    let limiter = RateLimiter()
    /// Q&A questions per participant: a few at once, then one every 20 seconds.
    let askLimiter = RateLimiter(burst: 5, perSecond: 0.05)
    /// Q&A votes per participant.
    let voteLimiter = RateLimiter(burst: 30, perSecond: 2)
    /// New participants per source address.
    let joins: JoinGate
    let tokens: IssuedTokens
    /// Participant cookies are marked Secure when participants reach the server over https.
    var secureCookies: Bool { options.publicURL?.hasPrefix("https://") == true }

    /// A server for `intake`'s session. `alert` hears what the facilitator should know about
    /// joins (refused by the per-address limit, unusual bursts); it must return quickly.
    /// `connected` hears how many participants' live pages are open, whenever that changes.
    public init(intake: Intake, qandA: QandADesk, options: ServerOptions = ServerOptions(),
                alert: @escaping @Sendable (String) -> Void = { _ in }, connected: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.intake = intake
        self.qandA = qandA
        self.options = options
        hub = EventHub(total: options.maxStreams, perAddress: options.streamsPerAddress, onCount: connected)
        joins = JoinGate(perMinute: options.joinsPerAddress, alert: alert)
        tokens = IssuedTokens(secret: intake.secret)
    }

    /// A new participant token for a client at `address`, or nil when that address has
    /// added too many participants in the last minute.
    func join(from address: String) -> String? {
        joins.admit(from: address) ? tokens.issue() : nil
    }

    /// Collects a request body of at most `maxBody` bytes: the status to answer when it is too
    /// large (413, at once when the declared length says so, before anything is read) or
    /// broken off (400).
    static func body(of request: Request) async -> Result<ByteBuffer, HTTPError> {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBody {
            return .failure(HTTPError(.contentTooLarge))
        }
        do {
            return .success(try await request.body.collect(upTo: maxBody))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return .failure(HTTPError(.contentTooLarge))
        } catch {
            return .failure(HTTPError(.badRequest))
        }
    }

    /// Whether a POST to the API says it carries JSON: the API takes nothing else, so a
    /// form on another web site cannot post answers in a participant's name.
    static func isJSON(_ request: Request) -> Bool {
        guard let type = request.headers[.contentType] else { return false }
        // `application/json`, in any case, alone or before parameters (`; charset=utf-8`).
        // Compared on the bytes: this is on every answer's path.
        let expected = "application/json".utf8
        let bytes = type.utf8
        guard bytes.count >= expected.count,
              zip(bytes, expected).allSatisfy({ ((0x41...0x5A).contains($0) ? $0 | 0x20 : $0) == $1 }) else { return false }
        let rest = bytes.dropFirst(expected.count)
        return rest.first.map { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? true
    }

    /// Whether a form post comes from this server's own pages. Browsers say where a request
    /// comes from in `Sec-Fetch-Site`: only `same-origin` (or `none`, typed by the user) is
    /// taken. Browsers without it send `Origin`, which must then be this server (or the
    /// public URL); the pages' no-referrer policy makes some send `Origin: null`, taken like
    /// no Origin at all. Clients that send neither (old browsers, scripts) pass: they still
    /// need a token this server issued, within the join limit.
    func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[.secFetchSite]?.lowercased() { return site == "same-origin" || site == "none" }
        guard let origin = request.headers[.origin]?.lowercased(), origin != "null" else { return true }
        if let publicURL = options.publicURL, Self.origin(of: publicURL) == origin { return true }
        guard let host = request.head.authority?.lowercased() else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    /// `scheme://host[:port]` of a URL, lower-cased.
    static func origin(of url: String) -> String {
        let lower = url.lowercased()
        guard let schemeEnd = lower.range(of: "://") else { return lower }
        let rest = lower[schemeEnd.upperBound...]
        return lower[..<schemeEnd.upperBound] + (rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? "")
    }

    /// Follows the intake: every control change goes to the live pages and API listeners.
    public func startPublishing() async {
        let hub = self.hub, intake = self.intake
        await intake.observe { change in
            guard case .control = change else { return }
            Task { await PollServer.publish(intake: intake, hub: hub) }
        }
        await qandA.observe { [publisher = QandAPublisher(hub: hub)] board, _ in publisher.changed(board) }
        let interval = Duration.milliseconds(Int64(options.keepAliveSeconds * 1000))
        Task { await hub.keepAlive(every: interval) }
    }

    static func publish(intake: Intake, hub: EventHub) async {
        let code = intake.joinCode
        hub.publish(event: "session", data: SessionView(code: code, engine: await intake.engine).json)
    }

    // MARK: Routes

    public func router() -> Router<RoomRequestContext> {
        let router = Router(context: RoomRequestContext.self)
        router.middlewares.add(SecurityHeaders())
        router.get("/healthz") { _, _ in "ok" }
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: StaticAssets.css)))
        }
        router.get("/static/app.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: StaticAssets.javascript)))
        }
        router.get("/") { request, _ in Self.joinPage(request) }
        router.get("/join") { request, _ in
            let typed = request.uri.queryParameters.get("code") ?? ""
            guard let code = JoinCode.normalized(typed) else {
                return Self.joinPage(request, error: "join.notACode", status: .badRequest)
            }
            // The language picked on the join page goes on (the session's page keeps it if the
            // poll has it); only a plain tag is passed along.
            let language = request.uri.queryParameters.get("lang").flatMap { tag in
                LanguageTag.problem(tag) == nil ? "?lang=\(tag)" : nil
            } ?? ""
            return Self.redirect("/s/\(code)\(language)")
        }
        router.get("/j/{code}") { request, context in
            guard let code = JoinCode.normalized(context.parameters.get("code") ?? "") else {
                return Self.joinPage(request, error: "join.unknownCode", status: .notFound)
            }
            return Self.redirect("/s/\(code)")
        }
        router.get("/s/{code}") { request, context in try await self.page(request, context) }
        router.post("/s/{code}/answer") { request, context in try await self.postForm(request, context) }
        router.get("/api/v1/session") { request, _ in try await self.apiSession(request) }
        router.post("/api/v1/participants") { request, context in try await self.apiJoin(request, context) }
        router.post("/api/v1/answers") { request, _ in try await self.apiAnswer(request) }
        router.get("/api/v1/events") { request, context in try await self.apiEvents(request, context) }
        router.get("/w/{code}") { request, context in try await self.wallPage(request, context) }
        router.get("/s/{code}/questions") { request, context in try await self.questionsPage(request, context) }
        router.post("/s/{code}/questions") { request, context in try await self.postQuestion(request, context) }
        router.post("/s/{code}/questions/{id}/vote") { request, context in try await self.postVote(request, context) }
        router.get("/api/v1/questions") { request, _ in try await self.apiQuestions(request) }
        router.post("/api/v1/questions") { request, _ in try await self.apiAsk(request) }
        router.post("/api/v1/questions/{id}/vote") { request, context in try await self.apiVote(request, context) }
        // The API's other methods are refused as such (405 with the methods there are), not as
        // an unknown address.
        for (path, allowed) in [("/api/v1/session", [HTTPRequest.Method.get]), ("/api/v1/participants", [.post]), ("/api/v1/answers", [.post]),
                                ("/api/v1/events", [.get]), ("/api/v1/questions", [.get, .post]), ("/api/v1/questions/{id}/vote", [.post])] {
            Self.refuseOtherMethods(RouterPath(path), allowed: allowed, on: router)
        }
        return router
    }

    /// Registers `405 Method Not Allowed` with an `Allow` header for every method but `allowed` at `path`.
    static func refuseOtherMethods(_ path: RouterPath, allowed: [HTTPRequest.Method], on router: Router<RoomRequestContext>) {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        // (HEAD is left alone: it answers as it always did.)
        let others: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .options, .trace, .connect] + [HTTPRequest.Method("QUERY")!]
        for method in others where !allowed.contains(method) {
            router.on(path, method: method) { _, _ in
                var response = Self.error(.methodNotAllowed, "\(method.rawValue) is not allowed here: use \(allow)")
                response.headers[.allow] = allow
                return response
            }
        }
    }

    /// The application, ready to run: `backlog` for a room connecting at once, a cap on open
    /// connections, and a deadline for each request so that slow, trickling or idle clients
    /// cannot hold connections others need.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        // Nothing is logged: the console shares the terminal, and no request or address is
        // kept. (A no-op handler also spares every request the metadata bookkeeping.)
        let logger = Logger(label: "roompoll.server", factory: { _ in SwiftLogNoOpLogHandler() })
        let timeout = TimeAmount.seconds(Int64(options.requestTimeout))
        return Application(
            router: router(),
            // The deadline also closes idle connections: Hummingbird's own idle timer, which
            // each trickled byte would reset, is not needed.
            server: .http1(configuration: .init(additionalChannelHandlers: [RequestDeadline(timeout: timeout)])),
            configuration: .init(address: .hostname(options.bind, port: options.port), serverName: nil,
                                 backlog: options.backlog, reuseAddress: true,
                                 availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger
        )
    }

    // MARK: Helpers

    static func html(_ text: String, status: HTTPResponse.Status = .ok, cookie: Cookie?...) -> Response {
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: text)))
        for cookie in cookie.compactMap({ $0 }) { response.setCookie(cookie) }
        return response
    }

    static func redirect(_ location: String, cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// A flat JSON object of strings, written straight into the body buffer: this is on
    /// every answer's path.
    static func json(_ status: HTTPResponse.Status, _ object: KeyValuePairs<String, String>) -> Response {
        var body = ByteBuffer()
        body.reserveCapacity(object.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 })
        body.writeStaticString("{")
        for (index, (key, value)) in object.enumerated() {
            if index > 0 { body.writeStaticString(",") }
            writeQuoted(key, to: &body)
            body.writeStaticString(":")
            writeQuoted(value, to: &body)
        }
        body.writeStaticString("}")
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes `text` as a JSON string literal.
    static func writeQuoted(_ text: String, to body: inout ByteBuffer) {
        body.writeStaticString("\"")
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 in
            !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain == true {
            body.writeString(text)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": body.writeStaticString("\\\"")
                case "\\": body.writeStaticString("\\\\")
                case "\n": body.writeStaticString("\\n")
                case "\r": body.writeStaticString("\\r")
                case "\t": body.writeStaticString("\\t")
                case _ where scalar.value < 0x20:
                    body.writeStaticString("\\u00")
                    body.writeBytes([hexDigits[Int(scalar.value >> 4)], hexDigits[Int(scalar.value & 0xF)]])
                default: UTF8.encode(scalar) { body.writeInteger($0) }
                }
            }
        }
        body.writeStaticString("\"")
    }

    /// A value as JSON (keys sorted).
    static func json(_ status: HTTPResponse.Status, encoding value: some Encodable) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: Self.jsonText(value))))
    }

    static func jsonText(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(status, ["error": message])
    }

    /// The session's join code, if `typed` is it.
    func matches(_ typed: String?) -> Bool {
        guard let typed, let code = JoinCode.normalized(typed) else { return false }
        return code == intake.joinCode
    }

    /// The HTTP status of an answer that was not recorded.
    static func status(of refusal: IntakeRefusal) -> HTTPResponse.Status {
        switch refusal {
        case .refused(.roundClosed), .refused(.questionClosed), .refused(.notAskedInRound): return .conflict
        case .refused(.unknownQuestion), .refused(.unknownRound), .refused(.invalid): return .unprocessableContent
        case .notStored: return .serviceUnavailable
        }
    }
}

extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
    /// The participant asking `GET /api/v1/questions` (their votes and own questions).
    static let roompollParticipant = Self("Roompoll-Participant")!
}
