/// The Snowball German stemmer (the algorithm of Snowball 3.1, `german.sbl`), written in Swift.
///
/// Input is a lowercased word as Unicode scalar values; `ß` becomes `ss`, `ae`/`oe`/`ue` are read as umlauts and
/// umlauts are folded to their base vowels at the end, so `Überwachung`, `Ueberwachung` and `uberwachung` share
/// one stem. Verified against the reference implementation with `Fixtures/stemmer-de.tsv`.
public enum GermanStemmer {
    /// The stem of a lowercased word.
    public static func stem(_ word: String) -> String {
        String(String.UnicodeScalarView(stem(scalars: word.scalarValues).compactMap(Unicode.Scalar.init)))
    }

    private static let a = UInt32(0x61), e = UInt32(0x65), i = UInt32(0x69), o = UInt32(0x6F), u = UInt32(0x75)
    private static let y = UInt32(0x79), s = UInt32(0x73), bigU = UInt32(0x55), bigY = UInt32(0x59)
    private static let ae = UInt32(0xE4), oe = UInt32(0xF6), ue = UInt32(0xFC)

    private static func isVowel(_ c: UInt32) -> Bool {
        switch c {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE4, 0xF6, 0xFC: return true
        default: return false
        }
    }

    private static func isETEnding(_ c: UInt32) -> Bool {
        switch c {
        case 0x55, 0x64, 0x66, 0x67, 0x6B, 0x6C, 0x6D, 0x6E, 0x72, 0x73, 0x74, 0x7A, 0xE4: return true
        default: return false
        }
    }

    private static func isSEnding(_ c: UInt32) -> Bool {
        switch c {
        case 0x62, 0x64, 0x66, 0x67, 0x68, 0x6B, 0x6C, 0x6D, 0x6E, 0x72, 0x74: return true
        default: return false
        }
    }

    private static func isSTEnding(_ c: UInt32) -> Bool {
        switch c {
        case 0x62, 0x64, 0x66, 0x67, 0x68, 0x6B, 0x6C, 0x6D, 0x6E, 0x74: return true
        default: return false
        }
    }

    private static let a0 = SnowballAmong([("", 5), ("ae", 2), ("oe", 3), ("qu", -1), ("ue", 4), ("ß", 1)])
    private static let a1 = SnowballAmong([("", 5), ("U", 2), ("Y", 1), ("ä", 3), ("ö", 4), ("ü", 2)])
    private static let a2 = SnowballAmong([
        ("e", 3), ("em", 1), ("en", 3), ("erinnen", 2), ("erin", 2), ("ln", 5), ("ern", 2), ("er", 2), ("s", 4),
        ("es", 3), ("lns", 5),
    ])
    private static let a3 = SnowballAmong([("tick", -1), ("plan", -1), ("geordn", -1), ("intern", -1), ("tr", -1)])
    private static let a4 = SnowballAmong([("en", 1), ("er", 1), ("et", 3), ("st", 2), ("est", 1)])
    private static let a5 = SnowballAmong([("ig", 1), ("lich", 1)])
    private static let a6 = SnowballAmong([
        ("end", 1), ("ig", 2), ("ung", 1), ("lich", 3), ("isch", 2), ("ik", 2), ("heit", 3), ("keit", 4),
    ])
    private static let a7 = SnowballAmong([("'", 1), ("'sch", 1), ("'s", 1)])
    private static let syst = "syst".scalarValues, nis = "nis".scalarValues, ig = "ig".scalarValues
    private static let er = "er".scalarValues, en = "en".scalarValues
    private static let ss = "ss".scalarValues

    /// The stem of a lowercased word given as scalar values.
    static func stem(scalars: [UInt32]) -> [UInt32] {
        var z = SnowballEnv(scalars)
        prelude(&z)
        z.cursor = 0
        var p1 = z.limit, p2 = z.limit
        markRegions(&z, &p1, &p2)
        z.cursor = 0
        z.limitBackward = z.cursor
        z.cursor = z.limit
        standardSuffix(&z, p1, p2)
        z.cursor = z.limitBackward
        postlude(&z)
        return z.result
    }

    private static func prelude(_ z: inout SnowballEnv) {
        let v1 = z.cursor
        outer: while true {
            let v2 = z.cursor
            lab0: do {
                while true {
                    let v3 = z.cursor
                    lab1: do {
                        guard z.inGrouping(isVowel) else { break lab1 }
                        z.bra = z.cursor
                        let v4 = z.cursor
                        lab2: do {
                            guard z.eqChar(u) else { break lab2 }
                            z.ket = z.cursor
                            guard z.inGrouping(isVowel) else { break lab2 }
                            z.sliceFrom([bigU])
                            z.cursor = v3
                            continue outer
                        }
                        z.cursor = v4
                        guard z.eqChar(y) else { break lab1 }
                        z.ket = z.cursor
                        guard z.inGrouping(isVowel) else { break lab1 }
                        z.sliceFrom([bigY])
                        z.cursor = v3
                        continue outer
                    }
                    z.cursor = v3
                    guard z.cursor < z.limit else { break lab0 }
                    z.cursor += 1
                }
            }
            z.cursor = v2
            break
        }
        z.cursor = v1
        while true {
            let v5 = z.cursor
            z.bra = z.cursor
            let amongVar = z.findAmong(a0)
            z.ket = z.cursor
            switch amongVar {
            case 1: z.sliceFrom(ss)
            case 2: z.sliceFrom([ae])
            case 3: z.sliceFrom([oe])
            case 4: z.sliceFrom([ue])
            case 5:
                guard z.cursor < z.limit else {
                    z.cursor = v5
                    return
                }
                z.cursor += 1
            default: break
            }
        }
    }

    private static func markRegions(_ z: inout SnowballEnv, _ p1: inout Int, _ p2: inout Int) {
        p1 = z.limit
        p2 = z.limit
        let v1 = z.cursor
        guard z.cursor + 3 <= z.limit else { return }
        z.cursor += 3
        let x = z.cursor
        z.cursor = v1
        guard z.goOutGrouping(isVowel) else { return }
        z.cursor += 1
        guard z.goInGrouping(isVowel) else { return }
        z.cursor += 1
        p1 = z.cursor
        if p1 < x { p1 = x }
        guard z.goOutGrouping(isVowel) else { return }
        z.cursor += 1
        guard z.goInGrouping(isVowel) else { return }
        z.cursor += 1
        p2 = z.cursor
    }

    private static func postlude(_ z: inout SnowballEnv) {
        while true {
            z.bra = z.cursor
            let amongVar = z.findAmong(a1)
            z.ket = z.cursor
            switch amongVar {
            case 1: z.sliceFrom([y])
            case 2: z.sliceFrom([u])
            case 3: z.sliceFrom([a])
            case 4: z.sliceFrom([o])
            default:
                guard z.cursor < z.limit else { return }
                z.cursor += 1
            }
        }
    }

    private static func standardSuffix(_ z: inout SnowballEnv, _ p1: Int, _ p2: Int) {
        // Step 1
        let v1 = z.limit - z.cursor
        lab0: do {
            z.ket = z.cursor
            let amongVar = z.findAmongB(a2)
            guard amongVar != 0 else { break lab0 }
            z.bra = z.cursor
            guard p1 <= z.cursor else { break lab0 }
            switch amongVar {
            case 1:
                let save = z.cursor
                if z.eqSB(syst) { break lab0 }
                z.cursor = save
                z.sliceDel()
            case 2:
                z.sliceDel()
            case 3:
                z.sliceDel()
                let v2 = z.limit - z.cursor
                z.ket = z.cursor
                if z.eqCharB(s) {
                    z.bra = z.cursor
                    if z.eqSB(nis) {
                        z.sliceDel()
                    } else {
                        z.cursor = z.limit - v2
                    }
                } else {
                    z.cursor = z.limit - v2
                }
            case 4:
                guard z.inGroupingB(isSEnding) else { break lab0 }
                z.sliceDel()
            default:
                z.sliceFrom([0x6C])
            }
        }
        z.cursor = z.limit - v1
        // Step 2
        let v3 = z.limit - z.cursor
        lab0: do {
            z.ket = z.cursor
            let amongVar = z.findAmongB(a4)
            guard amongVar != 0 else { break lab0 }
            z.bra = z.cursor
            guard p1 <= z.cursor else { break lab0 }
            switch amongVar {
            case 1:
                z.sliceDel()
            case 2:
                guard z.inGroupingB(isSTEnding) else { break lab0 }
                guard z.cursor - 3 >= z.limitBackward else { break lab0 }
                z.cursor -= 3
                z.sliceDel()
            default:
                let v4 = z.limit - z.cursor
                guard z.inGroupingB(isETEnding) else { break lab0 }
                z.cursor = z.limit - v4
                let v5 = z.limit - z.cursor
                if z.findAmongB(a3) != 0 { break lab0 }
                z.cursor = z.limit - v5
                z.sliceDel()
            }
        }
        z.cursor = z.limit - v3
        // Step 3: d-suffixes
        let v6 = z.limit - z.cursor
        lab0: do {
            z.ket = z.cursor
            let amongVar = z.findAmongB(a6)
            guard amongVar != 0 else { break lab0 }
            z.bra = z.cursor
            guard p2 <= z.cursor else { break lab0 }
            switch amongVar {
            case 1:
                z.sliceDel()
                let v7 = z.limit - z.cursor
                lab1: do {
                    z.ket = z.cursor
                    guard z.eqSB(ig) else {
                        z.cursor = z.limit - v7
                        break lab1
                    }
                    z.bra = z.cursor
                    if z.cursor > z.limitBackward && z.current[z.cursor - 1] == e {
                        z.cursor = z.limit - v7
                        break lab1
                    }
                    guard p2 <= z.cursor else {
                        z.cursor = z.limit - v7
                        break lab1
                    }
                    z.sliceDel()
                }
            case 2:
                if z.cursor > z.limitBackward && z.current[z.cursor - 1] == e { break lab0 }
                z.sliceDel()
            case 3:
                z.sliceDel()
                let v8 = z.limit - z.cursor
                lab1: do {
                    z.ket = z.cursor
                    if !z.eqSB(er) {
                        guard z.eqSB(en) else {
                            z.cursor = z.limit - v8
                            break lab1
                        }
                    }
                    z.bra = z.cursor
                    guard p1 <= z.cursor else {
                        z.cursor = z.limit - v8
                        break lab1
                    }
                    z.sliceDel()
                }
            default:
                z.sliceDel()
                let v9 = z.limit - z.cursor
                lab1: do {
                    z.ket = z.cursor
                    guard z.findAmongB(a5) != 0 else {
                        z.cursor = z.limit - v9
                        break lab1
                    }
                    z.bra = z.cursor
                    guard p2 <= z.cursor else {
                        z.cursor = z.limit - v9
                        break lab1
                    }
                    z.sliceDel()
                }
            }
        }
        z.cursor = z.limit - v6
        // Apostrophe endings
        let v10 = z.limit - z.cursor
        lab0: do {
            z.ket = z.cursor
            guard z.findAmongB(a7) != 0 else { break lab0 }
            z.bra = z.cursor
            guard z.cursor > z.limitBackward else { break lab0 }
            z.cursor -= 1
            guard z.cursor > z.limitBackward else { break lab0 }
            z.sliceDel()
        }
        z.cursor = z.limit - v10
    }
}
