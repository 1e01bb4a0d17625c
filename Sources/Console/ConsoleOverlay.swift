/// A window over the current screen.
public enum ConsoleOverlay: Sendable, Hashable {
    case help
    case confirmQuit
}
