import Foundation
import RundschauText
import RundschauXML

extension OPMLDocument {
    /// Reads an OPML 1.0 or 2.0 file.
    ///
    /// Attribute names are matched case-insensitively (`xmlUrl`, `xmlURL`, `xmlurl`; `url` stands in for a missing
    /// `xmlUrl` on `rss`-typed outlines), missing titles fall back to `text`, then to nothing. The bytes may be
    /// UTF-8, UTF-16 with a BOM, or Latin-1/Windows-1252 (declared or guessed). Sloppy XML (a bare `&` in a title)
    /// is recovered with a warning.
    /// - Throws: ``OPMLError`` when the bytes are not XML or the root is not `<opml>`.
    public static func parse(_ bytes: [UInt8], url: URL? = nil) throws(OPMLError) -> OPMLDocument {
        var warnings: [String] = []
        let utf8 = OPMLReader.utf8(bytes, warnings: &warnings)
        let reader = OPMLReader()
        do {
            _ = try XMLStreamParser.parse(utf8, handler: reader)
        } catch let strict where strict.code == .notWellFormed {
            let retry = OPMLReader()
            do {
                let report = try XMLStreamParser.parse(utf8, options: XMLParseOptions(recover: true), handler: retry)
                guard retry.sawRoot else { throw strict }
                warnings.append("recovered from malformed XML: \(report.diagnostics.first?.description ?? strict.message)")
                return try retry.document(warnings: warnings, url: url)
            } catch {
                throw OPMLError("not an OPML document: \(strict.description)", url: url, underlying: strict)
            }
        } catch {
            throw OPMLError("not an OPML document: \(error.description)", url: url, underlying: error)
        }
        return try reader.document(warnings: warnings, url: url)
    }
}

/// The SAX handler behind ``OPMLDocument/parse(_:url:)``.
final class OPMLReader: XMLEventHandler {
    private(set) var sawRoot = false
    private var rootName: String?
    private var version: String?
    private var title: String?
    private var dateCreated: String?
    private var dateModified: String?
    private var ownerName: String?
    private var docs: String?
    private var elementStack: [String] = []
    private var text: [UInt8] = []
    /// Open outlines; the bottom entry collects the body's top-level outlines.
    private var outlineStack: [OPMLOutline] = [OPMLOutline()]
    private var skipped = 0

    func startElement(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]) {
        let name = localName.lowercased()
        if elementStack.isEmpty {
            rootName = localName
            sawRoot = name == "opml"
            version = attributes.first { $0.localName.lowercased() == "version" }?.value
        }
        elementStack.append(name)
        text.removeAll(keepingCapacity: true)
        guard name == "outline", elementStack.contains("body") else { return }
        var values: [String: String] = [:]
        for attribute in attributes where attribute.namespace == nil {
            values[attribute.localName.lowercased()] = attribute.value
        }
        func value(_ key: String) -> String? {
            guard let raw = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        var xmlURL = value("xmlurl")
        if xmlURL == nil, let type = value("type")?.lowercased(), ["rss", "atom", "feed"].contains(type) {
            xmlURL = value("url")
            if xmlURL == nil { skipped += 1 }
        }
        outlineStack.append(OPMLOutline(
            text: value("text"), title: value("title"), type: value("type"), xmlURL: xmlURL,
            htmlURL: value("htmlurl"), description: value("description"), language: value("language"),
            category: value("category")))
    }

    func endElement(localName: String, prefix: String?, namespace: String?) {
        let name = elementStack.popLast() ?? ""
        let content = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        text.removeAll(keepingCapacity: true)
        switch name {
        case "outline" where outlineStack.count > 1:
            let outline = outlineStack.removeLast()
            outlineStack[outlineStack.count - 1].children.append(outline)
        case "title" where elementStack.last == "head":
            title = content.isEmpty ? nil : content
        case "datecreated" where elementStack.last == "head":
            dateCreated = content
        case "datemodified" where elementStack.last == "head":
            dateModified = content
        case "ownername" where elementStack.last == "head":
            ownerName = content.isEmpty ? nil : content
        case "docs" where elementStack.last == "head":
            docs = content.isEmpty ? nil : content
        default:
            break
        }
    }

    func characters(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let last = elementStack.last, Self.headFields.contains(last) else { return }
        text.append(contentsOf: utf8)
    }

    func document(warnings: [String], url: URL?) throws(OPMLError) -> OPMLDocument {
        guard sawRoot else {
            throw OPMLError("not an OPML document: the root element is <\(rootName ?? "?")>", url: url)
        }
        // Close outlines a recovered (truncated) document left open.
        while outlineStack.count > 1 {
            let outline = outlineStack.removeLast()
            outlineStack[outlineStack.count - 1].children.append(outline)
        }
        var warnings = warnings
        if skipped > 0 { warnings.append("\(skipped) feed outline(s) without a URL skipped") }
        func date(_ text: String?, _ name: String) -> Date? {
            guard let text, !text.isEmpty else { return nil }
            let parsed = HTTPDate.parse(text)
            if parsed == nil { warnings.append("unreadable \(name) '\(text)'") }
            return parsed
        }
        return OPMLDocument(
            title: title, dateCreated: date(dateCreated, "dateCreated"), dateModified: date(dateModified, "dateModified"),
            ownerName: ownerName, docs: docs, version: version, outlines: outlineStack[0].children, warnings: warnings)
    }

    /// The `head` elements whose text is kept (lowercased names).
    private static let headFields: Set<String> = ["title", "datecreated", "datemodified", "ownername", "docs"]

    /// The bytes as UTF-8 without BOM: UTF-16 by BOM, Latin-1/Windows-1252 by declaration or when not UTF-8.
    static func utf8(_ bytes: [UInt8], warnings: inout [String]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return bytes.withUnsafeBufferPointer {
                WideEncodingDecoder.decodeUTF16(UnsafeBufferPointer(rebasing: $0[2...]), bigEndian: bytes[0] == 0xFE).utf8
            }
        }
        let declaration = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
        let latin = ["iso-8859-1", "iso-8859-15", "latin1", "windows-1252", "cp1252", "us-ascii"]
            .contains { declaration.contains("encoding=\"\($0)\"") || declaration.contains("encoding='\($0)'") }
        if latin { return bytes.withUnsafeBufferPointer { Windows1252.decode($0) } }
        guard let (repaired, _) = bytes.withUnsafeBufferPointer({ UTF8Repair.repair($0) }) else { return bytes }
        warnings.append("not valid UTF-8: read as Windows-1252")
        return repaired
    }
}
