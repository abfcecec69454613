private import CLibXML2

/// Bare libxml2 walks over a document, with no Swift work per node: the floor the feed parser's speed is
/// measured against in `rundschau-bench parse`.
public enum XMLBaseline {
    /// Walks `bytes` with an `xmlTextReader` loop (what `xmllint --stream` does); returns the node count,
    /// or -1 when the document is not well-formed.
    public static func readerWalk(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
            guard let reader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                xmlReaderForMemory($0, Int32(buffer.count), nil, nil, options)
            }) else { return -1 }
            defer { xmlFreeTextReader(reader) }
            var nodes = 0
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 1 { nodes += 1; continue }
                return status == 0 ? nodes : -1
            }
        }
    }

    /// Walks `bytes` with a SAX2 parse whose only callback counts elements; returns the count, or -1.
    public static func saxWalk(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress,
                  let ctxt = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                      xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
                  }) else { return -1 }
            return countElements(ctxt) { xmlParseDocument($0) }
        }
    }

    /// ``saxWalk(_:)`` through libxml2's push parser, fed the whole document as one chunk.
    public static func saxPushWalk(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress,
                  let ctxt = xmlCreatePushParserCtxt(nil, nil, nil, 0, nil) else { return -1 }
            return countElements(ctxt) { ctxt in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlParseChunk(ctxt, $0, Int32(buffer.count), 1)
                }
            }
        }
    }

    /// Installs the counting SAX2 callbacks on `ctxt`, runs `parse`, frees the context; the element count, or -1
    /// when the document is not well-formed.
    private static func countElements(_ ctxt: xmlParserCtxtPtr, parse: (xmlParserCtxtPtr) -> Int32) -> Int {
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            xmlFreeParserCtxt(ctxt)
        }
        var count = 0
        guard let sax = ctxt.pointee.sax else { return -1 }
        xmlSAXVersion(sax, 2)
        sax.pointee.startElementNs = { ctx, _, _, _, _, _, _, _, _ in
            guard let ctx else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            ctxt.pointee._private?.assumingMemoryBound(to: Int.self).pointee += 1
        }
        sax.pointee.endElementNs = nil
        sax.pointee.characters = { _, _, _ in }
        sax.pointee.cdataBlock = { _, _, _ in }
        sax.pointee.serror = { _, _ in }
        sax.pointee.warning = nil
        sax.pointee.error = nil
        sax.pointee.fatalError = nil
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue))
        return withUnsafeMutablePointer(to: &count) { counter -> Int in
            ctxt.pointee._private = UnsafeMutableRawPointer(counter)
            let status = parse(ctxt)
            ctxt.pointee._private = nil
            return status == 0 && ctxt.pointee.wellFormed != 0 ? counter.pointee : -1
        }
    }
}
