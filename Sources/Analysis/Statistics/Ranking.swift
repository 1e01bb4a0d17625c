// Ranking.swift — average ranks with tie-group sizes, as used by the rank tests.
import Foundation

/// Mid-ranks ("average" method) of a sample, with the sizes of its groups of tied values.
///
/// Matches `scipy.stats.rankdata(method="average")`: the values are stably sorted, each run of equal values
/// receives the mean of the 1-based ordinal ranks it spans.
struct Ranking: Sendable {
    /// Rank of each input value, in input order.
    var ranks: [Double]
    /// The size t of every group of equal values, in ascending value order (groups of one included).
    var tieGroups: [Int]

    init<C: Collection>(_ values: C) where C.Element == Double {
        let array = Array(values)
        let order = array.indices.sorted { lhs, rhs in
            array[lhs] < array[rhs] || (array[lhs] == array[rhs] && lhs < rhs)
        }
        var ranks = [Double](repeating: 0, count: array.count)
        var groups: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && array[order[end]] == array[order[start]] { end += 1 }
            // Ordinal ranks start+1 … end share their mean.
            let average = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = average }
            groups.append(end - start)
            start = end
        }
        self.ranks = ranks
        self.tieGroups = groups
    }

    /// Σ (t³ − t) over the tie groups, the usual tie-correction term.
    var tieCorrection: Double {
        tieGroups.reduce(0) { sum, t in
            let size = Double(t)
            return sum + (size * size * size - size)
        }
    }
}
