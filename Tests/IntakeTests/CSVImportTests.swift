import Foundation
import Testing
@testable import Intake
import PollCore

@Suite("CSV import")
struct CSVImportTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    let engine = SessionEngine(definition: IntakeTests.poll, control: SessionControl(startOf: IntakeTests.poll))

    func problems(_ csv: String) -> [CSVImport.Problem] {
        do {
            _ = try CSVImport.responses(from: csv, engine: engine, now: Self.now)
            return []
        } catch {
            return error.list
        }
    }

    @Test func readsGoodRowsInAnyColumnOrder() throws {
        let responses = try CSVImport.responses(from: #"""
            question,participant,answer,round
            q1,p1,2,opening
            q2,p1,7,closing
            q3,p2,"Long, quoted: ""yes""",closing
            q1,p3,Not sure,opening
            """#, engine: engine, now: Self.now)
        #expect(responses.map(\.answer) == [.choice(1), .number(7), .text("Long, quoted: \"yes\""), .choice(2)])
        #expect(responses.allSatisfy { $0.channel == .import && $0.receivedAt == Self.now })
    }

    @Test func readsWhatExportWrites() throws {
        let responses = try CSVImport.responses(from: """
            session,round,question,participant,answer,channel,time
            old,opening,q1,tok,Yes,web,2026-11-23T09:30:00.250Z
            """, engine: engine, now: Self.now)
        #expect(responses[0].channel == .web)
        #expect(Timestamp.format(responses[0].receivedAt) == "2026-11-23T09:30:00.250Z")
    }

    @Test func everyBadRowIsReportedWithItsLine() {
        let list = problems("""
            participant,round,question,answer
            p1,opening,q1,Yes
            p2,opening,q1,Maybe
            p3,middle,q1,Yes
            p4,opening,q9,Yes
            p5,opening,q3,Hello
            p6,closing,q2,eleven
            ,opening,q1,Yes
            p8,opening,q1
            """)
        #expect(list.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
        #expect(list[0].message == "`Maybe` is not one of the options")
        #expect(list[1].message == "the poll has no round `middle`")
        #expect(list[2].message == "the poll has no question `q9`")
        #expect(list[3].message == "question `q3` is not asked in the opening round")
        #expect(list[4].message == "`eleven` is not a whole number")
        #expect(list[5].message == "`participant` must be 1 to 64 characters")
        #expect(list[6].message == "3 fields, the header has 4")
    }

    @Test func everyBadRowIsReportedEvenAfterAStrayQuote() {
        let list = problems("participant,round,question,answer\np1,opening,q1,Ye\"s\np2,opening,q1,Maybe\np3,opening,q1,\"open\n")
        #expect(list.map(\.line) == [2, 3, 4])
        #expect(list[0].message.contains("a quote inside an unquoted field"))
        #expect(list[2].message == "a quoted field is never closed")
    }

    @Test func readsOldMacLineEndingsAndAByteOrderMark() throws {
        let responses = try CSVImport.responses(from: "\u{FEFF}participant,round,question,answer\rp1,opening,q1,Yes\rp2,closing,q3,\"Not\r\nsure\"\r",
                                                engine: engine, now: Self.now)
        #expect(responses.map(\.answer) == [.choice(0), .text("Not sure")])
    }

    @Test func identifiersAreTrimmedAndControlCharactersRefused() throws {
        let responses = try CSVImport.responses(from: "participant,round,question,answer\n\" p1 \", opening ,\"q1\n\",Yes\n",
                                                engine: engine, now: Self.now)
        #expect(responses.first?.participant == "p1")
        #expect(responses.first?.question == "q1")
        #expect(problems("participant,round,question,answer\n\"p\u{7}1\",opening,q1,Yes\n").first?.message
                == "`participant` may not hold control characters or line breaks")
    }

    @Test func oneSessionPerFileAndNoRepeatedColumns() {
        #expect(problems("session,participant,round,question,answer\na,p1,opening,q1,Yes\nb,p2,opening,q1,No\n").first?.message
                == "the file holds answers of 2 sessions (a, b): import one session at a time")
        #expect(problems("participant,round,question,answer,round\n").first?.message == "column `round` appears twice")
    }

    @Test func headerProblems() {
        #expect(problems("").first?.message.contains("the file is empty") == true)
        let list = problems("participant,round,question,answr\n")
        #expect(list.map(\.message) == ["unknown column `answr` (expected participant,round,question,answer, optionally session, channel, time, language)",
                                        "missing column `answer`"])
        #expect(problems("participant,round,question,answr\np1,opening,q1,Yes\np2,opening,q1,No\n").map(\.message)
                == list.map(\.message), "a bad header with rows under it: the header's problems alone, no crash")
        #expect(problems("participant,question\np1,q1\n").map(\.message) == ["missing column `round`", "missing column `answer`"])
        #expect(problems("participant,round,question,answer,channel\np,opening,q1,Yes,hands\n").first?.message == "channel `hands` is not web, kiosk or import")
        #expect(problems("participant,round,question,answer,time\np,opening,q1,Yes,yesterday\n").first?.line == 2)
    }
}
