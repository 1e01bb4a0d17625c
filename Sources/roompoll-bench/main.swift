// Console benchmark: how long the console takes from a committed answer to a drawn screen's
// grid, for a large room. Prints figures; run with `bench/console` (release build).
import Console
import Foundation
import PollCore

let participants = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2000
let text = try String(contentsOfFile: "polls/encryption-human-right.yaml", encoding: .utf8)
let poll = try PollFileParser.parse(text)
var engine = SessionEngine(definition: poll, control: SessionControl(startOf: poll))
var tally = Tally(definition: poll)
let audience = SimulatedAudience(definition: poll, size: participants, seed: 1)
var answers = 0
for round in poll.rounds {
    try engine.handle(.openRound(round))
    for submission in audience.submissions(round: round, at: Date()) {
        if case .success(let response) = engine.check(submission) {
            tally.record(response)
            answers += 1
        }
    }
}
var model = ConsoleModel(sessionName: "bench", joinCode: "ABCDEF", control: engine.control, tally: tally,
                         size: TerminalSize(columns: 120, rows: 40), seed: 1)
let extra = Response(participant: "late-arrival", round: "closing", question: "special-protection", answer: .choice(0),
                     channel: .web, receivedAt: Date())

func measure(_ label: String, runs: Int = 200, _ body: () -> Void) {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    let p50 = times[times.count / 2], p99 = times[min(times.count - 1, times.count * 99 / 100)]
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "p50 %7.3f ms   p99 %7.3f ms", p50, p99))
}

print("Console benchmark: \(participants) participants, \(answers) answers, 120×40")
measure("answer recorded (update)") { _ = ConsoleUpdate.update(&model, .recorded(extra)) }
for (name, screen) in [("progress", ConsoleScreen.progress), ("question (results)", .question), ("compare", .compare), ("summary", .summary)] {
    model.screen = screen
    model.revealed = true
    measure("answer recorded + render \(name)") {
        _ = ConsoleUpdate.update(&model, .recorded(extra))
        _ = ScreenRenderer.render(model)
    }
}
