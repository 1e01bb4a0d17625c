/// roompoll's version: the one place it is written. `roompoll --version` adds the git commit
/// the binary was built from (recorded by the BuildCommit plugin) when it was built from a clone.
enum RoompollVersion {
    static let number = "0.9.0"

    /// "roompoll 0.9.0 (git 1e58cf4a2b3c)"; without the commit outside a git clone ("-modified":
    /// built with uncommitted changes to tracked files).
    static var text: String {
        "roompoll \(number)" + (buildCommit.map { " (git \($0))" } ?? "")
    }
}
