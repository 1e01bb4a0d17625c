import Console
import Foundation
import PollCore
import Testing

/// A translated poll on the wall: `l` cycles its languages on the question, results and
/// comparison screens; the counts stay the same in every language.
@Suite("Console languages")
struct LanguageConsoleTests {
    typealias F = ConsoleFixtures
    static let poll: PollDefinition = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../polls/encryption-human-right.yaml")
        return try! PollFileParser.parse(String(contentsOf: file.standardized, encoding: .utf8))
    }()

    func snapshot(_ model: ConsoleModel, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertSnapshot(ScreenRenderer.render(model), named: "\(name)-\(model.size.columns)x\(model.size.rows)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func theQuestionScreenInTwoLanguages(size: TerminalSize) {
        var model = F.model(Self.poll, size: size)
        F.send([.key(.enter), .key(.character("r"))], to: &model)
        #expect(model.currentQuestion?.id == "special-protection")
        snapshot(model, "language-results-en")
        let english = model.shownTally.tally(round: "closing", question: "special-protection")?.counts
        F.send([.key(.character("l"))], to: &model)
        #expect(model.language == "fr" && model.currentQuestion?.options == ["Oui", "Non", "Je ne sais pas"])
        #expect(model.shownTally.tally(round: "closing", question: "special-protection")?.counts == english, "the same counts")
        snapshot(model, "language-results-fr")
        F.send([.key(.character("v"))], to: &model)
        #expect(model.analysis.questions.first { $0.question.id == "special-protection" }?.question.ask.hasPrefix("Le chiffrement") == true)
        snapshot(model, "language-compare-fr")
        // es, then back to the main language.
        F.send([.key(.character("l"))], to: &model)
        #expect(model.language == "es" && model.definition.title.hasPrefix("¿Es el cifrado"))
        F.send([.key(.character("l"))], to: &model)
        #expect(model.language == nil && model.definition.title.hasPrefix("Is encryption"))
    }

    @Test func aPollInOneLanguageSaysSo() {
        var model = F.model()
        F.send([.key(.character("l"))], to: &model)
        #expect(model.language == nil && model.banner?.text.contains("one language") == true)
    }

    @Test func kioskAnswersRecordTheLanguageShown() {
        var model = F.model(Self.poll)
        let effects = F.send([.key(.character("l")), .key(.character("k")), .key(.enter), .key(.character("1")), .key(.enter)], to: &model)
        let languages = effects.compactMap { effect -> String? in
            if case let .submitKiosk(_, _, _, _, language) = effect { return language } else { return nil }
        }
        #expect(!languages.isEmpty && languages.allSatisfy { $0 == "fr" })
    }
}
