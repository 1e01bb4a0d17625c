import Foundation
import Intake
import PollCore
import RequestBodies

// libFuzzer's entry point for every input it tries, on the parsers that take outside input:
// poll files, the API's JSON bodies, the answer codec and the CSV import. The target is named
// by ROOMPOLL_FUZZ_TARGET (poll, json, codec or csv); scripts/fuzz runs each in turn. Each
// checks what must hold for any input, beyond not crashing.

/// The program's entry point (SwiftPM names an executable's `main` this way): hands over to
/// libFuzzer's driver with the callback below.
@_cdecl("roompoll_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    switch FuzzTarget.current {
    case .poll: FuzzTarget.poll(String(decoding: bytes, as: UTF8.self))
    case .json: FuzzTarget.json(UnsafeRawBufferPointer(bytes))
    case .codec: FuzzTarget.codec(bytes)
    case .csv: FuzzTarget.csv(UnsafeRawBufferPointer(bytes))
    }
    return 0
}

enum FuzzTarget: String {
    case poll, json, codec, csv

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["ROOMPOLL_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else { fatalError("set ROOMPOLL_FUZZ_TARGET to poll, json, codec or csv") }
        return target
    }()

    /// One question of every kind, for the codec and the import.
    static let definition = PollDefinition(title: "Fuzz", questions: [
        Question(id: "single", kind: .single, ask: "?", options: ["Yes", "No", "1"], rounds: ["opening", "closing"]),
        Question(id: "multi", kind: .multi, ask: "?", options: ["A", "B", "C"], max: 2, rounds: ["opening", "closing"]),
        Question(id: "likert", kind: .likert, ask: "?", options: Question.defaultLikertLabels, rounds: ["opening", "closing"]),
        Question(id: "scale", kind: .scale, ask: "?", max: 10, min: -3, rounds: ["opening", "closing"]),
        Question(id: "ranking", kind: .ranking, ask: "?", options: ["X", "Y", "Z"], rounds: ["opening", "closing"]),
        Question(id: "words", kind: .words, ask: "?", rounds: ["opening", "closing"]),
        Question(id: "text", kind: .text, ask: "?", rounds: ["closing"]),
    ])

    static func poll(_ text: String) {
        guard let poll = try? PollFileParser.parse(text) else { return }
        // A poll that parses holds no control characters and no empty labels.
        let strings = [poll.title, poll.event ?? ""] + poll.questions.flatMap { [$0.id, $0.ask] + $0.options }
        precondition(!strings.contains { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
        precondition(poll.questions.allSatisfy { !$0.options.contains("") })
    }

    static func json(_ bytes: UnsafeRawBufferPointer) {
        if let request = try? AnswerRequest(json: bytes) {
            for question in definition.questions { _ = request.answer.encoded(for: question) }
        }
        _ = try? JoinRequest(json: bytes)
        _ = try? VoteRequest(json: bytes)
        if let question = try? QuestionRequest(json: bytes), case .success(let text) = QandARules.text(question.text) {
            // A question's text as stored: within its limit, with no control or bidirectional control character.
            precondition(text.count <= QandARules.maxText && !text.isEmpty)
            precondition(!text.unicodeScalars.contains { $0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value) })
        }
    }

    static func codec(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let question = definition.questions[Int(first) % definition.questions.count]
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        guard let answer = try? AnswerCodec.decode(text, for: question) else { return }
        // What decodes encodes back to text that decodes to the same answer.
        let again = try? AnswerCodec.decode(AnswerCodec.encode(answer, for: question), for: question)
        precondition(again == answer, "round trip of \(answer) for \(question.kind)")
    }

    static func csv(_ bytes: UnsafeRawBufferPointer) {
        let engine = SessionEngine(definition: definition, control: SessionControl(startOf: definition))
        guard let responses = try? CSVImport.responses(from: bytes, engine: engine, now: Date(timeIntervalSince1970: 0)) else { return }
        precondition(responses.allSatisfy { definition.question($0.question) != nil && definition.rounds.contains($0.round) })
    }
}
