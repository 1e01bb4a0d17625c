import ArgumentParser
import ConsoleTerminal
import Foundation
import Intake
import PollCore
import Store

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the presenter console for a session of a poll (new, or resumed with --session).",
        discussion: "Without --session a new session is created, named after the poll and today's date. With --session naming an existing session, the console resumes it exactly where it was — rounds, current question and every stored answer — after a quit or a crash. Keys: o and c open and close the rounds, Enter shows a question, r reveals its results, v compares the rounds, s shows the summary, j brings the join screen and QR code back, k opens the kiosk, h types in a show of hands, a opens the audience Q&A, t moves the agenda on, q quits; press ? in the console for every key."
    )

    @Argument(help: ArgumentHelp("The poll file.", valueName: "poll"))
    var poll: String

    @Option(help: ArgumentHelp("The session to resume or create.", valueName: "name"))
    var session: String?

    @Option(help: ArgumentHelp("audience (every question of the open round at once) or presenter (only the question you open). Default: the poll file's pace.", valueName: "pace"))
    var pace: Pace?

    @Flag(name: .customLong("no-server"), help: "Do not serve the participants' page (e.g. a `roompoll serve` on the same --db does).")
    var noServer = false

    @OptionGroup var server: ServerArguments
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let session { try SessionOpener.validate(name: session) }
    }

    func run() async throws {
        let pollFile = try PollFile.loadOrFail(poll)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("the console needs a terminal; for a report use `roompoll report`")
        }
        let store = try await database.open(create: true)
        var record = try await Self.openOrCreate(session, pollFile: pollFile, pace: pace, in: store)
        let intake = try await Intake.open(record, in: store)
        let qandA = try await QandADesk.open(record, in: store)
        if let pace, await intake.engine.control.pace != pace { try await intake.handle(.setPace(pace)) }
        let inbox = try ConsoleInbox()
        let web = noServer ? nil : try await server.start(intake, qandA: qandA, alert: { inbox.post(.alert($0)) },
                                                          connected: { inbox.post(.connected($0)) })
        if web != nil { inbox.post(.connected(0)) }
        let following = Task { await intake.follow(qandA: qandA, trouble: Self.reportTrouble(to: inbox)) }
        let ending = try await ConsoleSession.run(intake: intake, qandA: qandA, inbox: inbox, joinURLs: web?.urls ?? [], joinQR: web?.qr ?? [],
                                                  wallURL: web?.wall,
                                                  pollPath: poll)
        following.cancel()
        await web?.runner.stop()
        record = await intake.session
        say(Self.farewell(record, database: database.shown, poll: poll, ending: ending))
        try Self.failIfStopped(by: ending)
    }

    /// The named session when it exists (it must run the same poll), else a new one.
    static func openOrCreate(_ name: String?, pollFile: PollFile, pace: Pace?, in store: any Store) async throws -> SessionRecord {
        func checked(_ existing: SessionRecord) throws -> SessionRecord {
            guard existing.definition.title == pollFile.definition.title else {
                throw CLIError("session `\(existing.name)` runs the poll “\(existing.definition.title)”, not “\(pollFile.definition.title)”")
            }
            return existing
        }
        if let name, let existing = try await store.session(named: name) { return try checked(existing) }
        do {
            return try await SessionOpener.create(in: store, name: name, stem: pollFile.stem, definition: pollFile.definition,
                                                  source: pollFile.source, pace: pace, now: Date())
        } catch StoreError.sessionExists(let taken) where taken == name {
            // Another process created it at the same moment (several servers started together).
            guard let existing = try await store.session(named: taken) else { throw StoreError.sessionExists(taken) }
            return try checked(existing)
        }
    }

    /// What is printed once the terminal is back: where the session is and how to go on.
    static func farewell(_ record: SessionRecord, database: String, poll: String, ending: ConsoleLoop.Ending) -> String {
        var lines: [String] = []
        if case .stopped(let signal) = ending, signal != 0 { lines.append("Stopped by signal \(signal); every answer is saved.") }
        lines.append("Session `\(record.name)` is saved in \(database).")
        lines.append("Resume: roompoll run \(poll) --session \(record.name) --db \(database)")
        lines.append("Report: roompoll report \(record.name) --db \(database)")
        return lines.joined(separator: "\n")
    }

    /// Tells the console when the changes of other processes cannot be read (its counts may
    /// be behind), and when they can again.
    static func reportTrouble(to inbox: ConsoleInbox) -> @Sendable (String?) -> Void {
        { problem in
            if let problem {
                inbox.post(.alert("Cannot read changes from other processes, so counts may be behind: \(problem)"))
            } else {
                inbox.post(.notice("Changes from other processes are read again."))
            }
        }
    }

    /// A console ended by a signal exits with 128 + the signal's number, as shells expect.
    static func failIfStopped(by ending: ConsoleLoop.Ending) throws {
        if case .stopped(let signal) = ending, signal != 0 { throw ExitCode(128 + signal) }
    }
}

extension Pace: ExpressibleByArgument {}
