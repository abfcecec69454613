import Foundation
import RundschauModel

/// Reads the person forms feeds use in a single string: `email (Name)`, `Name <email>`, a bare name or email.
public enum PersonParser {
    /// Splits `text` into name and email; empty text gives `nil`.
    public static func parse(_ text: String) -> Person? {
        // STUB: replaced by the full implementation.
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : Person(name: trimmed)
    }
}
