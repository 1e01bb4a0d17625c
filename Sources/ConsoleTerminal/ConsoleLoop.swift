import CTerminalSignals
import Console
import Foundation

/// The console's event loop: one thread owns curses and the model. It sleeps in poll() on
/// the keyboard and the inbox's wake pipe (no timer: idle costs nothing), applies events
/// with `ConsoleUpdate`, hands effects to `perform`, and redraws only what changed.
public enum ConsoleLoop {
    /// How the loop ended.
    public enum Ending: Sendable, Equatable {
        /// The facilitator quit.
        case quit
        /// A signal (SIGTERM, SIGINT, SIGHUP) or `requestStop()` ended it.
        case stopped(signal: Int32)
    }

    /// Runs until quit or stopped; the terminal is restored on every way out, errors included.
    /// `perform` is called on the loop's thread and must not block (start a task and return).
    public static func run(_ model: ConsoleModel, terminal: CursesTerminal, inbox: ConsoleInbox,
                           perform: (ConsoleEffect) -> Void) throws -> (Ending, ConsoleModel) {
        var model = model
        defer {
            rp_signals_uninstall()
            terminal.close()
        }
        guard rp_signals_install(inbox.wakeWrite) == 0 else { throw TerminalError("cannot install signal handlers") }
        model.size = terminal.size
        terminal.draw(ScreenRenderer.render(model))
        var descriptors = [pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: inbox.wakeRead, events: Int16(POLLIN), revents: 0)]
        while true {
            _ = poll(&descriptors, nfds_t(descriptors.count), -1)
            // The terminal went away (hang-up): stop rather than spin.
            if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return (.stopped(signal: SIGHUP), model) }
            inbox.drain()
            let signal = rp_take_terminate_signal()
            if signal != 0 || inbox.isStopRequested { return (.stopped(signal: signal), model) }
            var events = inbox.take()
            if rp_take_resize() != 0 { terminal.invalidate() }
            while let input = terminal.read() {
                switch input {
                case .key(let key): events.append(.key(key))
                case .resize(let size): events.append(.resize(size))
                }
            }
            if terminal.size != model.size { events.append(.resize(terminal.size)) }
            for event in events {
                for effect in ConsoleUpdate.update(&model, event) {
                    if effect == .quit { return (.quit, model) }
                    perform(effect)
                }
            }
            terminal.draw(ScreenRenderer.render(model))
        }
    }
}
