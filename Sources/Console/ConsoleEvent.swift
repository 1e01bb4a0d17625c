import Foundation
import PollCore

/// Everything that can change what the console shows.
public enum ConsoleEvent: Sendable, Hashable {
    /// The facilitator (or a kiosk voter) pressed a key.
    case key(Key)
    /// The terminal changed size.
    case resize(TerminalSize)
    /// An answer was committed to the store (any channel, any process).
    case recorded(Response)
    /// Show-of-hands counts were stored.
    case handsSaved(HandCount)
    /// The session's control state changed (rounds, current question, voting).
    case controlChanged(SessionControl)
    /// Something the console asked for failed; shown as a message.
    case failed(String)
    /// Something the facilitator should know (e.g. many participants joining from one
    /// address, or the changes of other processes cannot be read); shown as a warning.
    case alert(String)
    /// A passing message, shown as information.
    case notice(String)
    /// The kiosk voter's answer to a question was committed.
    case kioskStored(question: String)
    /// The kiosk voter's answer was refused.
    case kioskRefused(question: String, reason: String)
    /// A line of status from whatever drives the session (e.g. the simulated audience).
    case status(String?)
    /// The session's Q&A changed (this process or another): the board as it stands.
    case qandAChanged(QandABoard)
    /// How many participants' live pages are open on this process's server.
    case connected(Int)
    /// The time now, for the Q&A clocks (sent every second while a question is being answered).
    case tick(Date)
    /// A key pressed by a script driving the console (`demo --auto`), not by a person.
    case scripted(Key)
}
