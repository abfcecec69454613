/// The Snowball runtime (cursor, limits, slices, `among` look-ups) over an array of Unicode scalar values.
///
/// A faithful port of the operations in Snowball's reference runtime (`basestemmer`), so that the stemmers written
/// on top of it read like the generated reference code and produce identical stems. Works on lowercased input.
struct SnowballEnv {
    var current: [UInt32]
    var cursor = 0
    var limit: Int
    var limitBackward = 0
    var bra = 0
    var ket: Int

    init(_ scalars: [UInt32]) {
        current = scalars
        limit = scalars.count
        ket = scalars.count
    }

    // MARK: groupings

    mutating func inGrouping(_ g: (UInt32) -> Bool) -> Bool {
        guard cursor < limit, g(current[cursor]) else { return false }
        cursor += 1
        return true
    }

    mutating func goInGrouping(_ g: (UInt32) -> Bool) -> Bool {
        while cursor < limit {
            if !g(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    mutating func inGroupingB(_ g: (UInt32) -> Bool) -> Bool {
        guard cursor > limitBackward, g(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    mutating func outGroupingB(_ g: (UInt32) -> Bool) -> Bool {
        guard cursor > limitBackward, !g(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    mutating func goOutGrouping(_ g: (UInt32) -> Bool) -> Bool {
        while cursor < limit {
            if g(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    mutating func goOutGroupingB(_ g: (UInt32) -> Bool) -> Bool {
        while cursor > limitBackward {
            if g(current[cursor - 1]) { return true }
            cursor -= 1
        }
        return false
    }

    // MARK: literals

    /// The character before the cursor equals `c`; moves back over it.
    mutating func eqCharB(_ c: UInt32) -> Bool {
        guard cursor > limitBackward, current[cursor - 1] == c else { return false }
        cursor -= 1
        return true
    }

    /// The character at the cursor equals `c`; moves over it.
    mutating func eqChar(_ c: UInt32) -> Bool {
        guard cursor < limit, current[cursor] == c else { return false }
        cursor += 1
        return true
    }

    /// The text before the cursor ends with `s`; moves back over it.
    mutating func eqSB(_ s: [UInt32]) -> Bool {
        guard cursor - limitBackward >= s.count else { return false }
        let start = cursor - s.count
        for i in 0..<s.count where current[start + i] != s[i] { return false }
        cursor = start
        return true
    }

    // MARK: among

    /// Longest entry matching forwards at the cursor; moves over it and returns its result, 0 when none matches.
    mutating func findAmong(_ among: SnowballAmong) -> Int {
        var best = -1
        var bestLength = -1
        for (index, entry) in among.entries.enumerated() where entry.count > bestLength && cursor + entry.count <= limit {
            var ok = true
            for i in 0..<entry.count where current[cursor + i] != entry[i] {
                ok = false
                break
            }
            if ok {
                best = index
                bestLength = entry.count
            }
        }
        guard best >= 0 else { return 0 }
        cursor += bestLength
        return among.results[best]
    }

    /// Longest entry matching backwards before the cursor; moves back over it and returns its result, 0 when none.
    mutating func findAmongB(_ among: SnowballAmong) -> Int {
        var best = -1
        var bestLength = -1
        for (index, entry) in among.entries.enumerated()
        where entry.count > bestLength && cursor - entry.count >= limitBackward {
            let start = cursor - entry.count
            var ok = true
            for i in 0..<entry.count where current[start + i] != entry[i] {
                ok = false
                break
            }
            if ok {
                best = index
                bestLength = entry.count
            }
        }
        guard best >= 0 else { return 0 }
        cursor -= bestLength
        return among.results[best]
    }

    // MARK: slices

    private mutating func replace(_ cBra: Int, _ cKet: Int, _ s: [UInt32]) -> Int {
        let adjustment = s.count - (cKet - cBra)
        current.replaceSubrange(cBra..<cKet, with: s)
        limit += adjustment
        if cursor >= cKet {
            cursor += adjustment
        } else if cursor > cBra {
            cursor = cBra
        }
        return adjustment
    }

    /// Replaces the slice `bra..<ket` with `s`.
    mutating func sliceFrom(_ s: [UInt32]) {
        _ = replace(bra, ket, s)
        ket = bra + s.count
    }

    /// Deletes the slice `bra..<ket`.
    mutating func sliceDel() { sliceFrom([]) }

    /// The result: the text up to the limit.
    var result: [UInt32] { Array(current[0..<limit]) }
}

/// A Snowball `among` table: literal strings and the result each one selects.
struct SnowballAmong: Sendable {
    let entries: [[UInt32]]
    let results: [Int]

    init(_ pairs: [(String, Int)]) {
        entries = pairs.map { $0.0.unicodeScalars.map(\.value) }
        results = pairs.map(\.1)
    }
}

extension String {
    /// The scalar values of a short literal, for the stemmers.
    var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}
