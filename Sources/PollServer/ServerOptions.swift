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
    /// Seconds a connection may sit idle (a slow or half-open client) before it is closed.
    public var idleTimeout: Int

    public init(bind: String = "0.0.0.0", port: Int = 8080, publicURL: String? = nil, maxConnections: Int = 4096,
                backlog: Int = 4096, idleTimeout: Int = 30) {
        self.bind = bind
        self.port = port
        self.publicURL = publicURL
        self.maxConnections = maxConnections
        self.backlog = backlog
        self.idleTimeout = idleTimeout
    }
}
