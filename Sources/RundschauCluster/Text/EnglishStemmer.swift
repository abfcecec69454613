/// The Snowball English stemmer (Porter2, the algorithm of Snowball 3.1, `english.sbl`), written in Swift.
///
/// Input is a lowercased word as Unicode scalar values (apostrophes allowed: `israel's` → `israel`).
/// Verified against the reference implementation with `Fixtures/stemmer-en.tsv`.
public enum EnglishStemmer {
    /// The stem of a lowercased word.
    public static func stem(_ word: String) -> String {
        String(String.UnicodeScalarView(stem(scalars: word.scalarValues).compactMap(Unicode.Scalar.init)))
    }

    private static let apostrophe = UInt32(0x27), y = UInt32(0x79), bigY = UInt32(0x59)
    private static let sChar = UInt32(0x73), tChar = UInt32(0x74), lChar = UInt32(0x6C)

    private static func isVowel(_ c: UInt32) -> Bool {
        switch c {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    private static func isVowelWXY(_ c: UInt32) -> Bool {
        switch c {
        case 0x59, 0x61, 0x65, 0x69, 0x6F, 0x75, 0x77, 0x78, 0x79: return true
        default: return false
        }
    }

    private static func isValidLI(_ c: UInt32) -> Bool {
        switch c {
        case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: return true
        default: return false
        }
    }

    private static func isAEO(_ c: UInt32) -> Bool { c == 0x61 || c == 0x65 || c == 0x6F }

    private static let a0 = SnowballAmong([
        ("arsen", -1), ("commun", -1), ("emerg", -1), ("gener", -1), ("inter", -1), ("later", -1), ("organ", -1),
        ("past", -1), ("univers", -1),
    ])
    private static let a1 = SnowballAmong([("'", 1), ("'s'", 1), ("'s", 1)])
    private static let a2 = SnowballAmong([("ied", 2), ("s", 3), ("ies", 2), ("sses", 1), ("ss", -1), ("us", -1)])
    private static let a3 = SnowballAmong([("succ", 1), ("proc", 1), ("exc", 1)])
    private static let a4 = SnowballAmong([
        ("even", 2), ("cann", 2), ("inn", 2), ("earr", 2), ("herr", 2), ("out", 2), ("y", 1),
    ])
    private static let a5 = SnowballAmong([
        ("", -1), ("ed", 2), ("eed", 1), ("ing", 3), ("edly", 2), ("eedly", 1), ("ingly", 2),
    ])
    private static let a6 = SnowballAmong([
        ("", 3), ("bb", 2), ("dd", 2), ("ff", 2), ("gg", 2), ("bl", 1), ("mm", 2), ("nn", 2), ("pp", 2), ("rr", 2),
        ("at", 1), ("tt", 2), ("iz", 1),
    ])
    private static let a7 = SnowballAmong([
        ("anci", 3), ("enci", 2), ("ogi", 14), ("li", 16), ("bli", 12), ("abli", 4), ("alli", 8), ("fulli", 9),
        ("lessli", 15), ("ousli", 10), ("entli", 5), ("aliti", 8), ("biliti", 12), ("iviti", 11), ("tional", 1),
        ("ational", 7), ("alism", 8), ("ation", 7), ("ization", 6), ("izer", 6), ("ator", 7), ("iveness", 11),
        ("fulness", 9), ("ousness", 10), ("ogist", 13),
    ])
    private static let a7Replacements: [Int: String] = [
        1: "tion", 2: "ence", 3: "ance", 4: "able", 5: "ent", 6: "ize", 7: "ate", 8: "al", 9: "ful", 10: "ous",
        11: "ive", 12: "ble", 13: "og", 15: "less",
    ]
    private static let a8 = SnowballAmong([
        ("icate", 4), ("ative", 6), ("alize", 3), ("iciti", 4), ("ical", 4), ("tional", 1), ("ational", 2),
        ("ful", 5), ("ness", 5),
    ])
    private static let a9 = SnowballAmong([
        ("ic", 1), ("ance", 1), ("ence", 1), ("able", 1), ("ible", 1), ("ate", 1), ("ive", 1), ("ize", 1),
        ("iti", 1), ("al", 1), ("ism", 1), ("ion", 2), ("er", 1), ("ous", 1), ("ant", 1), ("ent", 1), ("ment", 1),
        ("ement", 1),
    ])
    private static let a10 = SnowballAmong([("e", 1), ("l", 2)])
    private static let a11 = SnowballAmong([
        ("andes", -1), ("atlas", -1), ("bias", -1), ("cosmos", -1), ("early", 6), ("gently", 4), ("howe", -1),
        ("idly", 3), ("news", -1), ("only", 7), ("singly", 8), ("skies", 2), ("skis", 1), ("sky", -1), ("ugly", 5),
    ])
    private static let a11Replacements = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"].map(\.scalarValues)
    private static let past = "past".scalarValues

    private struct State {
        var z: SnowballEnv
        var yFound = false
        var p1 = 0
        var p2 = 0
    }

    /// The stem of a lowercased word given as scalar values.
    static func stem(scalars: [UInt32]) -> [UInt32] {
        var st = State(z: SnowballEnv(scalars))
        // exception1: whole-word exceptions.
        st.z.bra = 0
        let among = st.z.findAmong(a11)
        if among != 0 && st.z.cursor >= st.z.limit {
            st.z.ket = st.z.cursor
            if among > 0 { st.z.sliceFrom(a11Replacements[among - 1]) }
            return st.z.result
        }
        st.z.cursor = 0
        // Words of fewer than three letters are left alone.
        if st.z.limit < 3 { return st.z.result }
        prelude(&st)
        markRegions(&st)
        st.z.limitBackward = st.z.cursor
        st.z.cursor = st.z.limit
        let steps: [(inout State) -> Void] = [step1a, step1b, step1c, step2, step3, step4, step5]
        for step in steps {
            let v = st.z.limit - st.z.cursor
            step(&st)
            st.z.cursor = st.z.limit - v
        }
        st.z.cursor = st.z.limitBackward
        postlude(&st)
        return st.z.result
    }

    private static func prelude(_ st: inout State) {
        st.yFound = false
        let v1 = st.z.cursor
        st.z.bra = st.z.cursor
        if st.z.eqChar(apostrophe) {
            st.z.ket = st.z.cursor
            st.z.sliceDel()
        }
        st.z.cursor = v1
        st.z.bra = st.z.cursor
        if st.z.eqChar(y) {
            st.z.ket = st.z.cursor
            st.z.sliceFrom([bigY])
            st.yFound = true
        }
        st.z.cursor = v1
        outer: while true {
            let v4 = st.z.cursor
            while true {
                let v5 = st.z.cursor
                if st.z.inGrouping(isVowel) {
                    st.z.bra = st.z.cursor
                    if st.z.eqChar(y) {
                        st.z.ket = st.z.cursor
                        st.z.cursor = v5
                        st.z.sliceFrom([bigY])
                        st.yFound = true
                        continue outer
                    }
                }
                st.z.cursor = v5
                guard st.z.cursor < st.z.limit else {
                    st.z.cursor = v4
                    break outer
                }
                st.z.cursor += 1
            }
        }
        st.z.cursor = v1
    }

    private static func markRegions(_ st: inout State) {
        st.p1 = st.z.limit
        st.p2 = st.z.limit
        let v1 = st.z.cursor
        defer { st.z.cursor = v1 }
        if st.z.findAmong(a0) == 0 {
            st.z.cursor = v1
            guard st.z.goOutGrouping(isVowel) else { return }
            st.z.cursor += 1
            guard st.z.goInGrouping(isVowel) else { return }
            st.z.cursor += 1
        }
        st.p1 = st.z.cursor
        guard st.z.goOutGrouping(isVowel) else { return }
        st.z.cursor += 1
        guard st.z.goInGrouping(isVowel) else { return }
        st.z.cursor += 1
        st.p2 = st.z.cursor
    }

    private static func shortV(_ z: inout SnowballEnv) -> Bool {
        let v1 = z.limit - z.cursor
        if z.outGroupingB(isVowelWXY) && z.inGroupingB(isVowel) && z.outGroupingB(isVowel) { return true }
        z.cursor = z.limit - v1
        if z.outGroupingB(isVowel) && z.inGroupingB(isVowel) && z.cursor <= z.limitBackward { return true }
        z.cursor = z.limit - v1
        return z.eqSB(past)
    }

    private static func step1a(_ st: inout State) {
        let v1 = st.z.limit - st.z.cursor
        st.z.ket = st.z.cursor
        if st.z.findAmongB(a1) != 0 {
            st.z.bra = st.z.cursor
            st.z.sliceDel()
        } else {
            st.z.cursor = st.z.limit - v1
        }
        st.z.ket = st.z.cursor
        let amongVar = st.z.findAmongB(a2)
        guard amongVar != 0 else { return }
        st.z.bra = st.z.cursor
        switch amongVar {
        case 1:
            st.z.sliceFrom("ss".scalarValues)
        case 2:
            let v2 = st.z.limit - st.z.cursor
            if st.z.cursor - 2 >= st.z.limitBackward {
                st.z.cursor -= 2
                st.z.sliceFrom([0x69])
            } else {
                st.z.cursor = st.z.limit - v2
                st.z.sliceFrom("ie".scalarValues)
            }
        case 3:
            guard st.z.cursor > st.z.limitBackward else { return }
            st.z.cursor -= 1
            guard st.z.goOutGroupingB(isVowel) else { return }
            st.z.cursor -= 1
            st.z.sliceDel()
        default:
            break
        }
    }

    private static func step1b(_ st: inout State) {
        st.z.ket = st.z.cursor
        var amongVar = st.z.findAmongB(a5)
        st.z.bra = st.z.cursor
        let v1 = st.z.limit - st.z.cursor
        lab0: do {
            switch amongVar {
            case 1:
                let v2 = st.z.limit - st.z.cursor
                if st.p1 <= st.z.cursor {
                    let v3 = st.z.limit - st.z.cursor
                    if st.z.findAmongB(a3) != 0 && st.z.cursor <= st.z.limitBackward {
                        // succeed / proceed / exceed: leave alone
                    } else {
                        st.z.cursor = st.z.limit - v3
                        st.z.sliceFrom("ee".scalarValues)
                    }
                }
                st.z.cursor = st.z.limit - v2
            case 2:
                break lab0
            case 3:
                amongVar = st.z.findAmongB(a4)
                guard amongVar != 0 else { break lab0 }
                if amongVar == 1 {
                    let v4 = st.z.limit - st.z.cursor
                    guard st.z.outGroupingB(isVowel) else { break lab0 }
                    guard st.z.cursor <= st.z.limitBackward else { break lab0 }
                    st.z.cursor = st.z.limit - v4
                    st.z.bra = st.z.cursor
                    st.z.sliceFrom("ie".scalarValues)
                } else {
                    guard st.z.cursor <= st.z.limitBackward else { break lab0 }
                }
            default:
                break
            }
            return
        }
        st.z.cursor = st.z.limit - v1
        let v5 = st.z.limit - st.z.cursor
        guard st.z.goOutGroupingB(isVowel) else { return }
        st.z.cursor -= 1
        st.z.cursor = st.z.limit - v5
        st.z.sliceDel()
        st.z.ket = st.z.cursor
        st.z.bra = st.z.cursor
        let v6 = st.z.limit - st.z.cursor
        let among6 = st.z.findAmongB(a6)
        switch among6 {
        case 1:
            st.z.sliceFrom([0x65])
            return
        case 2:
            let v7 = st.z.limit - st.z.cursor
            if st.z.inGroupingB(isAEO) && st.z.cursor <= st.z.limitBackward { return }
            st.z.cursor = st.z.limit - v7
        default:
            guard st.z.cursor == st.p1 else { return }
            let v8 = st.z.limit - st.z.cursor
            guard shortV(&st.z) else { return }
            st.z.cursor = st.z.limit - v8
            st.z.sliceFrom([0x65])
            return
        }
        st.z.cursor = st.z.limit - v6
        st.z.ket = st.z.cursor
        guard st.z.cursor > st.z.limitBackward else { return }
        st.z.cursor -= 1
        st.z.bra = st.z.cursor
        st.z.sliceDel()
    }

    private static func step1c(_ st: inout State) {
        st.z.ket = st.z.cursor
        if !st.z.eqCharB(y) {
            guard st.z.eqCharB(bigY) else { return }
        }
        st.z.bra = st.z.cursor
        guard st.z.outGroupingB(isVowel) else { return }
        guard st.z.cursor > st.z.limitBackward else { return }
        st.z.sliceFrom([0x69])
    }

    private static func step2(_ st: inout State) {
        st.z.ket = st.z.cursor
        let amongVar = st.z.findAmongB(a7)
        guard amongVar != 0 else { return }
        st.z.bra = st.z.cursor
        guard st.p1 <= st.z.cursor else { return }
        switch amongVar {
        case 14:
            guard st.z.eqCharB(lChar) else { return }
            st.z.sliceFrom("og".scalarValues)
        case 16:
            guard st.z.inGroupingB(isValidLI) else { return }
            st.z.sliceDel()
        default:
            if let replacement = a7Replacements[amongVar] { st.z.sliceFrom(replacement.scalarValues) }
        }
    }

    private static func step3(_ st: inout State) {
        st.z.ket = st.z.cursor
        let amongVar = st.z.findAmongB(a8)
        guard amongVar != 0 else { return }
        st.z.bra = st.z.cursor
        guard st.p1 <= st.z.cursor else { return }
        switch amongVar {
        case 1: st.z.sliceFrom("tion".scalarValues)
        case 2: st.z.sliceFrom("ate".scalarValues)
        case 3: st.z.sliceFrom("al".scalarValues)
        case 4: st.z.sliceFrom("ic".scalarValues)
        case 5: st.z.sliceDel()
        default:
            guard st.p2 <= st.z.cursor else { return }
            st.z.sliceDel()
        }
    }

    private static func step4(_ st: inout State) {
        st.z.ket = st.z.cursor
        let amongVar = st.z.findAmongB(a9)
        guard amongVar != 0 else { return }
        st.z.bra = st.z.cursor
        guard st.p2 <= st.z.cursor else { return }
        if amongVar == 1 {
            st.z.sliceDel()
        } else {
            if !st.z.eqCharB(sChar) {
                guard st.z.eqCharB(tChar) else { return }
            }
            st.z.sliceDel()
        }
    }

    private static func step5(_ st: inout State) {
        st.z.ket = st.z.cursor
        let amongVar = st.z.findAmongB(a10)
        guard amongVar != 0 else { return }
        st.z.bra = st.z.cursor
        if amongVar == 1 {
            if !(st.p2 <= st.z.cursor) {
                guard st.p1 <= st.z.cursor else { return }
                let v1 = st.z.limit - st.z.cursor
                if shortV(&st.z) { return }
                st.z.cursor = st.z.limit - v1
            }
            st.z.sliceDel()
        } else {
            guard st.p2 <= st.z.cursor else { return }
            guard st.z.eqCharB(lChar) else { return }
            st.z.sliceDel()
        }
    }

    private static func postlude(_ st: inout State) {
        guard st.yFound else { return }
        for index in 0..<st.z.limit where st.z.current[index] == bigY { st.z.current[index] = y }
    }
}
