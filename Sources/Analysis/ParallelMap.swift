import Dispatch
import Synchronization

/// Maps independent pure computations (one per question or segment group) over every core.
/// Results come back in input order, so the report is the same however the work was split.
enum ParallelMap {
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Mutex<[Int: Result]>([:])
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let result = transform(items[i])
            results.withLock { $0[i] = result }
        }
        return results.withLock { done in items.indices.map { done[$0]! } }
    }
}
