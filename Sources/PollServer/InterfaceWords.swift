import Foundation
import PollCore

/// The participant pages' own words ("Question 2 of 4", "Skip") in one language, from
/// `Resources/words/LANGUAGE.json` (one file per language, every file with every key: a test
/// checks). Loaded once, at start.
struct InterfaceWords: Sendable {
    let language: String
    private let entries: [String: String]

    /// The language the interface is written in first; every other file has its keys.
    static let reference = "en"

    /// Every language the interface speaks, by tag.
    static let all: [String: InterfaceWords] = load()

    /// The interface in `tag` (or the nearest: `fr` for `fr-CA`); English when it has none.
    static func serving(_ tag: String?) -> InterfaceWords {
        guard let tag, let match = LanguageTag.bestMatch(for: [tag], in: all.keys.sorted()) else { return english }
        return all[match] ?? english
    }

    /// The interface in the first of `tags` (most wanted first) that it speaks; else English.
    static func serving(any tags: [String]) -> InterfaceWords {
        LanguageTag.bestMatch(for: tags, in: all.keys.sorted()).flatMap { all[$0] } ?? english
    }

    static var english: InterfaceWords { all[reference] ?? InterfaceWords(language: reference, entries: [:]) }

    /// The text of `key` with `{name}` placeholders filled in: for plain text (not HTML).
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(template(key), values)
    }

    /// The text of `key` as HTML: the words escaped, the placeholders filled with `values`,
    /// which are HTML already (escape what a value holds, wrap numbers and codes in `<bdi>`).
    func html(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(HTMLText.escape(template(key)), values)
    }

    private func template(_ key: String) -> String {
        entries[key] ?? (language == Self.reference ? nil : Self.english.entries[key]) ?? key
    }

    /// `template` with each `{name}` replaced by its value, in one pass: a value that holds
    /// `{…}` itself (an option's label) is never filled again.
    private static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Keys of `language`'s file, for the completeness test.
    var keys: Set<String> { Set(entries.keys) }

    /// Where the word files are: in the resource folder SwiftPM puts next to the binary
    /// (`roompoll_PollServer.resources`), in an install's `share/roompoll` beside its `bin`
    /// (`scripts/install`), else in the source tree the binary was built from. (Not
    /// `Bundle.module`: it stops the program when the folder is missing.)
    static var folders: [URL] {
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        return [executable?.appendingPathComponent("roompoll_PollServer.resources/words"),
                executable?.appendingPathComponent("../share/roompoll/roompoll_PollServer.resources/words").standardized,
                URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/words")].compactMap { $0 }
    }

    /// Whether the interface's words were found (the server refuses to start without them).
    static var isLoaded: Bool { all[reference] != nil }

    private static func load() -> [String: InterfaceWords] {
        guard let files = folders.lazy.compactMap({ try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) })
            .first(where: { $0.contains { $0.lastPathComponent == "\(reference).json" } }) else { return [:] }
        var all: [String: InterfaceWords] = [:]
        for file in files where file.pathExtension == "json" {
            guard let data = try? Data(contentsOf: file),
                  let entries = try? JSONDecoder().decode([String: String].self, from: data) else { continue }
            let language = file.deletingPathExtension().lastPathComponent
            all[language] = InterfaceWords(language: language, entries: entries)
        }
        return all
    }
}
