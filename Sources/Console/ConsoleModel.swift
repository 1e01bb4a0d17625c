import Analysis
import Foundation
import PollCore

/// Everything the console shows, as a value. `ConsoleUpdate` changes it; screens render it.
public struct ConsoleModel: Sendable {
    public var sessionName: String
    public var joinCode: String
    /// Where participants join (shown in the lobby and on question screens), once a web server runs.
    public var joinURLs: [String] = []
    /// The wall page for online participants and a call's screen share (shown in the lobby).
    public var wallURL: String?
    /// The first join URL as a QR code, one text line per two module rows (half blocks).
    public var joinQR: [String] = []
    public var control: SessionControl
    public var tally: Tally
    public var size: TerminalSize
    public var screen: ConsoleScreen = .lobby
    public var overlay: ConsoleOverlay?
    /// Results of the current question shown while voting is still open.
    public var revealed = false
    /// First line shown of long lists (text answers, the summary).
    public var scroll = 0
    public var banner: Banner?
    /// A line from whatever drives the session (e.g. the simulated audience).
    public var status: String?
    public var kiosk: KioskState?
    public var hands: HandsState?
    /// A script drives the console (`demo --auto`): a person's keys other than quit and help
    /// are not taken, so they cannot derail it.
    public var autopilot = false
    /// Source of kiosk voter codes (seeded by the shell; pure here).
    public var random: SeededGenerator
    /// The session's audience Q&A, as stored.
    public var qandA = QandABoard()
    public var qandAState = QandAScreenState()
    /// `roompoll moderate`: the Q&A screen alone, in the moderation view; the rounds are
    /// someone else's.
    public var moderator = false
    /// The poll file the console was started with (for the quit dialog's "how to go on").
    public var pollPath: String?
    /// Participants connected now (with a live page open on this process's server); nil without a
    /// server here.
    public var connected: Int?
    /// The time, for the Q&A clocks (the shell sends it; pure here).
    public var now = Date(timeIntervalSince1970: 0)
    /// The language the wall shows a translated poll in (`l` cycles); nil: the main language.
    public var language: String?

    public init(sessionName: String, joinCode: String, control: SessionControl, tally: Tally, size: TerminalSize,
                seed: UInt64) {
        self.sessionName = sessionName
        self.joinCode = joinCode
        self.control = control
        self.tally = tally
        self.size = size
        random = SeededGenerator(seed: seed)
        screen = control.openRound == nil ? .lobby : (control.pace == .audience ? .progress : .question)
    }

    /// The poll as the wall shows it: in `language` when one is picked.
    public var definition: PollDefinition { language.map(tally.definition.translated(to:)) ?? tally.definition }

    /// The tallies under the shown language's words (the counts are the same in every language).
    public var shownTally: Tally { language.map(tally.translated(to:)) ?? tally }

    /// The next of a translated poll's languages (after the last: the main one again).
    public mutating func cycleLanguage() {
        let languages = tally.definition.allLanguages
        guard languages.count > 1 else { return }
        let index = languages.firstIndex(of: language ?? languages[0]) ?? 0
        let next = languages[(index + 1) % languages.count]
        language = next == languages[0] ? nil : next
    }

    public var currentQuestion: Question? {
        control.currentQuestion.flatMap(definition.question)
    }

    /// The current question's place as participants' phones number it: "3 of 6" among the
    /// questions of the round it is shown for (of the whole poll when it has no round).
    public var currentPosition: (number: Int, of: Int) {
        guard let question = currentQuestion else { return (0, 0) }
        let questions = displayRound(for: question).map(definition.questions(in:)) ?? definition.questions
        return ((questions.firstIndex { $0.id == question.id } ?? 0) + 1, questions.count)
    }

    /// The round whose answers the question screen shows: the open one, else the latest one
    /// that ran and asks the question, else the question's first round.
    public func displayRound(for question: Question) -> String? {
        if let open = control.openRound, question.isAsked(in: open) { return open }
        return definition.rounds.reversed().first { question.isAsked(in: $0) && control.phase(of: $0) != .pending }
            ?? question.rounds.first
    }

    /// Whether `question` accepts answers right now.
    public func isVotingOpen(on question: Question) -> Bool {
        guard let open = control.openRound, question.isAsked(in: open) else { return false }
        return control.pace == .audience || (control.votingOpen && control.currentQuestion == question.id)
    }

    /// Participants who answered at least one question of `round`.
    public func participants(in round: String) -> Int { tally.participantCount(inEvery: [round]) }

    /// How far the current list can scroll (text answers, the summary).
    public var maxScroll: Int {
        switch screen {
        case .summary:
            return SummaryScreen.maxScroll(analysis, openRound: control.openRound, area: Chrome.contentArea(size))
        case .question:
            guard let question = currentQuestion, question.kind == .text, let round = displayRound(for: question) else { return 0 }
            return max(0, (tally.tally(round: round, question: question.id)?.count ?? 0) - 1)
        default: return 0
        }
    }

    /// The shift analysis of the live tallies (compare and summary screens; no segments,
    /// which the wall does not show).
    public var analysis: ShiftReport {
        ShiftAnalysis.analyze(session: SessionInfo(name: sessionName, pollTitle: definition.title,
                                                   event: definition.event, createdAt: .distantPast), tally: shownTally, segments: false)
    }
}
