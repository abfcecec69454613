import Foundation
import Testing
@testable import RundschauImport

/// Decoding (UTF-8, Windows-1252 fallback, UTF-16) and text normalization.
@Suite struct DumpDecoderTests {
    static func decode(_ bytes: [UInt8]) -> String? {
        try? DumpDecoder.decode(bytes).get().text
    }

    @Test func utf8PassesThrough() {
        #expect(Self.decode(Array("Grüße – „Zitat“ €".utf8)) == "Grüße – „Zitat“ €")
    }

    @Test func invalidUTF8BytesAreReadAsWindows1252() throws {
        // `Grüße aus München` in Latin-1, then a valid UTF-8 en dash, then Windows-1252 „ € ”.
        var bytes: [UInt8] = [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x20, 0x61, 0x75, 0x73, 0x20, 0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E]
        bytes += Array(" – ".utf8) + [0x84, 0x80, 0x94]
        let decoded = try DumpDecoder.decode(bytes).get()
        #expect(decoded.text == "Grüße aus München – „€”")
        #expect(decoded.fallbackBytes == 6)
    }

    @Test func truncatedAndOverlongSequencesFallBack() {
        #expect(Self.decode([0x41, 0xC3]) == "AÃ")  // a lead byte at the end
        #expect(Self.decode([0xC0, 0xAF, 0x41]) == "À¯A")  // overlong `/`
        #expect(Self.decode([0xED, 0xA0, 0x80]) == "í\u{A0}€")  // an encoded surrogate
    }

    @Test func utf16WithByteOrderMark() {
        let text = "Grüße\naus Köln"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(Self.decode(le) == text)
        #expect(Self.decode(be) == text)
    }

    @Test func emptyAndBinaryInputIsRefused() {
        #expect(DumpDecoder.decode([]) == .failure(.empty))
        #expect(DumpDecoder.decode(Array("PNG\u{0}\u{0}data".utf8)) == .failure(.binary("binary file (NUL bytes)")))
        let controls = [UInt8](repeating: 0x01, count: 10) + Array("some text".utf8)
        #expect(DumpDecoder.decode(controls) == .failure(.binary("binary file (mostly non-text bytes)")))
        // Pseudo-random high bytes without NUL: compressed or encrypted data.
        var state: UInt32 = 12345
        let noise: [UInt8] = (0..<512).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16) | 0x80
        }
        #expect(DumpDecoder.decode(noise) == .failure(.binary("binary file (mostly non-text bytes)")))
    }

    @Test func normalizerUnifiesLineEndingsAndSpaces() {
        let text = "\u{FEFF}Zeile\u{A0}eins  \r\nZeile\u{2009}zwei\rZeile\u{202F}drei\u{3000}\n\tEin\u{AD}rückung\u{200B} \u{2028}Ende\u{2003}\u{2003}gut"
        #expect(DumpTextNormalizer.lines(of: text) == ["Zeile eins", "Zeile zwei", "Zeile drei", "Einrückung", "Ende gut"])
    }

    @Test func normalizerKeepsBlankLinesAndDropsControls() {
        let text = "A\u{7}b\n\n \u{A0} \n\u{2029}C"
        #expect(DumpTextNormalizer.lines(of: text) == ["Ab", "", "", "", "", "C"])
    }

    @Test func softHyphensAndNoBreakSpacesDisappearFromImportedText() throws {
        let text = "Kultur\n\nMuseums\u{AD}insel bekommt neues Besucher\u{AD}zentrum\n\nNach sieben Jahren Bauzeit öffnet am\u{A0}Wochenende das neue Eingangs\u{AD}gebäude der Berliner Museumsinsel. Es soll den Andrang verteilen.\n"
        let entries = try DumpImporter().importData(Array(text.utf8), name: "shy.txt")
        #expect(entries.first?.title == "Museumsinsel bekommt neues Besucherzentrum")
        #expect(entries.first.map(paragraphs) == [
            "Nach sieben Jahren Bauzeit öffnet am Wochenende das neue Eingangsgebäude der Berliner Museumsinsel. Es soll den Andrang verteilen.",
        ])
    }
}
