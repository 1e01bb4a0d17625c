import Foundation
import Hummingbird
import HummingbirdTesting
import PollCore
@testable import PollServer
import Testing

/// A translated poll on the participant pages: the browser's language, the switcher, the
/// interface's own words, right to left, and answers in several languages counted together.
@Suite("Languages on the participant pages")
struct LanguageTests {
    static let poll = try! PollFileParser.parse("""
        languages: [en, fr, ar]
        title: {en: Encryption, fr: Chiffrement, ar: التشفير}
        questions:
          - id: protect
            kind: single
            ask: {en: Protect it?, fr: Le protéger ?, ar: هل نحميه؟}
            options: {en: [Yes, No, Not sure], fr: [Oui, Non, Je ne sais pas], ar: [نعم, لا, لا أدري]}
          - id: right
            kind: likert
            ask: {en: It is a right., fr: C'est un droit., ar: إنه حق.}
        """)

    static let arabic = InterfaceWords.all["ar"]!

    func cookies(_ response: TestResponse) -> [String] {
        response.headers[values: .setCookie].compactMap { $0.split(separator: ";").first.map(String.init) }
    }

    @Test func everyLanguageHasEveryKeyWithTheSamePlaceholders() throws {
        let english = try #require(InterfaceWords.all["en"])
        #expect(Set(InterfaceWords.all.keys).isSuperset(of: ["en", "fr", "es", "ar", "zh", "ru"]))
        func placeholders(_ text: String) -> [String] {
            text.matches(of: /\{[a-z]+\}/).map { String($0.output) }.sorted()
        }
        for (language, words) in InterfaceWords.all {
            #expect(words.keys == english.keys, "\(language): missing \(english.keys.subtracting(words.keys).sorted()), extra \(words.keys.subtracting(english.keys).sorted())")
            for key in english.keys {
                #expect(placeholders(words.text(key)) == placeholders(english.text(key)), "\(language) \(key)")
            }
        }
        // The page uses no key the files lack (a key missing everywhere would show as itself).
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/PollServer").standardized
        for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
            let code = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            for match in code.matches(of: /words\.(?:html|text)\("([a-zA-Z.]+)"/) {
                #expect(english.keys.contains(String(match.output.1)), "\(name) uses `\(match.output.1)`")
            }
        }
    }

    @Test func theBrowsersLanguagePicksThePagesLanguageRightToLeft() async throws {
        let h = try await ServerHarness(poll: Self.poll)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            try await client.execute(uri: "/s/\(h.code)", method: .get, headers: [.acceptLanguage: "ar-EG,en;q=0.8"]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
                #expect(html.contains("<legend>هل نحميه؟</legend>"), "the poll's text in Arabic, in the page's own language")
                #expect(html.contains("<span>لا أدري</span>"))
                #expect(html.contains(Self.arabic.html("question.saveAndContinue")) && !html.contains("Save and continue"))
                #expect(html.contains(Self.arabic.html("question.progress", ["number": "<bdi>1</bdi>", "count": "<bdi>2</bdi>"])),
                        "numbers are isolated from the Arabic around them")
                #expect(html.contains("<a href=\"/s/\(h.code)?lang=en\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>"))
                #expect(html.contains("hreflang=\"ar\" aria-current=\"true\">العربية</a>"))
            }
            try await client.execute(uri: "/s/\(h.code)?q=right", method: .get, headers: [.acceptLanguage: "fr-CH, en;q=0.5"]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"fr\" dir=\"ltr\">") && html.contains("<legend>C&#39;est un droit.</legend>"))
                #expect(html.contains("Tout à fait d&#39;accord"), "the built-in agree scale in French")
                #expect(html.contains("href=\"/s/\(h.code)?q=right&amp;lang=ar\""), "the switcher keeps the question")
            }
            try await client.execute(uri: "/s/\(h.code)", method: .get, headers: [.acceptLanguage: "de, *"]) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\" dir=\"ltr\">"), "no match: the main language")
            }
        }
    }

    @Test func theSwitcherOverridesTheBrowserAndIsRemembered() async throws {
        let h = try await ServerHarness(poll: Self.poll)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            let picked = try await client.execute(uri: "/s/\(h.code)?lang=en", method: .get, headers: [.acceptLanguage: "ar"]) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\" dir=\"ltr\">"))
                return cookies(response)
            }
            #expect(picked.contains("rpl_\(h.code)=en") && picked.contains { $0.hasPrefix("rp_\(h.code)=") })
            let cookie = picked.joined(separator: "; ")
            try await client.execute(uri: "/s/\(h.code)", method: .get, headers: [.acceptLanguage: "ar", .cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\" dir=\"ltr\">") && html.contains("Save and continue"))
                #expect(response.headers[.setCookie] == nil)
            }
            // A language the poll does not have changes nothing, and is not kept.
            try await client.execute(uri: "/s/\(h.code)?lang=%22%3E%3Cscript%3E", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\" dir=\"ltr\">") && response.headers[.setCookie] == nil)
            }
            // A language picked on the join page goes on with the code.
            try await client.execute(uri: "/?lang=ar", method: .get) { response in
                #expect(String(buffer: response.body).contains("<input type=\"hidden\" name=\"lang\" value=\"ar\">"))
            }
            try await client.execute(uri: "/join?lang=ar&code=\(h.code.lowercased())", method: .get) { response in
                #expect(response.headers[.location] == "/s/\(h.code)?lang=ar")
            }
            try await client.execute(uri: "/join?lang=%3Cx%3E&code=\(h.code)", method: .get) { response in
                #expect(response.headers[.location] == "/s/\(h.code)", "only a language tag is passed on")
            }
            // The join page speaks the browser's language too.
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "ru"]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"ru\" dir=\"ltr\">") && html.contains(InterfaceWords.all["ru"]!.html("join.button")))
            }
        }
    }

    @Test func answersGivenInTwoLanguagesCountTogether() async throws {
        let h = try await ServerHarness(poll: Self.poll)
        defer { h.cleanUp() }
        try await h.intake.handle(.openRound("opening"))
        try await h.test { client in
            for language in ["ar", "en", "fr"] {
                let cookie = try await client.execute(uri: "/s/\(h.code)", method: .get, headers: [.acceptLanguage: language]) {
                    cookies($0).joined(separator: "; ")
                }
                let response = try await client.execute(uri: "/s/\(h.code)/answer", method: .post,
                                                        headers: [.cookie: cookie, .acceptLanguage: language, .contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "question=protect&choice=2&nav=next"))
                #expect(response.status == .seeOther)
            }
            // A refused answer is explained in the participant's language.
            let cookie = try await client.execute(uri: "/s/\(h.code)", method: .get, headers: [.acceptLanguage: "ar"]) { cookies($0).joined(separator: "; ") }
            let refused = try await client.execute(uri: "/s/\(h.code)/answer", method: .post,
                                                   headers: [.cookie: cookie, .acceptLanguage: "ar", .contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "question=protect&nav=next"))
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains(Self.arabic.html("problem.empty")))
        }
        let responses = try await h.store.currentResponses(of: await h.intake.session)
        #expect(responses.map(\.answer) == [.choice(1), .choice(1), .choice(1)], "stored by option, whatever the language")
        #expect(responses.map(\.language) == ["ar", "en", "fr"])
        #expect(await h.intake.tallies(of: "protect").last?.tally.counts == [0, 3, 0])
    }
}

@Suite("Interface words")
struct InterfaceWordsTests {
    @Test func placeholdersAreFilledOnceAndEscapedWordsStayEscaped() {
        let english = InterfaceWords.english
        #expect(english.text("problem.samePlace", ["options": "{place}, B", "place": "1"])
                == "These options share place 1: {place}, B. Give each option a different place.")
        #expect(english.html("qa.votes", ["count": "<bdi>3</bdi>"]) == "Votes: <bdi>3</bdi>")
        #expect(english.text("results.points", [:]) == "{change} points", "an unfilled placeholder stays as written")
        #expect(InterfaceWords.serving("fr-CA").language == "fr" && InterfaceWords.serving("de").language == "en")
    }
}
