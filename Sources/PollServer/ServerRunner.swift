import Foundation
import Hummingbird
import Intake

/// Starts the participants' server in the background and reports the port it listens on,
/// or why it could not start (e.g. the port is taken).
public final class ServerRunner: Sendable {
    public let port: Int
    private let task: Task<Void, Never>

    private init(port: Int, task: Task<Void, Never>) {
        self.port = port
        self.task = task
    }

    /// Listens with the server's options; returns once the server accepts connections.
    public static func start(_ server: PollServer) async throws -> ServerRunner {
        let options = server.options
        guard InterfaceWords.isLoaded else {
            throw ServerStartError(port: options.port, bind: options.bind, underlying: MissingWords())
        }
        await server.startPublishing()
        let outcome = AsyncStream.makeStream(of: Result<Int, Error>.self)
        let task = Task {
            let app = server.application { port in outcome.continuation.yield(.success(port)) }
            do {
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                outcome.continuation.yield(.failure(error))
            }
            outcome.continuation.finish()
        }
        for await result in outcome.stream {
            switch result {
            case .success(let port): return ServerRunner(port: port, task: task)
            case .failure(let error):
                throw ServerStartError(port: options.port, bind: options.bind, underlying: error)
            }
        }
        throw ServerStartError(port: options.port, bind: options.bind, underlying: CancellationError())
    }

    /// Stops listening and closes connections.
    public func stop() async {
        task.cancel()
        await task.value
    }
}

/// The participant pages' word files were not found (see `InterfaceWords.folders`).
struct MissingWords: Error, CustomStringConvertible {
    var description: String {
        "the participant pages' words are missing: copy the folder roompoll_PollServer.resources from the build "
            + "folder (.build/release) next to the roompoll binary"
    }
}

/// The server could not listen.
public struct ServerStartError: Error, CustomStringConvertible {
    public let port: Int
    public let bind: String
    public let underlying: Error

    public var description: String {
        let text = String(describing: underlying)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
            return "port \(port) is already in use on \(bind): choose another with --port, or --port 0 for any free port"
        }
        if underlying is MissingWords { return text }
        return "cannot listen on \(bind):\(port): \(text)"
    }
}
