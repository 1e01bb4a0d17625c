import Foundation
import Testing
@testable import PollCore

/// `correct:` and `knowledge:` in poll files, and when the right answer may be shown.
@Suite("Knowledge questions in poll files")
struct KnowledgeFileTests {
    static let yaml = """
        languages: [en, fr]
        title: {en: Security training, fr: Formation sécurité}
        questions:
          - id: twofa
            kind: single
            ask: {en: Which is a second factor?, fr: Lequel est un second facteur ?}
            options: {en: [A password, A hardware key, A username], fr: [Un mot de passe, Une clé physique, Un identifiant]}
            correct: A hardware key
          - id: signals
            kind: multi
            max: 2
            ask: {en: Which are end-to-end encrypted by default?, fr: Lesquels sont chiffrés de bout en bout par défaut ?}
            options: {en: [Signal, SMS, WhatsApp], fr: [Signal, SMS, WhatsApp]}
            correct: [WhatsApp, 1]
          - id: opinion
            kind: single
            ask: {en: Useful?, fr: Utile ?}
            options: {en: [Yes, No], fr: [Oui, Non]}
        """

    @Test func correctAnswersAreReadByLabelNumberOrTranslation() throws {
        let poll = try PollFileParser.parse(Self.yaml)
        #expect(poll.questions[0].correct == [1] && poll.questions[1].correct == [0, 2] && poll.questions[2].correct == nil)
        #expect(poll.questions.map(\.isKnowledge) == [true, true, false], "every question with `correct:` is in the check by default")
        let french = try PollFileParser.parse(Self.yaml.replacingOccurrences(of: "correct: A hardware key", with: "correct: Une clé physique"))
        #expect(french.questions[0].correct == [1])
        #expect(poll.questions[0].isCorrect(.choice(1)) == true && poll.questions[0].isCorrect(.choice(0)) == false)
        #expect(poll.questions[1].isCorrect(.choices([0, 2])) == true && poll.questions[1].isCorrect(.choices([0])) == false
                && poll.questions[1].isCorrect(.choices([0, 1])) == false, "multi: all the correct options and only them")
        #expect(poll.questions[2].isCorrect(.choice(0)) == nil)
    }

    @Test func aPollMayListItsCheck() throws {
        let listed = try PollFileParser.parse(Self.yaml + "\nknowledge: [signals]\n")
        #expect(listed.questions.map(\.isKnowledge) == [false, true, false])
        let out = try PollFileParser.parse(Self.yaml.replacingOccurrences(of: "    correct: A hardware key", with: "    correct: A hardware key\n    knowledge: false"))
        #expect(out.questions.map(\.isKnowledge) == [false, true, false])
    }

    @Test func wrongCorrectAnswersAreReportedWhereTheyAre() {
        let list = problems("""
            title: T
            knowledge: [q3, nope]
            questions:
              - {id: q1, kind: single, ask: One?, options: [Yes, No], correct: Maybe}
              - {id: q2, kind: multi, max: 1, ask: Two?, options: [A, B, C], correct: [A, B]}
              - {id: q3, kind: likert, ask: Three?, correct: Agree}
              - {id: q4, kind: single, ask: Four?, options: [Yes, No], knowledge: true}
            """)
        #expect(list.contains { $0.line == 4 && $0.message.contains("`correct` names `Maybe`, which is not an option (Yes, No)") }, "\(list)")
        #expect(list.contains { $0.line == 5 && $0.message.contains("an answer may pick at most 1") })
        #expect(list.contains { $0.line == 6 && $0.message.contains("`correct` is only for single and multi questions") })
        #expect(list.contains { $0.line == 7 && $0.message.contains("a knowledge question needs `correct:`") })
        #expect(list.contains { $0.line == 2 && $0.message.contains("`nope`, which is not a question") })
        #expect(list.contains { $0.line == 2 && $0.message.contains("`q3` has no `correct:` answer") })
    }

    @Test func theRightAnswerShowsOnlyOnceNoOpenRoundAsksIt() throws {
        let poll = try PollFileParser.parse(Self.yaml)
        let question = poll.questions[0]
        var control = SessionControl(startOf: poll)
        control.shown = .results
        #expect(question.revealsCorrectAnswer(under: control), "no round open, results shown")
        control.phases["opening"] = .open
        #expect(!question.revealsCorrectAnswer(under: control), "the opening round asks it")
        control.phases["opening"] = .closed
        control.phases["closing"] = .open
        #expect(!question.revealsCorrectAnswer(under: control), "the closing round asks it again")
        control.phases["closing"] = .closed
        control.shown = nil
        #expect(!question.revealsCorrectAnswer(under: control), "results not shown")
    }
}
