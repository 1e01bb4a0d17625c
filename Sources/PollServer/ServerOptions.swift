/// How the participants' server listens.
public struct ServerOptions: Sendable, Hashable {
    /// Address to listen on (default: every interface).
    public var bind: String
    /// Port (0: any free port, reported once listening).
    public var port: Int
    /// The address participants are shown (e.g. behind a reverse proxy); nil: this machine's addresses.
    public var publicURL: String?
    /// Most open connections at once; more wait in the backlog.
    public var maxConnections: Int
    /// Pending connections the kernel queues (a room of phones connects at once).
    public var backlog: Int
    /// Seconds within which a request must arrive whole (headers and body) once its
    /// connection is ready for it; a connection idle that long is closed too.
    public var requestTimeout: Int
    /// New participants one address may add a minute (all at once, then spread over the minute).
    public var joinsPerAddress: Int
    /// Live-event streams one address may hold open.
    public var streamsPerAddress: Int
    /// Seconds between keep-alive comments on live streams; a stream whose client went away
    /// is noticed (and its place freed) when one fails to go out.
    public var keepAliveSeconds: Double = 15

    public init(bind: String = "0.0.0.0", port: Int = 8080, publicURL: String? = nil, maxConnections: Int = 4096,
                backlog: Int = 4096, requestTimeout: Int = 10, joinsPerAddress: Int = 500, streamsPerAddress: Int = 500) {
        self.bind = bind
        self.port = port
        self.publicURL = publicURL
        self.maxConnections = maxConnections
        self.backlog = backlog
        self.requestTimeout = requestTimeout
        self.joinsPerAddress = joinsPerAddress
        self.streamsPerAddress = streamsPerAddress
    }

    /// Live-event streams in all: three quarters of the connections, so that a quarter are
    /// always free for ordinary requests (answers, pages).
    public var maxStreams: Int { maxConnections - maxConnections / 4 }
}
