import ArgumentParser
import Intake
import JoinQR
import PollServer

/// The options of the participants' web server, shared by `run`, `demo` and `serve`.
struct ServerArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Address to listen on (default: every interface).", valueName: "address"))
    var bind = "0.0.0.0"

    @Option(help: ArgumentHelp("Port to listen on; 0 picks any free port.", valueName: "port"))
    var port = 8080

    @Option(name: .customLong("public-url"),
            help: ArgumentHelp("The address participants are shown, e.g. https://poll.example.org behind a reverse proxy.", valueName: "url"))
    var publicURL: String?

    var options: ServerOptions { ServerOptions(bind: bind, port: port, publicURL: publicURL) }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://")
        }
    }

    /// Starts the server for `intake`; a taken port is a clear error — or, with
    /// `anyPortIfTaken` (the demo), any free port instead.
    func start(_ intake: Intake, anyPortIfTaken: Bool = false) async throws -> (runner: ServerRunner, urls: [String], qr: [String]) {
        let server = PollServer(intake: intake, secureCookies: publicURL?.hasPrefix("https://") == true)
        let runner: ServerRunner
        do {
            runner = try await ServerRunner.start(server, options: options)
        } catch is ServerStartError where anyPortIfTaken {
            var fallback = options
            fallback.port = 0
            do {
                runner = try await ServerRunner.start(server, options: fallback)
            } catch {
                throw CLIError(String(describing: error))
            }
        } catch let error as ServerStartError {
            throw CLIError(error.description)
        }
        let urls = JoinAddresses.urls(code: intake.joinCode, port: runner.port, publicURL: publicURL)
        return (runner, urls, urls.first.flatMap(QRMatrix.init)?.halfBlockLines() ?? [])
    }
}
