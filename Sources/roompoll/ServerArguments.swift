import ArgumentParser
import Intake
import JoinQR
import PollServer

/// The options of the participants' web server, shared by `run`, `demo` and `serve`.
struct ServerArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Address to listen on (default: every interface); the join addresses shown follow it (127.0.0.1: loopback only).", valueName: "address"))
    var bind = "0.0.0.0"

    @Option(help: ArgumentHelp("Port to listen on; 0 picks any free port.", valueName: "port"))
    var port = 8080

    @Option(name: .customLong("public-url"),
            help: ArgumentHelp("The address participants are shown, e.g. https://poll.example.org behind a reverse proxy.", valueName: "url"))
    var publicURL: String?

    @Option(name: .customLong("joins-per-address"),
            help: ArgumentHelp("New participants one network address may add a minute (a room behind one Wi-Fi shares one address).", valueName: "n"))
    var joinsPerAddress = ServerOptions().joinsPerAddress

    var options: ServerOptions {
        ServerOptions(bind: bind, port: port, publicURL: publicURL, joinsPerAddress: joinsPerAddress,
                      streamsPerAddress: max(ServerOptions().streamsPerAddress, joinsPerAddress))
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...1_000_000).contains(joinsPerAddress) else { throw ValidationError("--joins-per-address must be between 1 and 1000000") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://")
        }
    }

    /// Starts the server for `intake` and the session's Q&A; a taken port is a clear error — or, with
    /// `anyPortIfTaken` (the demo), any free port instead. `alert` hears what the facilitator
    /// should know about joins.
    func start(_ intake: Intake, qandA: QandADesk, anyPortIfTaken: Bool = false, alert: @escaping @Sendable (String) -> Void,
               connected: @escaping @Sendable (Int) -> Void = { _ in })
        async throws -> (runner: ServerRunner, urls: [String], qr: [String], wall: String?) {
        let runner: ServerRunner
        do {
            runner = try await ServerRunner.start(PollServer(intake: intake, qandA: qandA, options: options, alert: alert, connected: connected))
        } catch is ServerStartError where anyPortIfTaken {
            var fallback = options
            fallback.port = 0
            do {
                runner = try await ServerRunner.start(PollServer(intake: intake, qandA: qandA, options: fallback, alert: alert, connected: connected))
            } catch {
                throw CLIError(String(describing: error))
            }
        } catch let error as ServerStartError {
            throw CLIError(error.description)
        }
        let urls = JoinAddresses.urls(code: intake.joinCode, port: runner.port, publicURL: publicURL, bind: bind)
        return (runner, urls, urls.first.flatMap(QRMatrix.init)?.halfBlockLines() ?? [], urls.first.flatMap(JoinAddresses.wallURL(of:)))
    }
}
