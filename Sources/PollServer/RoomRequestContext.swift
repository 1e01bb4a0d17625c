import Hummingbird
import NIOCore

/// The request context of the participants' server: Hummingbird's basics plus the address the
/// connection comes from, which the per-address limits key on. The address is held in
/// memory for the request only: never stored or logged.
public struct RoomRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text, the key of the per-address limits ("unknown" when the
    /// connection has none, e.g. in Hummingbird's test client).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
