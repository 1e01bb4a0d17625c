import PollCore

/// Keys of the Q&A screen: move between the two columns and their questions, approve, hide,
/// restore, answer now, mark answered, correct a text, type in a relayed question, merge a
/// duplicate, and switch between the wall view and the moderation view.
enum QandAUpdate {
    static func enter(_ model: inout ConsoleModel) {
        guard model.definition.qa != nil else {
            model.banner = Banner("This poll has no Q&A: add `qa: on` to the poll file.", kind: .error)
            return
        }
        if model.screen != .qandA { model.qandAState.returnTo = model.screen }
        model.screen = .qandA
        model.banner = nil
        select(model.qandA.answering ?? model.qandA.proposal(now: model.now), &model)
    }

    static func select(_ question: QandAQuestion?, _ model: inout ConsoleModel) {
        guard let question else { return fixSelection(&model) }
        model.qandAState.side = question.side
        model.qandAState.selected = question.id
        fixSelection(&model)
    }

    /// Keeps the selection on a question of the current column (the first when it left).
    static func fixSelection(_ model: inout ConsoleModel) {
        let column = model.qandAState.column(model.qandAState.side, of: model.qandA)
        if let selected = model.qandAState.selected, column.contains(where: { $0.id == selected }) { return }
        model.qandAState.selected = column.first?.id
    }

    static func handle(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        let effects = model.qandAState.input != nil ? type(key, &model) : command(key, &model)
        fixSelection(&model)
        return effects
    }

    static func noSelection(_ model: inout ConsoleModel) -> [ConsoleEffect] {
        model.banner = Banner("No question is selected: ↑↓ select one.", kind: .error)
        return []
    }

    static func command(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        var state = model.qandAState
        let column = state.column(state.side, of: model.qandA)
        let index = column.firstIndex { $0.id == state.selected }
        let selected = index.map { column[$0] }
        func change(_ make: (Int64) -> QandAChange, when states: Set<QandAState>, _ refusal: String) -> [ConsoleEffect] {
            guard let selected else { return noSelection(&model) }
            guard states.contains(selected.state) else {
                model.banner = Banner(refusal, kind: .error)
                return []
            }
            return [.qandA(make(selected.id))]
        }
        model.banner = nil
        switch key {
        case .left, .right, .tab, .backTab:
            state.side = state.side.other
            state.selected = nil
        case .up:
            if let index, index > 0 { state.selected = column[index - 1].id }
        case .down:
            if let index, index + 1 < column.count { state.selected = column[index + 1].id } else if index == nil { state.selected = column.first?.id }
        case .character("y"), .enter:
            return change(QandAChange.approve, when: [.waiting], "Only a waiting question is approved (w shows them).")
        case .character("x"):
            return change(QandAChange.hide, when: [.waiting, .shown, .answering, .answered], "This question is hidden already.")
        case .character("u"):
            return change(QandAChange.restore, when: [.hidden, .answered], "Only a hidden or answered question is restored.")
        case .character(" "):
            return change(QandAChange.answering, when: [.waiting, .shown, .answered], "This question is being answered already, or hidden.")
        case .character("d"):
            guard let now = model.qandA.answering else {
                model.banner = Banner("No question is being answered: Space starts one.", kind: .error)
                return []
            }
            return [.qandA(.answered(now.id))]
        case .character("g"):
            guard let next = model.qandA.proposal(now: model.now) else {
                model.banner = Banner("No question waits to be answered.")
                return []
            }
            state.side = next.side
            state.selected = next.id
        case .character("e"):
            guard let selected else { return noSelection(&model) }
            state.input = .init(purpose: .edit(selected.id), text: selected.text)
        case .character("t"):
            state.input = .init(purpose: .relay(state.side), text: "")
        case .character("m"):
            guard let selected else { return noSelection(&model) }
            if let duplicate = state.merging {
                state.merging = nil
                model.qandAState = state
                guard duplicate != selected.id else {
                    model.banner = Banner("A question cannot be merged into itself.", kind: .error)
                    return []
                }
                return [.qandA(.merge(duplicate, into: selected.id))]
            }
            guard [.waiting, .shown, .hidden].contains(selected.state) else {
                model.banner = Banner("An answered question is not merged: its time counts for its side.", kind: .error)
                return []
            }
            state.merging = selected.id
            model.banner = Banner("Now select the question it repeats and press m again (Esc: cancel).")
        case .character("w"):
            guard !model.moderator else {
                model.banner = Banner("This terminal always shows the moderation view.")
                return []
            }
            state.moderating.toggle()
            model.banner = Banner(state.moderating ? "Moderation view: waiting and hidden questions show — not for the wall."
                                                   : "Wall view: only approved questions show.")
        case .escape where state.merging != nil:
            state.merging = nil
        case .escape, .character("a"):
            guard !model.moderator else { return [] }
            model.screen = state.returnTo == .qandA ? .lobby : state.returnTo
        default:
            model.qandAState = state
            return ConsoleUpdate.global(key, &model)
        }
        model.qandAState = state
        return []
    }

    /// A line being typed: Enter stores it, Esc drops it.
    static func type(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        guard var input = model.qandAState.input else { return [] }
        switch key {
        case .escape:
            model.qandAState.input = nil
            return []
        case .control("c"):
            return [.quit]
        case .backspace:
            if !input.text.isEmpty { input.text.removeLast() }
        case .character(let c):
            if input.text.count < QandARules.maxText { input.text.append(c) }
        case .enter:
            guard case .success(let text) = QandARules.text(input.text) else {
                model.banner = Banner("Type the question first (Esc: cancel).", kind: .error)
                return []
            }
            model.qandAState.input = nil
            switch input.purpose {
            case .edit(let id): return [.qandA(.edit(id, text: text))]
            case .relay(let side):
                return [.qandA(.ask(text: text, name: nil, side: side, channel: .relayed, author: nil, shown: true))]
            }
        default:
            break
        }
        model.qandAState.input = input
        return []
    }
}

extension ConsoleModel {
    /// `roompoll moderate`: the Q&A screen alone, in the moderation view.
    public mutating func moderateOnly() {
        moderator = true
        qandAState = QandAScreenState(moderating: true)
        QandAUpdate.enter(&self)
    }
}
