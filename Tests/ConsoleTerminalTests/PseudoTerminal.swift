import Foundation

/// A pseudo-terminal pair: the console draws on the follower side as on a real terminal;
/// the test reads what was drawn and types keys on the leader side.
final class PseudoTerminal {
    let leader: Int32
    let follower: Int32
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    init(columns: Int, rows: Int) throws {
        // What posix_openpt/grantpt/unlockpt/ptsname do on Linux (they are hidden from Swift's Glibc).
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard fd >= 0,
              withUnsafeMutablePointer(to: &unlock, { ioctl(fd, 0x4004_5431 /* TIOCSPTLCK */, $0) }) == 0,
              withUnsafeMutablePointer(to: &number, { ioctl(fd, 0x8004_5430 /* TIOCGPTN */, $0) }) == 0 else {
            throw CocoaError(.fileNoSuchFile)
        }
        leader = fd
        follower = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard follower >= 0 else { throw CocoaError(.fileNoSuchFile) }
        _ = fcntl(leader, F_SETFL, fcntl(leader, F_GETFL) | O_NONBLOCK)
        input = fdopen(dup(follower), "r")
        output = fdopen(dup(follower), "w")
        resize(columns: columns, rows: rows)
    }

    deinit {
        fclose(input)
        fclose(output)
        close(follower)
        close(leader)
    }

    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = withUnsafeMutablePointer(to: &size) { ioctl(follower, UInt(TIOCSWINSZ), $0) }
    }

    /// Types `text` as a keyboard would.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(leader, $0.baseAddress, $0.count) }
    }

    /// Everything the program wrote since the last call, waiting until it goes quiet.
    func drain() -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var quiet = 0
        while quiet < 5 {
            let n = read(leader, &buffer, buffer.count)
            if n > 0 {
                data.append(contentsOf: buffer[0..<n])
                quiet = 0
            } else {
                quiet += 1
                usleep(20_000)
            }
        }
        return String(decoding: data, as: UTF8.self)
    }
}
