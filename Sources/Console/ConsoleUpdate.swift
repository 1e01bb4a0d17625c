import PollCore

/// The console's update function: `update(&model, event) -> [effects]`. Pure; the shell runs
/// the effects and feeds their outcomes back as events.
public enum ConsoleUpdate {
    public static func update(_ model: inout ConsoleModel, _ event: ConsoleEvent) -> [ConsoleEffect] {
        switch event {
        case .key(let key):
            if model.autopilot, model.overlay == nil, !Self.quitOrHelp(key) {
                model.banner = Banner("The demo is driving itself — q quits, ? shows the keys.")
                return []
            }
            return handle(key, &model)
        case .scripted(let key):
            return handle(key, &model)
        case .resize(let size):
            model.size = size
        case .recorded(let response):
            model.tally.record(response)
        case .handsSaved(let count):
            model.tally.setHands(count)
            if model.screen == .hands {
                model.hands = nil
                model.screen = .question
                model.revealed = true
            }
            model.banner = Banner("Hand counts saved for the \(count.round) round.")
        case .controlChanged(let control):
            apply(control, &model)
        case .failed(let message), .alert(let message):
            model.banner = Banner(message, kind: .error)
        case .notice(let message):
            model.banner = Banner(message)
        case .kioskStored(let question), .kioskRefused(let question, _):
            KioskUpdate.stored(event, question: question, &model)
        case .status(let text):
            model.status = text
        case .qandAChanged(let board):
            model.qandA = board
            if model.screen == .qandA { QandAUpdate.fixSelection(&model) }
        case .tick(let now):
            model.now = now
        case .connected(let count):
            model.connected = count
        }
        return []
    }

    /// Adopts the stored control state, moving to the screen that fits it.
    static func apply(_ control: SessionControl, _ model: inout ConsoleModel) {
        let before = model.control
        model.control = control
        if before.currentQuestion != control.currentQuestion {
            model.revealed = false
            model.scroll = 0
        }
        // Another console revealed or hid the results.
        if before.shown != control.shown, model.screen == .question { model.revealed = control.shown != nil }
        if let open = control.openRound, open != before.openRound {
            model.banner = Banner("The \(open) round is open.")
            if model.screen == .lobby || model.screen == .progress || model.screen == .question {
                model.screen = control.pace == .audience ? .progress : .question
            }
        } else if control.openRound == nil, let closed = before.openRound {
            model.banner = Banner("The \(closed) round is closed.")
        }
        if let kiosk = model.kiosk, kiosk.round != control.openRound {
            // The kiosk's round closed under it.
            model.kiosk = nil
            model.screen = .lobby
        }
    }

    static func quitOrHelp(_ key: Key) -> Bool {
        key == .character("q") || key == .character("Q") || key == .character("?") || key == .control("c")
    }

    static func handle(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        guard model.size.isLargeEnough else {
            // Nothing else is visible: only quitting makes sense.
            return key == .character("q") || key == .character("Q") || key == .control("c") ? [.quit] : []
        }
        if let overlay = model.overlay {
            if key == .control("c") {
                model.overlay = nil
                return [.quit]
            }
            model.overlay = nil
            if overlay == .confirmQuit, key == .character("y") || key == .character("Y") { return [.quit] }
            return []
        }
        switch model.screen {
        case .kiosk: return KioskUpdate.handle(key, &model)
        case .hands: return HandsUpdate.handle(key, &model)
        case .qandA: return QandAUpdate.handle(key, &model)
        default: break
        }
        model.banner = nil
        return global(key, &model)
    }

    /// The keys every screen but the kiosk and the hand counts takes; then, when what the
    /// wall shows of the question (results, comparison) changed, that is stored for the
    /// phones and the other consoles to follow.
    static func global(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        let before = shown(model)
        let effects = globalKey(key, &model)
        let after = shown(model)
        guard !model.moderator, after != before, case .some(let target) = after,
              !effects.contains(where: { if case .session = $0 { return true } else { return false } }) else { return effects }
        return effects + [.session(.show(target))]
    }

    /// What the wall shows of the current question on this screen (nil: this screen says
    /// nothing about it, e.g. the kiosk).
    static func shown(_ model: ConsoleModel) -> SessionControl.Shown?? {
        switch model.screen {
        case .question: return .some(model.revealed ? .results : nil)
        case .compare: return .some(.compare)
        case .lobby, .progress, .summary: return .some(nil)
        case .kiosk, .hands, .qandA: return nil
        }
    }

    static func globalKey(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        if model.moderator {
            // `roompoll moderate` runs the Q&A alone: the rounds are the facilitator's.
            guard key == .control("c") || key == .character("q") || key == .character("Q") || key == .character("?") else { return [] }
            if key == .character("?") { model.overlay = .help; return [] }
            return [.quit]
        }
        switch key {
        case .control("c"):
            return [.quit]
        case .character("q"), .character("Q"):
            if model.control.openRound != nil {
                model.overlay = .confirmQuit
                return []
            }
            return [.quit]
        case .character("?"):
            model.overlay = .help
        case .left, .character("p"):
            model.screen = .question
            return [.session(.previous)]
        case .right, .character("n"):
            model.screen = .question
            return [.session(.next)]
        case .character("o"):
            return toggle(round: model.definition.rounds.first, &model)
        case .character("c"):
            return toggle(round: model.definition.rounds.last, &model)
        case .character(let digit) where digit.isNumber && model.definition.rounds.count > 2:
            guard let index = digit.wholeNumberValue, (1...model.definition.rounds.count).contains(index) else { return [] }
            return toggle(round: model.definition.rounds[index - 1], &model)
        case .character(" "):
            guard model.control.pace == .presenter else {
                model.banner = Banner("Audience pace: every question of the open round takes answers; o/c open and close rounds.")
                return []
            }
            guard model.control.openRound != nil else {
                model.banner = Banner("Open a round first (o or c).", kind: .error)
                return []
            }
            model.screen = .question
            return [.session(model.control.votingOpen ? .closeVoting : .openVoting)]
        case .character("r"):
            model.revealed.toggle()
            if model.screen != .question { model.screen = .question; model.revealed = true }
        case .character("v"):
            model.screen = model.screen == .compare ? .question : .compare
        case .character("s"):
            model.screen = model.screen == .summary ? .question : .summary
            model.scroll = 0
        case .character("k"):
            KioskUpdate.enter(&model)
        case .character("h"):
            HandsUpdate.enter(&model)
        case .character("a"):
            QandAUpdate.enter(&model)
        case .character("t"):
            guard model.definition.agenda?.isEmpty == false else {
                model.banner = Banner("This poll has no agenda: add `agenda:` to the poll file.", kind: .error)
                return []
            }
            guard model.control.agenda?.ended == nil else {
                model.banner = Banner("The agenda is done.")
                return []
            }
            return [.nextAgendaPart]
        case .character("l"):
            guard model.definition.isTranslated || model.language != nil else {
                model.banner = Banner("This poll is in one language: add `languages:` to the poll file to show it in others.", kind: .error)
                return []
            }
            model.cycleLanguage()
            let shown = model.language ?? model.tally.definition.mainLanguage
            model.banner = Banner("The wall now shows the poll in \(LanguageTag.autonym(shown)) (\(shown)); `l` for the next language.")
        case .character("j"):
            // The full join screen — code, addresses, QR code — at any time, for latecomers.
            model.screen = .lobby
        case .escape, .backspace:
            model.screen = model.screen == .question
                ? (model.control.openRound != nil && model.control.pace == .audience ? .progress : .lobby)
                : (model.screen == .lobby || model.screen == .progress ? model.screen : .question)
        case .enter:
            if model.screen == .lobby || model.screen == .progress { model.screen = .question }
        case .up:
            model.scroll = max(0, model.scroll - 1)
        case .down:
            model.scroll = min(model.maxScroll, model.scroll + 1)
        case .pageUp:
            model.scroll = max(0, model.scroll - 10)
        case .pageDown:
            model.scroll = min(model.maxScroll, model.scroll + 10)
        default:
            break
        }
        return []
    }

    static func toggle(round: String?, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        guard let round else { return [] }
        return [.session(model.control.openRound == round ? .closeRound(round) : .openRound(round))]
    }
}
