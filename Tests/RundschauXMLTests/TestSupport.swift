import RundschauXML

/// Reads `bytes` with ``XMLDocumentReader`` into a ``Transcript``: the events and the warnings.
func readDocument(_ bytes: [UInt8], charset: String? = nil, options: XMLParseOptions = XMLParseOptions())
    throws(XMLError) -> (events: [String], warnings: [String]) {
    let result = try XMLDocumentReader.read(bytes, charset: charset, options: options) { Transcript() }
    result.handler.flush()
    return (result.handler.events, result.warnings)
}

/// The error code `body` throws, or nil when it returns.
func errorCode(_ body: () throws(XMLError) -> Void) -> XMLError.Code? {
    do {
        try body()
        return nil
    } catch {
        return error.code
    }
}

/// The XML error `read` throws for these bytes, or nil.
func readError(_ bytes: [UInt8], charset: String? = nil, options: XMLParseOptions = XMLParseOptions()) -> XMLError? {
    do {
        _ = try readDocument(bytes, charset: charset, options: options)
        return nil
    } catch {
        return error
    }
}

func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit -> [UInt8] in
        let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
        return bigEndian ? [high, low] : [low, high]
    }
}

func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.unicodeScalars.flatMap { scalar -> [UInt8] in
        let v = scalar.value
        let bytes = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        return bigEndian ? bytes : bytes.reversed()
    }
}
