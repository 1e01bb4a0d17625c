/// The eight basic terminal colours; the backend maps them to curses colour pairs, or drops
/// them on monochrome terminals and when `NO_COLOR` is set.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}
