@testable import RundschauXML
import RundschauText
import Testing

/// The attribute prescan skips tags by where the next `<` is: it must
/// answer exactly as a plain byte-by-byte scan of every tag does.
@Suite struct XMLAttributeScanTests {
    /// The straightforward scan: every tag from its `<` to its end, counting `=` outside quoted values.
    private func reference(_ bytes: [UInt8], limit: Int) -> Int? {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x3C else { i += 1; continue }
            let tagStart = i
            var j = i + 1
            i = j
            guard j < bytes.count else { break }
            let first = bytes[j]
            guard ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A) || first == 0x5F || first == 0x3A || first >= 0x80
            else { continue }
            var attributes = 0
            var quote: UInt8 = 0
            var afterEquals = false
            scan: while j < bytes.count {
                let byte = bytes[j]
                if quote != 0 {
                    if byte == quote { quote = 0 } else if byte == 0x3C { break scan }
                } else {
                    switch byte {
                    case 0x3E, 0x3C: break scan
                    case 0x3D:
                        attributes += 1
                        if attributes > limit { return tagStart }
                        afterEquals = true
                    case 0x22, 0x27:
                        if afterEquals { quote = byte }
                        afterEquals = false
                    case 0x20, 0x09, 0x0A, 0x0D: break
                    default: afterEquals = false
                    }
                }
                j += 1
            }
            i = j
        }
        return nil
    }

    private func fast(_ bytes: [UInt8], limit: Int) -> Int? {
        bytes.withUnsafeBytes { XMLAttributeScan.firstTag(in: $0, withMoreThan: limit) }
    }

    @Test func agreesWithAPlainScanOnRandomMarkup() {
        // Bytes drawn from the ones the scan cares about, plus letters and non-ASCII, in short and long runs.
        let alphabet: [UInt8] = Array("<<>==\"'  ab=x\u{9}\n".utf8) + [0xC3, 0xA9, 0x80]
        var generator = SplitMix64(seed: 42)
        for round in 0..<4000 {
            let length = Int(generator.next() % (round % 2 == 0 ? 64 : 700))
            var bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            if round % 5 == 0 { bytes = Array("<r ".utf8) + bytes }
            for limit in [0, 1, 2, 3, 7, 16] {
                #expect(fast(bytes, limit: limit) == reference(bytes, limit: limit), "round \(round), limit \(limit)")
            }
        }
    }

    @Test func findsTheFirstOffendingTagAtAnyAlignment() {
        for padding in 0..<17 {
            let tag = "<r " + (0..<5).map { "a\($0)=\"v\"" }.joined(separator: " ") + ">"
            let document = Array((String(repeating: "x", count: padding) + "<ok a=\"1\">" + tag + "text").utf8)
            #expect(fast(document, limit: 4) == padding + 10)
            #expect(fast(document, limit: 5) == nil)
        }
    }
}

