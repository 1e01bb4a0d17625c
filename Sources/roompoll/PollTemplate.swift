/// A commented poll file to start from (`roompoll new`): each one passes `roompoll check`, and
/// its comments explain every key it uses.
struct PollTemplate: Sendable {
    let name: String
    let summary: String
    let text: String

    /// Every template, the default first.
    static let all = [workshop, training, panel]

    static func named(_ name: String) -> PollTemplate? {
        all.first { $0.name == name }
    }
}
