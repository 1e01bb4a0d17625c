import PollCore

/// Renders the console: `render(model) -> CellGrid`, a pure function of the model and its size.
public enum ScreenRenderer {
    public static func render(_ model: ConsoleModel) -> CellGrid {
        var grid = CellGrid(size: model.size)
        guard model.size.isLargeEnough else {
            TooSmallScreen.draw(model.size, into: &grid)
            return grid
        }
        if model.screen == .kiosk, let kiosk = model.kiosk {
            KioskScreen.draw(model, kiosk, into: &grid)
            return grid
        }
        Chrome.draw(model, into: &grid)
        let area = Chrome.contentArea(model.size)
        switch model.screen {
        case .lobby: LobbyScreen.draw(model, into: &grid, area: area)
        case .progress: ProgressScreen.draw(model, into: &grid, area: area)
        case .question: QuestionScreen.draw(model, into: &grid, area: area)
        case .compare: CompareScreen.draw(model, into: &grid, area: area)
        case .summary: SummaryScreen.draw(model, into: &grid, area: area)
        case .hands: HandsScreen.draw(model, into: &grid, area: area)
        case .qandA: QandAScreen.draw(model, into: &grid, area: area)
        case .kiosk: break
        }
        switch model.overlay {
        case .help: HelpScreen.draw(model, into: &grid)
        case .confirmQuit: Dialog.draw(["A round is open. Quit anyway?", "",
                                        "Every answer is already saved. To go on later:", "roompoll run \(model.pollPath ?? "POLL") --session \(model.sessionName)",
                                        "", "y  quit          any other key  stay"], title: "Quit", into: &grid)
        case nil: break
        }
        return grid
    }
}
