import Testing
import RundschauEvaluation

@testable import RundschauCluster

/// Metric math on examples small enough to count by hand.
@Suite struct ClusterEvaluationTests {
    @Test func perfectClustering() {
        let e = ClusterEvaluation(gold: ["a": "x", "b": "x", "c": "y"], predicted: ["a": 1, "b": 1, "c": 2])
        #expect(e.pairwise == .init(precision: 1, recall: 1))
        #expect(e.bcubed == .init(precision: 1, recall: 1))
        #expect(e.goldClusters == 2 && e.predictedClusters == 2 && e.items == 3)
    }

    @Test func everythingMerged() {
        // Gold {a,b} {c}; predicted {a,b,c}. Pairs: predicted ab ac bc (3), gold ab (1), right ab (1).
        let e = ClusterEvaluation(gold: ["a": "x", "b": "x", "c": "y"], predicted: ["a": 1, "b": 1, "c": 1])
        #expect(abs(e.pairwise.precision - 1.0 / 3) < 1e-12)
        #expect(e.pairwise.recall == 1)
        #expect(abs(e.pairwise.f1 - 0.5) < 1e-12)
        // B-cubed precision: a 2/3, b 2/3, c 1/3 → 5/9; recall: all 1.
        #expect(abs(e.bcubed.precision - 5.0 / 9) < 1e-12)
        #expect(e.bcubed.recall == 1)
    }

    @Test func everythingSplit() {
        // Gold {a,b,c} {d}; predicted singletons. No predicted pairs: precision 1 by convention, recall 0.
        let e = ClusterEvaluation(gold: ["a": "x", "b": "x", "c": "x", "d": "y"], predicted: ["a": 1, "b": 2, "c": 3, "d": 4])
        #expect(e.pairwise.precision == 1 && e.pairwise.recall == 0 && e.pairwise.f1 == 0)
        // B-cubed recall: a,b,c 1/3 each, d 1 → (1 + 1) / 4 = 0.5.
        #expect(e.bcubed.precision == 1)
        #expect(abs(e.bcubed.recall - 0.5) < 1e-12)
    }

    @Test func mixedExample() {
        // Gold {1,2,3,4} {5,6}; predicted {1,2,5} {3,4,6}.
        // Pairs: predicted 3+3 = 6; gold 6+1 = 7; right: 12, 34 = 2. P = 1/3, R = 2/7.
        let gold = [1: "A", 2: "A", 3: "A", 4: "A", 5: "B", 6: "B"]
        let predicted = [1: "p", 2: "p", 5: "p", 3: "q", 4: "q", 6: "q"]
        let e = ClusterEvaluation(gold: gold, predicted: predicted)
        #expect(e.truePairs == 2 && e.predictedPairs == 6 && e.goldPairs == 7)
        #expect(abs(e.pairwise.precision - 1.0 / 3) < 1e-12)
        #expect(abs(e.pairwise.recall - 2.0 / 7) < 1e-12)
        // B-cubed precision: items 1,2,3,4 → 2/3 each; 5,6 → 1/3 each → (8/3 + 2/3) / 6 = 5/9.
        // B-cubed recall: items 1..4 → 2/4 each; 5,6 → 1/2 each → 0.5.
        #expect(abs(e.bcubed.precision - 5.0 / 9) < 1e-12)
        #expect(abs(e.bcubed.recall - 0.5) < 1e-12)
    }

    @Test func ignoresItemsMissingOnEitherSide() {
        let e = ClusterEvaluation(gold: ["a": "x", "b": "x", "z": "x"], predicted: ["a": 1, "b": 1, "q": 9])
        #expect(e.items == 2)
        #expect(e.pairwise == .init(precision: 1, recall: 1))
    }
}
