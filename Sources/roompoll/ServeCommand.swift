import ArgumentParser
import Foundation
import Intake
import Store

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the participants' page and JSON API for a session, without a console.",
        discussion: "Drive the session from another terminal with `roompoll run POLL --session NAME --no-server` on the same --db: both follow each other's changes through the database. Several `serve` processes can share one session: on one SQLite file on one machine, or on a PostgreSQL database (--db postgres://…) from several machines behind one address (docs/several-servers.md). Stop with Ctrl-C."
    )

    @Argument(help: ArgumentHelp("The poll file.", valueName: "poll"))
    var poll: String

    @Option(help: ArgumentHelp("The session to serve (created if it does not exist).", valueName: "name"))
    var session: String?

    @OptionGroup var server: ServerArguments
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let session { try SessionOpener.validate(name: session) }
    }

    func run() async throws {
        let pollFile = try PollFile.loadOrFail(poll)
        let store = try await database.open(create: true)
        let record = try await RunCommand.openOrCreate(session, pollFile: pollFile, pace: nil, in: store)
        let intake = try await Intake.open(record, in: store)
        let qandA = try await QandADesk.open(record, in: store)
        let (runner, urls, qr, wall) = try await server.start(intake, qandA: qandA) { say("Alert: \($0)") }
        say("Serving session `\(record.name)` (join code \(record.joinCode)) on port \(runner.port).")
        for url in urls { say("Join at \(url)") }
        if let wall { say("Wall page (online participants, a call's screen share): \(wall)") }
        say(qr.joined(separator: "\n"))
        say("Ctrl-C stops.")
        let following = Task {
            await intake.follow(qandA: qandA) { problem in
                say(problem.map { "Cannot read changes from other processes: \($0)" } ?? "Changes from other processes are read again.")
            }
        }
        await Signals.wait(for: [SIGINT, SIGTERM])
        following.cancel()
        await runner.stop()
        say("Stopped; every answer is saved in \(database.shown).")
    }
}

/// Waiting for a termination signal without a terminal.
enum Signals {
    static func wait(for signals: [Int32]) async {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        for source in sources { source.cancel() }
    }
}
