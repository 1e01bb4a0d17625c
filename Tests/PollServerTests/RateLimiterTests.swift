@testable import PollServer
import Testing

struct RateLimiterTests {
    let start = ContinuousClock.now

    @Test func aBurstThenARefillAtTheSetRate() {
        let limiter = RateLimiter(burst: 20, perSecond: 2)
        let allowed = (0..<21).map { _ in limiter.allow("fast-participant", at: start) }
        #expect(allowed.prefix(20).allSatisfy { $0 })
        #expect(allowed.last == false)
        #expect(limiter.allow("someone-else", at: start), "each participant has a bucket of their own")
        #expect(limiter.allow("fast-participant", at: start + .milliseconds(500)), "one answer back after half a second")
        #expect(!limiter.allow("fast-participant", at: start + .milliseconds(600)))
    }

    @Test func participantsWhoseBucketFilledUpAreForgotten() {
        let limiter = RateLimiter(burst: 20, perSecond: 2)
        for _ in 0..<20 { _ = limiter.allow("emptied", at: start) }
        _ = limiter.allow("answered-once", at: start)
        #expect(limiter.remembered == 2)
        // 1.5 s later: "answered-once" is full again and forgotten; "emptied" has 3 of 20.
        _ = limiter.allow("newcomer", at: start + .milliseconds(1500))
        #expect(limiter.remembered == 2)
        let later = start + .milliseconds(1600)
        #expect((0..<4).map { _ in limiter.allow("emptied", at: later) } == [true, true, true, false],
                "remembered with the 3 answers refilled so far, not reset to a full bucket")
        // 12 s later everyone is full again: only the caller's new bucket is left.
        _ = limiter.allow("late", at: start + .seconds(12))
        #expect(limiter.remembered == 1)
    }
}
