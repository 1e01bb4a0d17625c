// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "roompoll",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "roompoll", targets: ["roompoll"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
    ],
    targets: [
        // Pure core: poll definitions, answers, the session state machine, tallies.
        .target(name: "PollCore", dependencies: ["Yams", .product(name: "HashTreeCollections", package: "swift-collections")]),
        // Durable storage: the Store protocol and its SQLite implementation.
        .target(name: "Store", dependencies: [
            "PollCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The shared store for several servers: PostgreSQL through postgres-nio, in its own target
        // so that nothing else depends on it.
        .target(name: "PostgresStore", dependencies: [
            "PollCore", "Store", .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
        ]),
        // Where answers from every channel are checked, committed and tallied.
        .target(name: "Intake", dependencies: ["PollCore", "Store"]),
        // Shift statistics, pure.
        .target(name: "Analysis", dependencies: ["PollCore"]),
        // The presenter console: pure screens, the update function, kiosk and hand counts.
        .target(name: "Console", dependencies: ["PollCore", "Analysis"]),
        // The wide-character curses library (Debian: libncurses-dev).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // Async-signal-safe handlers: resize and termination wake the console loop; a crash restores the terminal.
        .target(name: "CTerminalSignals"),
        // The terminal side of the console: ncursesw drawing and keys, signals, the event loop.
        .target(name: "ConsoleTerminal", dependencies: ["Console", "Intake", "PollCore", "Store", "CNcursesw", "CTerminalSignals"]),
        // QR codes (Debian: libqrencode-dev).
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        // The join URL as a QR code matrix.
        .target(name: "JoinQR", dependencies: ["CQRencode"]),
        // The JSON bodies of the participants' API, read straight from their bytes (pure).
        .target(name: "RequestBodies", dependencies: ["PollCore"]),
        // The participants' web page and JSON API (Hummingbird).
        .target(name: "PollServer", dependencies: [
            "PollCore", "Intake", "Store", "RequestBodies", "JoinQR",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [.copy("Resources/words")]),
        // Renders analysis results and exports.
        .target(name: "Report", dependencies: ["PollCore", "Analysis"]),
        .executableTarget(
            name: "roompoll",
            dependencies: [
                "PollCore", "Store", "Intake", "Analysis", "Report", "Console", "ConsoleTerminal", "PollServer", "JoinQR", "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommit"]
        ),
        // Records the git commit a build comes from (`roompoll --version`).
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // Prints how long the console takes from an answer to a rendered screen (bench/console).
        .executableTarget(name: "roompoll-bench", dependencies: ["Console", "PollCore"]),
        // Helpers shared by the test suites (temporary folders, a second process holding a lock).
        .target(name: "TestSupport", dependencies: ["Store", "PostgresStore"], path: "Tests/TestSupport"),
        .testTarget(name: "PollCoreTests", dependencies: ["PollCore"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "PostgresStore", "PollCore", "TestSupport"]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Store", "PostgresStore", "PollCore", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "PollCore", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Analysis", "PollCore", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "PollCore", "Analysis", "JoinQR", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "ConsoleTerminalTests", dependencies: ["ConsoleTerminal", "Console", "PollCore"]),
        .testTarget(name: "PollServerTests", dependencies: [
            "PollServer", "Intake", "Store", "PollCore", "RequestBodies", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "JoinQRTests", dependencies: ["JoinQR", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["PollCore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// The fuzzing harness (scripts/fuzz): built only when asked for, with `-sanitize=fuzzer`,
// because libFuzzer supplies its `main`.
if Context.environment["ROOMPOLL_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "roompoll-fuzz", dependencies: ["PollCore", "RequestBodies", "Intake"],
                                             path: "Tests/Fuzz"))
}
