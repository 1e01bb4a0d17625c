import Console
import Foundation
import Intake
import PollCore
import Store

/// A live console on a session: the loop runs on its own thread (curses stays there), the
/// facilitator's effects go to the intake one at a time, and every change the intake commits
/// comes back to the screen through the inbox.
public enum ConsoleSession {
    /// Runs the console until the facilitator quits or a signal stops it; the terminal is
    /// restored before this returns. `inbox` lets other tasks (a simulated audience, a
    /// script) post events and status lines.
    /// `moderator`: the Q&A screen alone (`roompoll moderate`).
    public static func run(intake: Intake, qandA: QandADesk, inbox: ConsoleInbox, joinURLs: [String] = [], joinQR: [String] = [],
                           wallURL: String? = nil, pollPath: String? = nil, autopilot: Bool = false, moderator: Bool = false,
                           noColor: Bool = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
        async throws -> ConsoleLoop.Ending {
        await intake.observe { change in
            switch change {
            case .recorded(let responses): for response in responses { inbox.post(.recorded(response)) }
            case .control(let control): inbox.post(.controlChanged(control))
            case .hands(let count): inbox.post(.handsSaved(count))
            }
        }
        let session = await intake.session
        var model = ConsoleModel(sessionName: session.name, joinCode: session.joinCode, control: await intake.engine.control,
                                 tally: await intake.tally, size: .minimum, seed: UInt64.random(in: .min ... .max))
        model.joinURLs = joinURLs
        model.joinQR = joinQR
        model.wallURL = wallURL
        model.pollPath = pollPath
        model.autopilot = autopilot
        model.now = Date()
        // Observed first, then read: a change taken in between still reaches the screen.
        await qandA.observe { board, _ in inbox.post(.qandAChanged(board)) }
        model.qandA = await qandA.board
        if moderator { model.moderateOnly() }
        // The clocks move once a second while a Q&A question is being answered or the agenda
        // runs (otherwise nothing ticks).
        let ticking = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let answering = await qandA.board.answering != nil
                let agendaRuns = await intake.engine.control.agenda?.current != nil
                if answering || agendaRuns { inbox.post(.tick(Date())) }
            }
        }
        defer { ticking.cancel() }

        // Effects run in order, one at a time, off the loop's thread.
        let (effects, sink) = AsyncStream.makeStream(of: ConsoleEffect.self)
        let worker = Task {
            for await effect in effects { await perform(effect, intake: intake, qandA: qandA, inbox: inbox) }
        }
        let initial = model
        let ending: ConsoleLoop.Ending
        do {
            ending = try await runLoop(initial, inbox: inbox, noColor: noColor, sink: sink)
        } catch {
            sink.finish()
            await worker.value
            throw error
        }
        // What the facilitator did just before quitting is still stored before we return.
        sink.finish()
        await worker.value
        return ending
    }

    /// Runs the loop on its own thread; curses lives and dies there.
    static func runLoop(_ initial: ConsoleModel, inbox: ConsoleInbox, noColor: Bool,
                        sink: AsyncStream<ConsoleEffect>.Continuation) async throws -> ConsoleLoop.Ending {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let terminal = try CursesTerminal(noColor: noColor)
                    let (ending, _) = try ConsoleLoop.run(initial, terminal: terminal, inbox: inbox) { sink.yield($0) }
                    continuation.resume(returning: ending)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "roompoll-console"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    static func perform(_ effect: ConsoleEffect, intake: Intake, qandA: QandADesk, inbox: ConsoleInbox) async {
        switch effect {
        case .session(let event):
            do {
                try await intake.handle(event)
            } catch {
                inbox.post(.failed(String(describing: error)))
            }
        case let .submitKiosk(participant, round, question, answer, language):
            let submission = Submission(participant: participant, question: question, round: round, answer: .value(answer),
                                        channel: .kiosk, receivedAt: Date(), language: language)
            switch await intake.submit(submission) {
            case .success: inbox.post(.kioskStored(question: question))
            case .failure(.refused(.roundClosed)), .failure(.refused(.questionClosed)), .failure(.refused(.notAskedInRound)):
                inbox.post(.kioskRefused(question: question, reason: "voting on this question has closed"))
            case .failure(let refusal):
                inbox.post(.kioskRefused(question: question, reason: refusal.description))
            }
        case let .saveHands(round, question, counts):
            do {
                try await intake.setHands(HandCount(round: round, question: question, counts: counts, updatedAt: Date()))
            } catch {
                inbox.post(.failed("Hand counts not saved: \(error)"))
            }
        case .nextAgendaPart:
            do {
                try await intake.handle(.nextAgendaPart(at: Date()))
                inbox.post(.tick(Date()))
            } catch {
                inbox.post(.failed(String(describing: error)))
            }
        case .qandA(let change):
            inbox.post(.tick(Date()))
            do {
                try await qandA.moderate(change)
            } catch {
                inbox.post(.failed("Q&A not saved: \(error)"))
            }
        case .quit:
            break
        }
    }
}
