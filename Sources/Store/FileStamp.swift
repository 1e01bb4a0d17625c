import Foundation

/// The size and modification time of a SQLite database and its WAL file: any commit, by any
/// process, changes the WAL's, so an unchanged stamp means (almost always, see
/// `SQLiteStore.changeCounter`) that nothing was committed.
struct FileStamp: Equatable, Sendable {
    /// One file's inode, size and modification time; all zero when it is missing.
    private struct Entry: Equatable, Sendable {
        var inode: UInt64 = 0, size: Int64 = 0, seconds: Int64 = 0, nanoseconds: Int64 = 0

        init(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return }
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            seconds = Int64(info.st_mtim.tv_sec)
            nanoseconds = Int64(info.st_mtim.tv_nsec)
        }
    }

    private let database: Entry
    private let wal: Entry

    init(path: String) {
        database = Entry(path)
        wal = Entry(path + "-wal")
    }
}
