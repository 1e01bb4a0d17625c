import CNcursesw
import CTerminalSignals
import Console
import Foundation

/// The terminal, through ncursesw: draws cell grids by writing only the cells that changed,
/// and reads keys. Not thread-safe: create, use and close it on one thread (the console loop's).
public final class CursesTerminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: CellGrid?
    private let colors: Bool
    /// `NO_COLOR` on a terminal that has colours: only essential colours are used.
    private let essentialColorsOnly: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var closed = false
    /// The file descriptor keys arrive on (for poll()).
    public let inputDescriptor: Int32

    struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Starts curses on `input`/`output` (the process's terminal by default; a pseudo-terminal
    /// in tests). `noColor` is the `NO_COLOR` convention: draw with attributes only.
    public init(input: UnsafeMutablePointer<FILE>? = nil, output: UnsafeMutablePointer<FILE>? = nil,
                terminalType: String? = nil, noColor: Bool = false) throws {
        Self.ensureUTF8Locale()
        let inFile = input ?? roompoll_stdin(), outFile = output ?? roompoll_stdout()
        // The terminal as the shell left it, for the crash handler to put back.
        rp_crash_restore_install(fileno(outFile))
        guard let screen = terminalType.map({ newterm($0, outFile, inFile) }) ?? newterm(nil, outFile, inFile) else {
            throw TerminalError("cannot start the terminal (is TERM set?)")
        }
        self.screen = screen
        _ = set_term(screen)
        window = roompoll_stdscr()!
        inputDescriptor = fileno(inFile)
        _ = raw()                 // Ctrl-C arrives as a key: quitting restores the terminal
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = nodelay(window, true) // the loop waits in poll(), never in curses
        _ = set_escdelay(25)      // Escape responds at once; arrow-key sequences still parse
        _ = curs_set(0)
        _ = leaveok(window, true)
        if has_colors() {
            _ = start_color()
            _ = use_default_colors()
            colors = true
            essentialColorsOnly = noColor
        } else {
            colors = false
            essentialColorsOnly = false
        }
    }

    deinit { close() }

    /// Ends curses and gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
        rp_crash_restore_uninstall()
    }

    /// The terminal's size now.
    public var size: TerminalSize {
        TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    /// Draws `grid`, writing only the cells that differ from the last grid drawn.
    public func draw(_ grid: CellGrid) {
        let full = previous?.size != grid.size
        if full { _ = werase(window) }
        var current: CellStyle?
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if !full, let previous, previous[x, y] == cell { continue }
                if cell.isContinuation { continue }
                if cell.style != current {
                    apply(cell.style)
                    current = cell.style
                }
                var characters = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                _ = mvwaddnwstr(window, Int32(y), Int32(x), &characters, Int32(characters.count))
            }
        }
        previous = grid
        _ = wrefresh(window)
    }

    /// Forgets what is on screen, so the next draw writes every cell (after a resize).
    public func invalidate() {
        previous = nil
        _ = clearok(window, true)
    }

    private func apply(_ style: CellStyle) {
        var attributes = roompoll_attr_normal()
        if style.bold { attributes |= roompoll_attr_bold() }
        if style.reverse { attributes |= roompoll_attr_reverse() }
        if style.underline { attributes |= roompoll_attr_underline() }
        if style.dim { attributes |= roompoll_attr_dim() }
        _ = roompoll_set_attributes(window, attributes, pair(for: style))
    }

    private func pair(for style: CellStyle) -> Int16 {
        guard colors, !essentialColorsOnly || style.essential, style.foreground != nil || style.background != nil else { return 0 }
        let key = PairKey(foreground: style.foreground.map { Int16($0.rawValue) } ?? -1,
                          background: style.background.map { Int16($0.rawValue) } ?? -1)
        if let known = pairs[key] { return known }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < roompoll_color_pairs() else { return 0 }
        _ = init_pair(number, key.foreground, key.background)
        pairs[key] = number
        return number
    }

    /// What one read from the terminal gave.
    public enum Input: Equatable {
        case key(Key)
        case resize(TerminalSize)
    }

    /// The next key or resize waiting, or nil when there is none (never blocks).
    public func read() -> Input? {
        var value: wint_t = 0
        while true {
            let status = wget_wch(window, &value)
            if status == ERR { return nil }
            if status == KEY_CODE_YES {
                if Int32(value) == KEY_RESIZE {
                    invalidate()
                    return .resize(size)
                }
                if let key = Self.key(code: Int32(value)) { return .key(key) }
                continue   // a key the console does not use
            }
            if let key = Self.key(character: UInt32(value)) { return .key(key) }
        }
    }

    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE, KEY_DC: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case roompoll_key_f0() + 1 ... roompoll_key_f0() + 24: return .function(Int(code - roompoll_key_f0()))
        default: return nil
        }
    }

    static func key(character value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// ncursesw draws wide characters only under a UTF-8 locale: use the user's, else C.UTF-8.
    static func ensureUTF8Locale() {
        _ = setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            _ = setlocale(LC_ALL, "C.UTF-8")
        }
    }
}

/// The terminal could not be used.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
