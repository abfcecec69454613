import Foundation
import RundschauModel
import RundschauText

/// Reads the person forms feeds use in a single string: `email (Name)`, `Name <email>`, a bare name or email.
public enum PersonParser {
    /// Splits `text` into name and email; empty text gives `nil`.
    ///
    /// Understood forms (white space collapsed, ends trimmed):
    /// - `john@example.com (John Doe)` (RSS 2.0 `author`) and `John Doe (john@example.com)`
    /// - `John Doe <john@example.com>`, `"Doe, John" <john@example.com>`, `<john@example.com>`
    /// - `mailto:` before any address; `Name <https://example.com/john>` and a bare `https://…` give a `uri`
    /// - a bare address gives only `email`; anything else is a bare name, kept whole (`John Doe (Editor)`).
    ///
    /// Quotes around a name are removed. Text with nothing left (`<>`, `()`) gives `nil`.
    public static func parse(_ text: String) -> Person? {
        let collapsed = HTMLText.collapseWhitespace(text)
        if isPlainName(collapsed) { return Person(name: collapsed) }
        return parseCollapsed(collapsed)
    }

    /// `parse` after white space was collapsed, without the fast path for bare names (tests compare the two).
    static func parseCollapsed(_ collapsed: String) -> Person? {
        var s = Substring(collapsed)
        while let last = s.last, last == "," || last == ";" { s = s.dropLast() }
        s = trimmed(s)
        guard !s.isEmpty else { return nil }

        var person = Person()
        if s.hasSuffix(">"), let open = s.lastIndex(of: "<") {
            let inner = trimmed(s[s.index(after: open)..<s.index(before: s.endIndex)])
            let outer = trimmed(s[..<open])
            if !assignAddress(inner, to: &person), !inner.isEmpty {
                person.name = String(s)
                return person
            }
            person.name = cleanName(outer)
        } else if s.hasSuffix(")"), let open = openingParenthesis(of: s) {
            let inner = trimmed(s[s.index(after: open)..<s.index(before: s.endIndex)])
            let outer = trimmed(s[..<open])
            if let email = email(in: outer) {
                person.email = email
                person.name = cleanName(inner)
            } else if let email = email(in: inner) {
                person.email = email
                person.name = cleanName(outer)
            } else if outer.isEmpty {
                person.name = cleanName(inner)
            } else {
                person.name = cleanName(s)
            }
        } else if !assignAddress(s, to: &person) {
            person.name = cleanName(s)
        }
        if person.name != nil, person.name == person.email { person.name = nil }
        return person.isEmpty ? nil : person
    }

    /// True when `text` (white space collapsed) can only be a bare name: it holds none of the characters the
    /// other forms need (`@ < > ( ) , ; : ? "`), has `'` only inside (`O'Neill`; around a name it is a quote to
    /// remove), does not start with a typographic quote (`“ „ « »`) and ends
    /// with an ASCII character or a Latin letter from U+00C0–U+027F (`ß`, `é`: never a quote, never joined to a
    /// preceding space the way a combining mark is), so that the general path would keep it whole as the name.
    private static func isPlainName(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlainName)
    }

    private static func isPlainName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "'"), last != UInt8(ascii: "'")
        else { return false }
        if first >= 0x80 || last >= 0x80 {
            if bytes.count >= 2, bytes[0] == 0xC2, bytes[1] == 0xAB || bytes[1] == 0xBB { return false }  // « »
            if bytes.count >= 3, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] >= 0x9C && bytes[2] <= 0x9E { return false }
            let n = bytes.count
            if last >= 0x80 && !(n >= 2 && bytes[n - 2] >= 0xC3 && bytes[n - 2] <= 0xC9) { return false }
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "@"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "\""):
                return false
            default:
                continue
            }
        }
        return true
    }

    /// Puts an email or a web address into `person`; false when `text` is neither.
    private static func assignAddress(_ text: Substring, to person: inout Person) -> Bool {
        if let email = email(in: text) {
            person.email = email
            return true
        }
        if isWebAddress(text) {
            person.uri = String(text)
            return true
        }
        return false
    }

    /// The address in `text` when it is one (after dropping `mailto:` and a `?query`), else `nil`.
    static func email(in text: Substring) -> String? {
        var s = text
        if s.lowercased().hasPrefix("mailto:") { s = s.dropFirst(7) }
        if let query = s.firstIndex(of: "?") { s = s[..<query] }
        s = trimmed(s)
        guard let at = s.firstIndex(of: "@"), at != s.startIndex, s.index(after: at) != s.endIndex else {
            return nil
        }
        let forbidden: Set<Character> = [" ", "<", ">", "(", ")", ",", ";", "\"", "[", "]", "\\"]
        guard !s.contains(where: { forbidden.contains($0) }), s[s.index(after: at)...].firstIndex(of: "@") == nil
        else { return nil }
        return String(s)
    }

    private static func isWebAddress(_ text: Substring) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !text.contains(" ") && text.count > 8
    }

    /// The `(` matching the final `)`, honouring nesting.
    private static func openingParenthesis(of s: Substring) -> Substring.Index? {
        var depth = 0
        var index = s.endIndex
        while index > s.startIndex {
            index = s.index(before: index)
            if s[index] == ")" { depth += 1 }
            if s[index] == "(" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The name without surrounding quotes; `nil` when nothing is left.
    private static func cleanName(_ text: Substring) -> String? {
        var s = trimmed(text)
        let pairs: [(Character, Character)] = [("\"", "\""), ("'", "'"), ("“", "”"), ("„", "“"), ("«", "»"), ("»", "«")]
        for (open, close) in pairs where s.count >= 2 && s.first == open && s.last == close {
            s = trimmed(s.dropFirst().dropLast())
            break
        }
        return s.isEmpty ? nil : String(s)
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }
}
