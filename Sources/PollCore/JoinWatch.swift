/// Watches participants joining a session for what a facilitator should know about: joins
/// refused by the per-address limit (someone creating participants to stuff the vote, or a
/// large room behind one address), and bursts (more people joining within ten seconds than
/// were there before). Pure: times are seconds on any steady clock, passed in.
public struct JoinWatch: Sendable {
    /// Joins within this many seconds count as one burst.
    public static let window = 10
    /// A burst is at least this many joins (a room arriving together is normal below it).
    public static let minimumBurst = 200
    /// Seconds between two alerts of the same kind.
    public static let quiet: Double = 30

    /// The per-address limit, for the alert's wording: new participants a minute.
    public let limit: Int
    /// Joins per whole second, for the last `window` seconds.
    private var recent: [(second: Int, joins: Int)] = []
    public private(set) var total = 0
    private var refusedSinceAlert = 0
    private var lastRefusedAlert: Double?
    private var lastBurstAlert: Double?

    public init(limit: Int) {
        self.limit = limit
    }

    /// A participant joined at `time`; returns an alert when this makes a burst.
    public mutating func joined(at time: Double) -> String? {
        let second = Int(time.rounded(.down))
        recent.removeAll { $0.second <= second - Self.window }
        if let last = recent.indices.last, recent[last].second == second {
            recent[last].joins += 1
        } else {
            recent.append((second, 1))
        }
        total += 1
        let inWindow = recent.reduce(0) { $0 + $1.joins }
        let before = total - inWindow
        guard inWindow >= max(Self.minimumBurst, before), lastBurstAlert.map({ time - $0 >= Self.quiet }) ?? true else { return nil }
        lastBurstAlert = time
        return "\(inWindow) new participants joined in the last \(Self.window) seconds — more than were here before. "
            + "Normal if a large room just scanned the code; otherwise someone may be joining many times."
    }

    /// A join was refused by the per-address limit at `time`; returns an alert at the first
    /// refusal and then at most every `quiet` seconds, with the count since the last one.
    public mutating func refused(at time: Double) -> String? {
        refusedSinceAlert += 1
        guard lastRefusedAlert.map({ time - $0 >= Self.quiet }) ?? true else { return nil }
        lastRefusedAlert = time
        defer { refusedSinceAlert = 0 }
        let people = refusedSinceAlert == 1 ? "1 join was" : "\(refusedSinceAlert) joins were"
        return "\(people) refused: over \(limit) new participants a minute from one address. "
            + "If the room shares one Wi-Fi, restart with a higher --joins-per-address; otherwise someone is creating participants."
    }
}
