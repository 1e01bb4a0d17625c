import ArgumentParser
import ConsoleTerminal
import Foundation
import Intake
import PollCore
import Report
import Store

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "A live session with a simulated audience: you drive the console, the audience answers.",
        discussion: "The simulated audience (seeded: the same seed gives the same answers) answers through the same engine and store as real participants while a round is open; views move toward agreement by the closing round, and some people leave or arrive. Press o to open the opening round, r to reveal results, c for the closing round, v to compare, s for the summary, a for the audience Q&A (the audience asks and upvotes once a round opens), t to move through the poll's agenda, j for the join screen, ? for every key, q to quit. --auto plays the facilitator for you. Without a terminal (or with --print) the whole session runs at once and the report is printed. --poll polls/digital-security-training.yaml runs a training whose audience learns: the comparison marks the right answers and the summary leads with the knowledge check. Without --db the session goes into a fresh database in the temporary folder, whose path is printed."
    )

    static let defaultPoll = "polls/encryption-human-right.yaml"

    @Option(help: ArgumentHelp("The poll to run (default: \(DemoCommand.defaultPoll)).", valueName: "file"))
    var poll: String?

    @Option(help: "How many simulated participants.")
    var audience = 60

    @Option(help: "Seed of the simulated audience.")
    var seed: UInt64 = 2026

    @Option(help: "How fast the audience answers: 1 = an open round's answers arrive over about 30 seconds, 2 = twice as fast.")
    var speed: Double = 1

    @Flag(help: "Play the facilitator too: both rounds, the comparisons and the summary run by themselves.")
    var auto = false

    @Flag(help: "No console: run the whole session at once and print the report.")
    var print = false

    @Flag(name: .customLong("no-server"), help: "Do not serve the participants' page.")
    var noServer = false

    @OptionGroup var server: ServerArguments

    @Option(help: ArgumentHelp("The session name (default: the poll's name and today's date).", valueName: "name"))
    var session: String?

    @Option(name: .customLong("db"), help: ArgumentHelp("Database to add the session to: an SQLite file or a PostgreSQL URL (default: a fresh SQLite file in the temporary folder).", valueName: "path-or-url"))
    var databasePath: String?

    func validate() throws {
        guard (1...100_000).contains(audience) else { throw ValidationError("--audience must be between 1 and 100000") }
        guard speed > 0, speed <= 1000 else { throw ValidationError("--speed must be above 0 and at most 1000") }
        if let session { try SessionOpener.validate(name: session) }
    }

    func run() async throws {
        let pollFile = try PollFile.loadOrFail(try Self.locate(poll))
        let path = databasePath ?? Self.freshDatabasePath()
        let store = try await DatabaseOptions.open(path, create: true)
        let record = try await SessionOpener.create(
            in: store, name: session, stem: pollFile.stem, definition: pollFile.definition,
            source: pollFile.source, pace: nil, now: Date())
        let intake = try await Intake.open(record, in: store)
        let crowd = SimulatedAudience(definition: pollFile.definition, size: audience, seed: seed)
        if print || isatty(STDIN_FILENO) != 1 || isatty(STDOUT_FILENO) != 1 {
            try await runAtOnce(intake: intake, crowd: crowd, store: store, path: DatabaseOptions.shown(path))
        } else {
            try await runLive(intake: intake, crowd: crowd, path: DatabaseOptions.shown(path))
        }
    }

    /// The live console: the audience answers over time while a round is open.
    func runLive(intake: Intake, crowd: SimulatedAudience, path: String) async throws {
        let inbox = try ConsoleInbox()
        let driver = AudienceDriver(intake: intake, audience: crowd, roundDuration: .milliseconds(Int(30_000 / speed))) {
            inbox.post(.status($0))
        }
        let feeding = Task { await driver.run() }
        let qandA = try await QandADesk.open(await intake.session, in: intake.store)
        let asking = Task { await driver.ask(qandA) }
        let script = auto ? Task {
            try await DemoScript(inbox: inbox, audience: driver, qandA: qandA, definition: crowd.definition, speed: speed).run()
        } : nil
        defer {
            feeding.cancel()
            asking.cancel()
            script?.cancel()
        }
        let web = noServer ? nil : try await server.start(intake, qandA: qandA, anyPortIfTaken: true, alert: { inbox.post(.alert($0)) },
                                                          connected: { inbox.post(.connected($0)) })
        if web != nil { inbox.post(.connected(0)) }
        defer { if let web { Task { await web.runner.stop() } } }
        let ending = try await ConsoleSession.run(intake: intake, qandA: qandA, inbox: inbox, joinURLs: web?.urls ?? [], joinQR: web?.qr ?? [],
                                                  wallURL: web?.wall,
                                                  pollPath: poll ?? Self.defaultPoll, autopilot: auto)
        say(RunCommand.farewell(await intake.session, database: path, poll: poll ?? Self.defaultPoll, ending: ending))
        try RunCommand.failIfStopped(by: ending)
    }

    /// No terminal: every round opens, the whole audience answers, it closes; then the report.
    func runAtOnce(intake: Intake, crowd: SimulatedAudience, store: any Store, path: String) async throws {
        let record = await intake.session
        say("roompoll demo — \(crowd.definition.title)")
        say("Session \(record.name) · join code \(record.joinCode) · \(audience) simulated participants\n")
        for round in crowd.definition.rounds {
            try await intake.handle(.openRound(round))
            var accepted = 0
            var people: Set<String> = []
            let submissions = crowd.submissions(round: round, at: Date())
            // Presenter pace: one question's voting open at a time, as a facilitator would.
            let steps: [String?] = await intake.engine.control.pace == .presenter ? crowd.definition.questions(in: round).map(\.id) : [nil]
            for question in steps {
                if let question {
                    try await intake.handle(.select(question))
                    try await intake.handle(.openVoting)
                }
                let these = submissions.filter { question == nil || $0.question == question }
                for start in stride(from: 0, to: these.count, by: 25) {
                    let batch = Array(these[start..<min(start + 25, these.count)])
                    for case .success(let response) in await intake.submit(batch: batch) {
                        accepted += 1
                        people.insert(response.participant)
                    }
                }
                if question != nil { try await intake.handle(.closeVoting) }
            }
            try await intake.handle(.closeRound(round))
            say("\(round.capitalized) round: \(accepted) answers from \(people.count) participants.")
        }
        let finished = await intake.session
        if crowd.definition.qa != nil { try await runQandA(crowd: crowd, session: finished, store: store) }
        say("")
        say(TextReport().render(try await ReportCommand.analyze(finished, in: store).report), terminator: "")
        say("\nStored in \(path). Next: roompoll report \(finished.name) --db \(path) --format json")
    }

    /// The audience's questions and votes, every question approved, and the proposed next
    /// question answered a few times (so the report's Q&A section has something to show).
    func runQandA(crowd: SimulatedAudience, session: SessionRecord, store: any Store) async throws {
        let desk = try await QandADesk.open(session, in: store)
        var asked: [Int64] = []
        for step in crowd.qandASteps() {
            switch step {
            case let .ask(author, text, side):
                if case .success(let question) = await desk.ask(text: text, name: nil, side: side, author: author) {
                    asked.append(question.id)
                    if question.state == .waiting { try await desk.moderate(.approve(question.id)) }
                }
            case let .vote(voter, index):
                if index < asked.count { _ = await desk.vote(question: asked[index], participant: voter, up: true) }
            }
        }
        for _ in 0..<3 {
            guard let next = await desk.board.proposal(now: Date()) else { break }
            try await desk.moderate(.answering(next.id))
            try await desk.moderate(.answered(next.id))
        }
        say("Audience Q&A: \(asked.count) questions, \(await desk.board.totalVotes) votes.")
    }

    /// The poll file: as given, or the default demo poll found from the current folder or
    /// the folders above the executable (so the demo works from a build folder too).
    static func locate(_ given: String?) throws -> String {
        if let given { return given }
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: defaultPoll) { return defaultPoll }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(defaultPoll).path
            if fileManager.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CLIError("cannot find \(defaultPoll); run from the roompoll folder or pass --poll FILE")
    }

    static func freshDatabasePath() -> String {
        let name = "roompoll-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970)).sqlite"
        return FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    }
}
