/// A key press, as the backend decodes it.
public enum Key: Sendable, Hashable {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case enter, escape, backspace, tab, backTab
    case pageUp, pageDown, home, end
    case function(Int)
}
