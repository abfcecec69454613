import RundschauText
import Testing

@testable import RundschauCluster

/// The engine's hand-made tables: counts keep their values through growth, posting lists keep their heads and
/// lengths, and the LSH index finds what shares a band, before and after it grows, and caps boilerplate bands.
@Suite struct CompactTablesTests {
    @Test func countTableCountsSaturatesAndGrows() {
        var table = CountTable(width: 3)
        #expect(table.value(42) == nil)
        #expect(table.increment(42, 1) == 0)
        #expect(table.increment(42, 1) == 1)
        #expect(table.value(42, 0) == 0 && table.value(42, 1) == 2 && table.value(42, 2) == 0)
        // Key 0 is a key like any other.
        table.increment(0, 2)
        #expect(table.value(0, 2) == 1 && table.value(1) == nil)
        // Thousands of keys: the table grows several times and keeps every count.
        for key in UInt64(1_000)..<UInt64(21_000) { for _ in 0..<Int(key % 3) { table.increment(key &* 0x9E37_79B9, 0) } }
        let entered = (1_000..<21_000).filter { $0 % 3 != 0 }.count
        #expect(table.count == entered + 2)  // 42 and 0 as well
        for key in UInt64(1_000)..<UInt64(21_000) {
            #expect(table.value(key &* 0x9E37_79B9, 0) == (key % 3 == 0 ? nil : Int(key % 3)))
        }
        // Counts stop at 65,535 instead of wrapping.
        for _ in 0..<70_000 { table.increment(7, 0) }
        #expect(table.value(7, 0) == Int(UInt16.max))
    }

    @Test func postingTableChainsHeadsThroughGrowth() {
        var table = PostingTable()
        #expect(table.find(1 << 63) == nil)
        // 20,000 keys, three entries each: the table grows several times and keeps every list.
        var entry: Int32 = 0
        var heads: [UInt64: Int32] = [:]
        for round in 0..<3 {
            for k in UInt64(0)..<20_000 {
                let key = (1 << 63) | (k &* 0x9E37_79B9)
                let previous = table.push(key, head: entry)
                #expect(previous == (round == 0 ? -1 : heads[key]))
                heads[key] = entry
                entry += 1
            }
        }
        for (key, head) in heads {
            let found = table.find(key)
            #expect(found?.head == head && found?.count == 3)
        }
        #expect(table.find((1 << 63) | 7) == nil)
        // Lengths stop at 65,535 instead of wrapping.
        for _ in 0..<70_000 { _ = table.push(1 << 62, head: 1) }
        #expect(table.find(1 << 62)?.count == Int32(UInt16.max))
    }

    @Test func partialSortAndSelectionFrontEqualsAFullSort() {
        var generator = SplitMix64(seed: 5)
        for n in [0, 1, 2, 3, 7, 40, 200, 1_000] {
            // Few distinct weights, so ties are common and broken by the unique id.
            let items = (0..<n).map { (Float(generator.next() % 7), Int32($0)) }.shuffled(using: &generator)
            let order: ((Float, Int32), (Float, Int32)) -> Bool = { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            let sorted = items.sorted(by: order)
            for k in [0, 1, 5, 24, 32, n - 1, n, n + 3] where k >= 0 {
                var partial = items
                partial.sortPrefix(k, by: order)
                #expect(partial.prefix(k).map(\.1) == sorted.prefix(k).map(\.1))
                #expect(Set(partial.map(\.1)) == Set(items.map(\.1)))
                var selected = items
                selected.selectFront(k, by: order)
                #expect(Set(selected.prefix(k).map(\.1)) == Set(sorted.prefix(k).map(\.1)))
            }
        }
    }

    /// Random 16-bit signatures, one row of `MinHasher.bins` per document.
    static func signatures(_ documents: Int, seed: UInt64) -> [UInt16] {
        var generator = SplitMix64(seed: seed)
        return (0..<documents * MinHasher.bins).map { _ in UInt16(truncatingIfNeeded: generator.next()) }
    }

    @Test func bandIndexFindsSharedBandsThroughGrowth() {
        let documents = 5_000
        var signatures = Self.signatures(documents, seed: 1)
        // Document 4,999 shares band 10 (bins 20 and 21) with document 3; nothing else is shared.
        for bin in 20...21 { signatures[4_999 * MinHasher.bins + bin] = signatures[3 * MinHasher.bins + bin] }
        var index = BandIndex()  // starts small: 5,000 documents make it grow several times
        signatures.withUnsafeBufferPointer { sigs in
            for doc in 0..<Int32(documents - 1) { index.insert(doc, signatures: sigs) }
            var found: Set<Int32> = []
            index.forEachCandidate(sigs, row: 4_999 * MinHasher.bins) { found.insert($0) }
            #expect(found == [3])
            // Every indexed document finds itself.
            for doc in stride(from: 0, to: documents - 1, by: 97) {
                var own: Set<Int32> = []
                index.forEachCandidate(sigs, row: doc * MinHasher.bins) { own.insert($0) }
                #expect(own == [Int32(doc)])
            }
        }
    }

    @Test func bandIndexCapsABandSharedByTooManyDocuments() {
        // Thirty documents with one identical signature (a footer-only text): each band keeps the first 24.
        let row = Self.signatures(1, seed: 2)
        let signatures = Array(repeating: row, count: 30).flatMap { $0 }
        var index = BandIndex()
        index.reserve(documents: 30)
        signatures.withUnsafeBufferPointer { sigs in
            for doc in 0..<Int32(30) { index.insert(doc, signatures: sigs) }
            var found: Set<Int32> = []
            index.forEachCandidate(sigs, row: 0) { found.insert($0) }
            #expect(found == Set(0..<Int32(BandIndex.maximumPerKey)))
        }
    }

    @Test func sparseSumStaysWithinHalfALevelPerSumAndDotsLikeFloats() {
        // Fifty sparse vectors over 400 ids, summed exactly in Double and as a quantized sum.
        var generator = SplitMix64(seed: 11)
        var exact = [Double](repeating: 0, count: 400)
        var sum = SparseSum()
        var bound: Double = 0
        for _ in 0..<50 {
            let ids = (0..<Int32(400)).filter { _ in Int.random(in: 0..<4, using: &generator) == 0 }
            let weights = ids.map { _ in Float.random(in: 0.001...1, using: &generator) }
            let factor = Float.random(in: 0.1...2, using: &generator)
            for (k, id) in ids.enumerated() { exact[Int(id)] += Double(weights[k] * factor) }
            sum = sum.adding(ids: ids, weights: weights, factor: factor)
            // Each new sum rounds every weight by at most half of its own level.
            bound += Double(sum.scale) / 2 + 1e-6 * (exact.max() ?? 0)
        }
        #expect(sum.ids == sum.ids.sorted() && Set(sum.ids).count == sum.count)
        for k in 0..<sum.count { #expect(abs(Double(sum.weight(at: k)) - exact[Int(sum.ids[k])]) <= bound) }
        // The largest weight sits at the top level.
        #expect(sum.levels.max() == UInt16.max)
        // A dot product against a dense query agrees with the exact one (idf 1 where df is 0 of 1 document).
        let dense = (0..<400).map { _ in Float.random(in: 0...1, using: &generator) }
        let df = [Int32](repeating: 0, count: 400)
        let idf = StoryClusterer.idf(documentFrequency: 0, documents: 1)
        let expected = (0..<400).reduce(0.0) { $0 + Double(dense[$1]) * exact[$1] } * Double(idf)
        #expect(abs(Double(sum.dot(dense, df: df, documents: 1)) - expected) <= 1e-3 * expected)

        // Two sums add like their weights; a weight far below the largest's level is not kept.
        let other = SparseSum().adding(ids: [3, 401], weights: [1, 1e-7], factor: 1)
        #expect(other.ids == [3])
        let both = sum.adding(other)
        // (A larger largest weight may drop a weight that now rounds to level 0.)
        #expect(both.ids.contains(3) && Set(both.ids).isSubset(of: Set(sum.ids).union([3])))
        if let k = both.ids.firstIndex(of: 3) {
            #expect(abs(Double(both.weight(at: k)) - (exact[3] + 1)) <= bound + Double(both.scale))
        }
    }

    @Test func sparseSumKeepsItsStrongestInIDOrder() {
        let sum = SparseSum().adding(ids: [1, 2, 3, 4, 5, 6], weights: [6, 5, 4, 3, 2, 1], factor: 1)
        // Weight × idf: 6, 10, 12, 12, 2, 1 → the three strongest are 3 and 4 (tie: lower index first), then 2.
        let idf: [Int32: Float] = [1: 1, 2: 2, 3: 3, 4: 4, 5: 1, 6: 1]
        let kept = sum.strongest(3) { idf[$0] ?? 0 }
        #expect(kept.ids == [2, 3, 4])
        #expect(kept.scale == sum.scale && kept.levels == [sum.levels[1], sum.levels[2], sum.levels[3]])
        #expect(sum.strongest(6) { _ in 1 } == sum)
    }
}
