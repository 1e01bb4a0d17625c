import Synchronization
@testable import PollServer
import Testing

/// The join addresses the wall shows follow what the server listens on, and leave out
/// addresses a participant cannot reach.
@Suite("Join addresses")
struct JoinAddressesTests {
    typealias I = JoinAddresses.Interface
    let interfaces = [I(name: "lo", address: "127.0.0.1", loopback: true), I(name: "wlan0", address: "192.168.1.23"),
                      I(name: "docker0", address: "172.17.0.1"), I(name: "br-3f2a", address: "172.18.0.1"),
                      I(name: "virbr0", address: "192.168.122.1"), I(name: "eth1", address: "10.0.0.5", up: false)]

    func urls(bind: String, publicURL: String? = nil, interfaces: [I]? = nil) -> [String] {
        JoinAddresses.urls(code: "K7M2QX", port: 8080, publicURL: publicURL, bind: bind, interfaces: interfaces ?? self.interfaces)
    }

    @Test func everyInterfaceMeansTheOnesParticipantsCanReach() {
        #expect(urls(bind: "0.0.0.0") == ["http://192.168.1.23:8080/j/K7M2QX"], "no loopback, bridges or interfaces that are down")
        #expect(urls(bind: "0.0.0.0", interfaces: [interfaces[0], interfaces[2]]) == ["http://localhost:8080/j/K7M2QX"])
    }

    @Test func aSpecificBindShowsOnlyThatAddress() {
        #expect(urls(bind: "127.0.0.1") == ["http://127.0.0.1:8080/j/K7M2QX"], "a loopback bind shows only loopback")
        #expect(urls(bind: "localhost") == ["http://127.0.0.1:8080/j/K7M2QX"])
        #expect(urls(bind: "10.0.0.5") == ["http://10.0.0.5:8080/j/K7M2QX"])
        #expect(urls(bind: "::1") == ["http://[::1]:8080/j/K7M2QX"])
    }

    @Test func aPublicURLWinsOverEverything() {
        #expect(urls(bind: "127.0.0.1", publicURL: "https://poll.example.org/") == ["https://poll.example.org/j/K7M2QX"])
    }

    @Test func theWallPageIsBesideTheJoinAddress() {
        #expect(JoinAddresses.wallURL(of: "http://192.168.1.23:8080/j/K7M2QX") == "http://192.168.1.23:8080/w/K7M2QX")
        #expect(JoinAddresses.wallURL(of: "https://poll.example.org/j/room/j/K7M2QX") == "https://poll.example.org/j/room/w/K7M2QX")
        #expect(JoinAddresses.wallURL(of: "https://poll.example.org/") == nil)
    }
}

/// Who is here: the server tells how many live pages are open as they open and close.
@Suite("Connected count")
struct ConnectedCountTests {
    @Test func theCountFollowsOpenStreams() {
        let counts = CountLog()
        let hub = EventHub(total: 10, perAddress: 10, onCount: counts.add)
        var first: AsyncStream<String>? = hub.subscribe(from: "a", participant: "ana")
        let second = hub.subscribe(from: "b", participant: "ben")
        #expect(counts.all == [1, 2])
        first = nil
        #expect(counts.all == [1, 2, 1], "a stream dropped unread frees its place and is counted out")
        // Ben's next page opens its stream before the last one is noticed gone: still one Ben.
        var again: AsyncStream<String>? = hub.subscribe(from: "b", participant: "ben")
        #expect(hub.open == 2 && counts.all == [1, 2, 1])
        again = nil
        // A wall page (no participant) takes a place but is not here.
        let wall = hub.subscribe(from: "c")
        #expect(hub.open == 2 && counts.all == [1, 2, 1])
        withExtendedLifetime((first, second, again, wall)) {}
    }
}

final class CountLog: Sendable {
    private let entries = Mutex<[Int]>([])
    var all: [Int] { entries.withLock { $0 } }
    @Sendable func add(_ count: Int) { entries.withLock { $0.append(count) } }
}
