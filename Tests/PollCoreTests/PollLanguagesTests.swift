import Foundation
import Testing
@testable import PollCore

/// A poll in English, French and Arabic.
let translatedPoll = """
    languages: [en, fr, ar]
    title: {en: Encryption, fr: Chiffrement, ar: التشفير}
    event:
      en: Workshop
      fr: Atelier
      ar: ورشة عمل
    questions:
      - id: protect
        kind: single
        ask: {en: Protect it?, fr: Le protéger ?, ar: هل نحميه؟}
        options:
          en: [Yes, No, Not sure]
          fr: [Oui, Non, Je ne sais pas]
          ar: [نعم, لا, لست متأكدًا]
      - id: right
        kind: likert
        ask: {en: It is a right., fr: C'est un droit., ar: إنه حق.}
      - id: how
        kind: multi
        ask: {en: How?, fr: Comment ?, ar: كيف؟}
        options:
          en: [Law, Courts, Code]
          fr: [Loi, Tribunaux, Code]
          ar: [القانون, المحاكم, الشيفرة]
    """

@Suite("Poll languages")
struct PollLanguagesTests {
    @Test func readsEveryLanguage() throws {
        let poll = try PollFileParser.parse(translatedPoll)
        #expect(poll.allLanguages == ["en", "fr", "ar"])
        #expect(poll.mainLanguage == "en" && poll.language == "en" && poll.isTranslated)
        #expect(poll.title == "Encryption" && poll.event == "Workshop")
        #expect(poll.translations?["fr"] == PollText(title: "Chiffrement", event: "Atelier"))
        #expect(poll.questions[0].options == ["Yes", "No", "Not sure"])
        #expect(poll.questions[0].translations?["ar"] == QuestionText(ask: "هل نحميه؟", options: ["نعم", "لا", "لست متأكدًا"]))
        // A likert question without labels gets the agree scale in each language.
        #expect(poll.questions[1].options == AgreeScale.english)
        #expect(poll.questions[1].translations?["fr"]?.options.first == "Pas du tout d'accord")
        #expect(poll.questions[1].translations?["ar"]?.options.count == 5)
    }

    @Test func translatedCopyShowsOneLanguage() throws {
        let poll = try PollFileParser.parse(translatedPoll)
        let french = poll.translated(to: "fr-CA")
        #expect(french.language == "fr" && french.title == "Chiffrement" && french.event == "Atelier")
        #expect(french.questions[0].ask == "Le protéger ?" && french.questions[0].options == ["Oui", "Non", "Je ne sais pas"])
        #expect(french.questions.allSatisfy { $0.translations == nil } && french.translations == nil)
        // Ids, kinds and rounds never change with the language.
        #expect(french.questions.map(\.id) == poll.questions.map(\.id) && french.questions.map(\.kind) == poll.questions.map(\.kind))
        #expect(poll.translated(to: "de") == poll && poll.translated(to: "en") == poll)
    }

    @Test func answersInAnyLanguageCountAsTheSameOption() throws {
        let poll = try PollFileParser.parse(translatedPoll)
        let protect = poll.questions[0], how = poll.questions[2]
        #expect(try AnswerCodec.decode("Non", for: protect) == .choice(1))
        #expect(try AnswerCodec.decode("لا", for: protect) == .choice(1))
        #expect(try AnswerCodec.decode("no", for: protect) == .choice(1))
        #expect(try AnswerCodec.decode("2", for: protect) == .choice(1))
        #expect(try AnswerCodec.decode("Loi;المحاكم", for: how) == .choices([0, 1]))
        // Stored and exported in the main language, whatever it arrived in.
        #expect(AnswerCodec.encode(try AnswerCodec.decode("Tribunaux", for: how), for: how) == "Courts")
        #expect(throws: AnswerProblem.wrongOption("Nein")) { try AnswerCodec.decode("Nein", for: protect) }
        // Counted together: one tally of answers given in three languages.
        var tally = QuestionTally(question: protect)
        for (token, text) in [("a", "Yes"), ("b", "Oui"), ("c", "نعم"), ("d", "Non")] {
            tally.record(participant: token, answer: try AnswerCodec.decode(text, for: protect))
        }
        #expect(tally.counts == [3, 1, 0])
    }

    @Test func missingTranslationIsReportedWhereItIs() {
        let list = problems("""
            languages: [en, fr]
            title: {en: T, fr: T}
            questions:
              - id: q
                kind: single
                ask: {en: One?}
                options: {en: [Yes, No], fr: [Oui, Non]}
            """)
        #expect(has(list, line: 6, column: 10, "`ask` has no `fr` translation"))
    }

    @Test func plainTextInATranslatedPollIsAMissingTranslation() {
        let list = problems("""
            languages: [en, fr]
            title: Only English
            questions:
              - id: q
                kind: single
                ask: {en: One?, fr: Un ?}
                options: [Yes, No]
            """)
        #expect(has(list, line: 2, column: 8, "`title` is given in one language, but the poll has 2 (en, fr)"))
        #expect(has(list, line: 7, column: 14, "`options` is given in one language"))
    }

    @Test func differentNumberOfOptionsIsReported() {
        let list = problems("""
            languages: [en, es]
            title: {en: T, es: T}
            questions:
              - id: q
                kind: single
                ask: {en: One?, es: ¿Uno?}
                options:
                  en: [Yes, No, Not sure]
                  es: [Sí, No]
            """)
        #expect(has(list, line: 9, column: 11, "`options` in `es` has 2 entries but in `en` 3"))
    }

    @Test func unknownLanguageTagsAreReported() {
        let list = problems("""
            languages: [en, sp, english]
            title: T
            questions:
              - {id: q, kind: single, ask: One?, options: [Yes, No]}
            """)
        #expect(has(list, line: 1, column: 17, "`sp` is not a known language (ISO 639-1) — did you mean `es`?"))
        #expect(has(list, line: 1, column: 21, "`english` is not a language tag"))
        #expect(list.count == 2, "the good tag is still used to check the rest: \(list)")
        let single = problems("""
            language: xx
            title: T
            questions:
              - {id: q, kind: single, ask: One?, options: [Yes, No]}
            """)
        #expect(has(single, line: 1, column: 11, "`xx` is not a known language"))
    }

    @Test func aTranslationInALanguageThePollDoesNotNameIsReported() {
        let list = problems("""
            languages: [en, fr]
            title: {en: T, fr: T, de: T}
            questions:
              - {id: q, kind: single, ask: {en: One?, fr: Un ?}, options: {en: [Yes, No], fr: [Oui, Non]}}
            """)
        #expect(has(list, line: 2, column: 23, "`de` is not one of the poll's languages (en, fr)"))
        let undeclared = problems("""
            title: {en: T, fr: T}
            questions:
              - {id: q, kind: single, ask: One?, options: [Yes, No]}
            """)
        #expect(has(undeclared, line: 1, column: 9, "the poll names no `languages`"))
    }

    @Test func languageAndLanguagesMustAgree() {
        let list = problems("""
            language: fr
            languages: [en, fr]
            title: {en: T, fr: T}
            questions:
              - {id: q, kind: single, ask: {en: One?, fr: Un ?}, options: {en: [Yes, No], fr: [Oui, Non]}}
            """)
        #expect(has(list, line: 1, column: 11, "`languages` starts with `en`"))
    }

    @Test func likertWithoutLabelsNeedsABuiltInScaleInEveryLanguage() throws {
        let list = problems("""
            languages: [en, sw]
            title: {en: T, sw: T}
            questions:
              - {id: q, kind: likert, ask: {en: One?, sw: Moja?}}
            """)
        #expect(has(list, line: 4, column: 5, "roompoll's built-in agree scale is not in `sw`"))
        // One language that has a scale: it is used; one without: English, as before.
        let french = try PollFileParser.parse("language: fr\ntitle: T\nquestions:\n  - {id: q, kind: likert, ask: Un ?}\n")
        #expect(french.questions[0].options.last == "Tout à fait d'accord")
        let swahili = try PollFileParser.parse("language: sw\ntitle: T\nquestions:\n  - {id: q, kind: likert, ask: Moja?}\n")
        #expect(swahili.questions[0].options == AgreeScale.english)
    }

    @Test func languageTags() {
        #expect(LanguageTag.isRightToLeft("ar") && LanguageTag.isRightToLeft("fa-IR") && LanguageTag.isRightToLeft("az-Arab"))
        #expect(!LanguageTag.isRightToLeft("en") && !LanguageTag.isRightToLeft("zh-Hans") && !LanguageTag.isRightToLeft("ku-Latn"))
        #expect(LanguageTag.bestMatch(for: ["fr-CH", "en"], in: ["en", "fr"]) == "fr")
        #expect(LanguageTag.bestMatch(for: ["zh-Hant"], in: ["en", "zh-Hans"]) == nil)
        #expect(LanguageTag.bestMatch(for: ["zh-TW", "en"], in: ["zh", "en"]) == "en", "traditional characters are not served simplified ones")
        #expect(LanguageTag.bestMatch(for: ["zh-CN"], in: ["en", "zh"]) == "zh")
        #expect(LanguageTag.problem("zh-Hans") == nil && LanguageTag.problem("ckb") == nil)
    }

    @Test func shippedPollsParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../polls").standardized
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let poll = try PollFileParser.parse(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            for language in poll.allLanguages.dropFirst() {
                #expect(poll.questions.allSatisfy { $0.translations?[language] != nil }, "\(name): \(language)")
            }
        }
    }
}

@Suite("Poll languages: one option per label")
struct PollLanguageLabelTests {
    @Test func aLabelNamingAnotherOptionInAnotherLanguageIsRefused() {
        let list = problems("""
            languages: [en, fr]
            title: {en: Bread, fr: Pain}
            questions:
              - id: q
                kind: single
                ask: {en: Which?, fr: Lequel ?}
                options: {en: [Bread, Pain], fr: [Pain, Douleur]}
            """)
        #expect(has(list, line: 7, column: 39, "`Pain` is option 1 in `fr` but option 2 in `en`"), "\(list)")
    }

    @Test func simplifiedChineseDoesNotServeTraditional() {
        #expect(!LanguageTag.serves("zh", "zh-TW") && !LanguageTag.serves("zh-Hans", "zh-Hant") && LanguageTag.serves("zh", "zh-CN"))
        #expect(LanguageTag.serves("zh-Hant", "zh-HK") && AgreeScale.labels(in: "zh-TW") == nil)
    }
}
