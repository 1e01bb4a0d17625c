import Foundation
import Testing

/// `roompoll new` and `--version` through the real binary.
@Suite("Templates and version through the CLI")
struct NewCLITests {
    static let templates = ["workshop", "training", "panel"]

    /// Every template writes a file that passes `check` and explains itself in comments; `new`
    /// never overwrites a file.
    @Test(arguments: templates)
    func eachTemplatePassesCheckAndIsNeverWrittenOverAFile(template: String) throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let made = try cli.run("new", template, "mine.yaml")
        #expect(made.status == 0 && made.stdout.contains("Wrote mine.yaml from the `\(template)` template"), "\(made.stderr)")
        let check = try cli.run("check", "mine.yaml")
        #expect(check.status == 0 && check.stdout == "mine.yaml: ok\n", "\(check.stdout)\(check.stderr)")
        let text = try String(contentsOfFile: cli.path("mine.yaml"), encoding: .utf8)
        #expect(text.split(separator: "\n").filter { $0.contains("# ") }.count >= 10, "a commented file")
        for key in ["title:", "rounds:", "questions:", "kind:", "ask:"] { #expect(text.contains(key)) }

        try "my own poll\n".write(toFile: cli.path("taken.yaml"), atomically: true, encoding: .utf8)
        let refused = try cli.run("new", template, "taken.yaml")
        #expect(refused.status == 1 && refused.stderr.contains("taken.yaml already exists"))
        #expect(try String(contentsOfFile: cli.path("taken.yaml"), encoding: .utf8) == "my own poll\n", "the file is untouched")
        // Without a file name, the template's name.
        #expect(try cli.run("new", template).status == 0)
        #expect(try cli.run("check", "\(template).yaml").status == 0)
    }

    @Test func theTrainingTemplateHasAKnowledgeCheckAndThePanelIsPresenterPaced() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let training = try cli.run("new", "training", "-").stdout
        #expect(training.components(separatedBy: "correct:").count - 1 >= 3)
        #expect(try cli.run("new", "panel", "-").stdout.contains("pace: presenter"))
        #expect(try cli.run("new", "-").stdout.hasPrefix("# A before/after workshop"), "`-` alone: the default template")
        let fileOnly = try cli.run("new", "mine.yaml")
        #expect(fileOnly.stdout.contains("Wrote mine.yaml from the `workshop` template"), "\(fileOnly.stderr)")
        let list = try cli.run("new", "--list")
        #expect(list.lines.map { $0.split(separator: " ").first.map(String.init) } == Self.templates)
        let unknown = try cli.run("new", "quiz")
        #expect(unknown.status == 64 && unknown.stderr.contains("no template named `quiz`: choose workshop, training, panel (a file name ends in .yaml"))
    }

    /// One version, written in one place, with the commit when built from a clone.
    @Test func versionNamesTheReleaseAndTheCommit() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let version = try cli.run("--version")
        #expect(version.status == 0)
        let source = try String(contentsOf: CLIRunner.root.appendingPathComponent("Sources/roompoll/RoompollVersion.swift"), encoding: .utf8)
        let number = try #require(source.firstMatch(of: /static let number = "([0-9.]+)"/)?.1)
        #expect(version.stdout.hasPrefix("roompoll \(number)"), "\(version.stdout)")
        if FileManager.default.fileExists(atPath: CLIRunner.root.appendingPathComponent(".git").path) {
            #expect(version.stdout.firstMatch(of: /\(git [0-9a-f]{12}(-modified)?\)\n$/) != nil, "\(version.stdout)")
        }
    }
}
