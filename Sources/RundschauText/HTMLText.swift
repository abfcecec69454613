/// Plain-text views of HTML and entity handling, without a DOM.
public enum HTMLText {
    /// Strips tags, decodes entities (HTML5 named, decimal, hex) and collapses white space: for titles.
    public static func plainText(fromHTML html: String) -> String {
        // STUB: replaced by the full implementation.
        html
    }

    /// Decodes HTML named and numeric character references, leaving unknown ones as they are.
    public static func decodeEntities(_ text: String) -> String {
        // STUB: replaced by the full implementation.
        text
    }

    /// Escapes `&`, `<`, `>` and `"` for HTML or XML text and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
