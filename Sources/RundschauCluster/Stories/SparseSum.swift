/// A story's sum of its members' normalized sparse vectors, ids ascending, each weight kept as a 16-bit level of
/// the largest (`weight = level × scale`): 6 bytes an entry instead of 8 for an `Int32` and a `Float`.
///
/// Every sum is quantized afresh from `Float` arithmetic on the dequantized weights: each requantization moves a
/// weight by at most half a level (1/131,070 of the story's largest weight), so after n members the error is at
/// most n half-levels, and in practice far less since the roundings cancel. A weight that rounds to level 0 adds
/// nothing to any dot product and is not kept (a term that stays that small in every member never counts).
struct SparseSum: Sendable, Equatable {
    /// Term or n-gram ids, ascending.
    private(set) var ids: [Int32] = []
    /// Each id's weight in units of ``scale``.
    private(set) var levels: [UInt16] = []
    /// The weight of one level.
    private(set) var scale: Float = 0

    /// The empty sum.
    init() {}

    /// Number of ids with a weight.
    var count: Int { ids.count }

    /// The weight of the `k`-th id.
    @inline(__always)
    func weight(at k: Int) -> Float { Float(levels[k]) * scale }

    /// `self + factor × b` for a sparse vector with ascending ids.
    func adding(ids bIDs: [Int32], weights bWeights: [Float], factor: Float) -> SparseSum {
        bWeights.withUnsafeBufferPointer { b in
            merged(with: bIDs) { b[$0] * factor }
        }
    }

    /// `self + other`.
    func adding(_ other: SparseSum) -> SparseSum {
        other.levels.withUnsafeBufferPointer { b in
            let scale = other.scale
            return merged(with: other.ids) { Float(b[$0]) * scale }
        }
    }

    /// The union of both id lists with summed weights (`other(j)` is the weight of `otherIDs[j]`), quantized to
    /// the union's largest weight: a first pass finds that weight and the size, a second writes the levels.
    @inline(__always)
    private func merged(with otherIDs: [Int32], _ other: (Int) -> Float) -> SparseSum {
        let scale = self.scale
        return ids.withUnsafeBufferPointer { aIDs in
            levels.withUnsafeBufferPointer { aLevels in
                otherIDs.withUnsafeBufferPointer { bIDs in
                    func forEachEntry(_ body: (Int32, Float) -> Void) {
                        var i = 0, j = 0
                        while i < aIDs.count || j < bIDs.count {
                            if j >= bIDs.count || (i < aIDs.count && aIDs[i] < bIDs[j]) {
                                body(aIDs[i], Float(aLevels[i]) * scale)
                                i += 1
                            } else if i >= aIDs.count || bIDs[j] < aIDs[i] {
                                body(bIDs[j], other(j))
                                j += 1
                            } else {
                                body(aIDs[i], Float(aLevels[i]) * scale + other(j))
                                i += 1
                                j += 1
                            }
                        }
                    }
                    var largest: Float = 0
                    var union = 0
                    forEachEntry { _, w in
                        largest = max(largest, w)
                        union += 1
                    }
                    var out = SparseSum()
                    // Weights are finite and far above Float's subnormal range; anything else sums to nothing.
                    guard largest.isNormal else { return out }
                    out.scale = largest / 65_535
                    out.ids.reserveCapacity(union)
                    out.levels.reserveCapacity(union)
                    forEachEntry { id, w in
                        let level = (w / largest * 65_535).rounded()
                        guard level >= 1 else { return }
                        out.ids.append(id)
                        out.levels.append(UInt16(min(level, 65_535)))
                    }
                    return out
                }
            }
        }
    }

    /// The `limit` strongest entries by weight × `idf(id)`, still in id order (ties: the lower id), as a
    /// selection rather than a sort.
    func strongest(_ limit: Int, idf: (Int32) -> Float) -> SparseSum {
        guard count > limit else { return self }
        var scored = [(Float, Int)]()
        scored.reserveCapacity(count)
        // The common scale does not change the order.
        for k in 0..<count { scored.append((Float(levels[k]) * idf(ids[k]), k)) }
        scored.selectFront(limit) { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var kept = [Bool](repeating: false, count: count)
        for (_, k) in scored.prefix(limit) { kept[k] = true }
        var out = SparseSum()
        out.scale = scale
        out.ids.reserveCapacity(limit)
        out.levels.reserveCapacity(limit)
        for k in 0..<count where kept[k] {
            out.ids.append(ids[k])
            out.levels.append(levels[k])
        }
        return out
    }

    /// Σ `dense[id]` × weight × `idf(df[id])` over the entries: the hot loop of scoring, without bounds checks.
    @inline(__always)
    func dot(_ dense: [Float], df: [Int32], documents: Int) -> Float {
        var sum: Float = 0
        dense.withUnsafeBufferPointer { dense in
            ids.withUnsafeBufferPointer { ids in
                levels.withUnsafeBufferPointer { levels in
                    df.withUnsafeBufferPointer { df in
                        for k in 0..<ids.count {
                            let id = Int(ids[k])
                            let q = id < dense.count ? dense[id] : 0
                            if q != 0 {
                                let d = id < df.count ? df[id] : 0
                                sum += q * Float(levels[k]) * StoryClusterer.idf(documentFrequency: d, documents: documents)
                            }
                        }
                    }
                }
            }
        }
        return sum * scale
    }

    /// Bytes held, for memory reports (each array a heap block of its own, about 48 bytes with its header).
    var bytes: Int { MemoryFootprint.array(ids) + MemoryFootprint.array(levels) + 2 * 48 }
}
