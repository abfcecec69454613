import RundschauText
import Foundation
import Testing
@testable import RundschauXML

/// The building blocks under ``XMLDocumentReader``, tested directly where the reader cannot reach a branch.
@Suite struct XMLEncodingInternalsTests {
    func decide(_ bytes: [UInt8], hint: String? = nil) -> EncodingDecision {
        bytes.withUnsafeBufferPointer { XMLEncodingDetector.decide($0, hint: hint) }
    }

    @Test func byteOrderMarksAndPatterns() {
        #expect(decide([0xFF, 0xFE, 0, 0, 0x3C, 0, 0, 0]).encoding == .utf32(bigEndian: false))
        #expect(decide([0, 0, 0xFE, 0xFF]).bomLength == 4)
        #expect(decide([0xFF, 0xFE, 0x3C, 0]) == EncodingDecision(encoding: .utf16(bigEndian: false), bomLength: 2))
        #expect(decide([0x3C, 0, 0x3F, 0]).encoding == .utf16(bigEndian: false))
        #expect(decide([0, 0x3C, 0, 0x3F]).encoding == .utf16(bigEndian: true))
        #expect(decide([0x3C, 0, 0, 0]).encoding == .utf32(bigEndian: false))
        #expect(decide([0, 0, 0, 0x3C]).encoding == .utf32(bigEndian: true))
        #expect(decide(Array("<?xm".utf8)).encoding == .utf8)
        #expect(decide([0, 0, 0, 0]).encoding == .utf8)  // not a document start: left to the parser to refuse
    }

    @Test func labels() {
        #expect(EncodingLabel.normalize(" \"ISO-8859-1\" ") == "iso-8859-1")
        #expect(EncodingLabel.normalize("text/xml; charset='Windows-1251'") == "windows-1251")
        #expect(EncodingLabel.normalize("text/xml") == nil)
        #expect(EncodingLabel.normalize("utf-8//TRANSLIT") == nil)
        #expect(EncodingLabel.meaning(of: "latin1") == .encoding(.windows1252))
        #expect(EncodingLabel.meaning(of: "shift_jis") == .encoding(.named("CP932")))
        #expect(EncodingLabel.meaning(of: "utf-16le") == .wide("utf-16le"))
    }

    @Test func declarationAfterJunk() {
        let bytes = Array("  junk <?xml version='1.0' encoding = 'koi8-r' ?><r/>".utf8)
        #expect(bytes.withUnsafeBufferPointer { XMLEncodingDetector.declaredEncoding($0) } == "koi8-r")
        let noEncoding = Array("<?xml version='1.0'?><r encoding='x'/>".utf8)
        #expect(noEncoding.withUnsafeBufferPointer { XMLEncodingDetector.declaredEncoding($0) } == nil)
    }

    @Test func builtInHandlerPath() throws {
        // libxml2's own ASCII handler (no iconv): 0x80 is an error it reports, so U+FFFD.
        let bytes: [UInt8] = [0x41, 0x80, 0x42]
        let result = try #require(bytes.withUnsafeBufferPointer { XMLTranscoder.transcode($0, from: "ASCII") })
        #expect(String(decoding: result.utf8, as: UTF8.self) == "A\u{FFFD}B")
        #expect(result.replaced == 1)
    }

    @Test func iconvPathWithOutputLargerThanOneBuffer() throws {
        // 60 KB in, 80 KB out: iconv stops with E2BIG at least once and resumes mid-input.
        let bytes = Array(repeating: [0x41, 0x93, 0xFA] as [UInt8], count: 20_000).flatMap { $0 }
        let result = try #require(bytes.withUnsafeBufferPointer { XMLTranscoder.transcode($0, from: "CP932") })
        #expect(result.replaced == 0)
        #expect(String(decoding: result.utf8, as: UTF8.self) == String(repeating: "A日", count: 20_000))
    }

    @Test func truncatedMultibyteSequenceAtTheEnd() throws {
        let bytes: [UInt8] = [0x93, 0xFA, 0x93]
        let result = try #require(bytes.withUnsafeBufferPointer { XMLTranscoder.transcode($0, from: "Shift_JIS") })
        #expect(String(decoding: result.utf8, as: UTF8.self) == "日\u{FFFD}")
    }

    @Test func unknownNames() {
        #expect(!XMLTranscoder.supports("x-no-such-encoding"))
        #expect(XMLTranscoder.supports("ISO-8859-2"))
        #expect([UInt8]().withUnsafeBufferPointer { XMLTranscoder.transcode($0, from: "nope") } == nil)
    }

    @Test func utf8Validation() {
        func check(_ bytes: [UInt8]) -> UTF8Repair.Validation { bytes.withUnsafeBufferPointer(UTF8Repair.validate) }
        #expect(check(Array("plain ascii, longer than eight bytes".utf8)) == .init(isValid: true, isASCII: true))
        #expect(check(Array("Grüße 😀".utf8)) == .init(isValid: true, isASCII: false))
        #expect(!check([0xC0, 0x80]).isValid)  // overlong
        #expect(!check([0xED, 0xA0, 0x80]).isValid)  // surrogate
        #expect(!check([0xF4, 0x90, 0x80, 0x80]).isValid)  // past U+10FFFF
        #expect(!check([0xE2, 0x82]).isValid)  // truncated
    }

    @Test func windows1252Table() {
        #expect(Windows1252.scalar(0x80) == 0x20AC)
        #expect(Windows1252.scalar(0x81) == 0x81)
        #expect(Windows1252.scalar(0x9F) == 0x178)
        #expect(Windows1252.scalar(0xA0) == 0xA0)
        #expect(Windows1252.scalar(0x41) == 0x41)
    }

    @Test func htmlEntityTable() {
        #expect(HTMLText.namedEntity("nbsp").map { $0.unicodeScalars.map(\.value) } == [0xA0])
        #expect(HTMLText.namedEntity("NotEqualTilde").map { $0.unicodeScalars.map(\.value) } == [0x2242, 0x338])
        #expect(HTMLText.namedEntity("Nbsp").map { $0.unicodeScalars.map(\.value) } == nil)
    }

    func repair(_ xml: String, entities: [String: String] = [:]) throws(XMLError) -> String {
        let repaired = try Array(xml.utf8).withUnsafeBufferPointer { (doc) throws(XMLError) -> [UInt8] in
            try XMLRepair.repair(doc, from: 0, entities: entities, limit: 1 << 20)
        }
        return String(decoding: repaired, as: UTF8.self)
    }

    @Test func repairKeepsWellFormedInputExceptPredefinedEntities() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "&amp;">]><r x="&lt;&#x41;">é<![CDATA[&amp;]]><!--&--></r>"#
        #expect(try repair(xml) == xml.replacingOccurrences(of: "x=\"&lt;", with: "x=\"&#60;"))
    }

    @Test func repairWritesOnlyNumericReferences() throws {
        #expect(try repair("<r>&amp;&lt;&gt;&quot;&apos; & &nbsp; a < b &#1; &#x10FFFF; &#x110000;</r>")
            == "<r>&#38;&#60;&#62;&#34;&#39; &#38; &#xA0; a &#60; b  &#x10FFFF; &#65533;</r>")
        // Past Unicode or a surrogate: U+FFFD; a control character: dropped.
        #expect(try repair("<r>&#1114112;&#55296;&#xDFFF;&#x1F;&#0;</r>") == "<r>&#65533;&#65533;&#65533;</r>")
        #expect(try repair("<r>&#X41;&#x42;&#67;&#xZ;</r>") == "<r>&#65;&#x42;&#67;&#38;#xZ;</r>")
        #expect(try repair("<r>&e;</r>", entities: ["e": "<&\"'>"]) == "<r>&#60;&#38;&#34;&#39;&#62;</r>")
    }
}
