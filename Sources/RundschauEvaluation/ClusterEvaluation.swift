/// Precision, recall and F1 of a clustering against gold labels, pairwise and B-cubed.
///
/// Pairwise: over all pairs of items, a pair is positive when both share a cluster; precision is the share of
/// predicted same-cluster pairs that are gold same-cluster pairs. B-cubed (Bagga & Baldwin 1998): per item, the
/// share of its predicted cluster that shares its gold label (precision) and the share of its gold cluster that
/// shares its predicted cluster (recall), averaged over items. Only items present in both mappings count.
///
/// ```swift
/// let e = ClusterEvaluation(gold: ["a": "s1", "b": "s1", "c": "s2"], predicted: ["a": 1, "b": 1, "c": 1])
/// e.pairwise.precision   // 1/3
/// ```
public struct ClusterEvaluation: Hashable, Sendable {
    /// Precision, recall and their harmonic mean.
    public struct Scores: Hashable, Sendable {
        /// Share of predicted positives that are right.
        public var precision: Double
        /// Share of gold positives that were found.
        public var recall: Double
        /// The harmonic mean of precision and recall (0 when both are 0).
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

        /// Precision and recall; F1 follows from them.
        public init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
        }
    }

    /// Scores over pairs of items.
    public var pairwise: Scores
    /// B-cubed scores, averaged over items.
    public var bcubed: Scores
    /// Items evaluated (present in both mappings).
    public var items: Int
    /// Distinct gold labels among the items.
    public var goldClusters: Int
    /// Distinct predicted clusters among the items.
    public var predictedClusters: Int
    /// Pairs in the same predicted and the same gold cluster.
    public var truePairs: Int
    /// Pairs in the same predicted cluster.
    public var predictedPairs: Int
    /// Pairs in the same gold cluster.
    public var goldPairs: Int

    /// Compares a predicted clustering with gold labels; items missing on either side are left out.
    public init<Item: Hashable, G: Hashable, P: Hashable>(gold: [Item: G], predicted: [Item: P]) {
        var contingency: [PairKey<G, P>: Int] = [:]
        var goldSizes: [G: Int] = [:]
        var predictedSizes: [P: Int] = [:]
        var n = 0
        for (item, g) in gold {
            guard let p = predicted[item] else { continue }
            n += 1
            contingency[PairKey(gold: g, predicted: p), default: 0] += 1
            goldSizes[g, default: 0] += 1
            predictedSizes[p, default: 0] += 1
        }
        func pairs(_ k: Int) -> Int { k * (k - 1) / 2 }
        let tp = contingency.values.reduce(0) { $0 + pairs($1) }
        let pp = predictedSizes.values.reduce(0) { $0 + pairs($1) }
        let gp = goldSizes.values.reduce(0) { $0 + pairs($1) }
        // With no pairs on a side there is nothing to get wrong on that side.
        pairwise = Scores(precision: pp > 0 ? Double(tp) / Double(pp) : 1, recall: gp > 0 ? Double(tp) / Double(gp) : 1)
        var bp = 0.0, br = 0.0
        for (key, count) in contingency {
            // Each of the `count` items in this cell: precision count/|pred|, recall count/|gold|.
            bp += Double(count) * Double(count) / Double(predictedSizes[key.predicted] ?? 1)
            br += Double(count) * Double(count) / Double(goldSizes[key.gold] ?? 1)
        }
        bcubed = n > 0 ? Scores(precision: bp / Double(n), recall: br / Double(n)) : Scores(precision: 1, recall: 1)
        items = n
        goldClusters = goldSizes.count
        predictedClusters = predictedSizes.count
        truePairs = tp
        predictedPairs = pp
        goldPairs = gp
    }
}

private struct PairKey<G: Hashable, P: Hashable>: Hashable {
    var gold: G
    var predicted: P
}
