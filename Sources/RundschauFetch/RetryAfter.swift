import Foundation
import RundschauText

/// Reads the `Retry-After` header of a 429 or 503 response (RFC 9110 §10.2.3).
///
/// The header holds either a number of seconds (`120`) or an HTTP-date. Both become an absolute instant, so the
/// store can keep it and the scheduler can refuse to fetch before it, even on `rundschau fetch --all`.
/// ```swift
/// RetryAfter.date(from: "120", now: now)   // now + 2 minutes
/// RetryAfter.date(from: "Wed, 21 Oct 2015 07:28:00 GMT", now: now)
/// ```
public enum RetryAfter {
    /// The instant `value` names, relative to `now` for the seconds form; `nil` when the value is unreadable.
    /// Negative or past values yield `now` (the server allows a retry at once).
    public static func date(from value: String, now: Date) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.allSatisfy(\.isNumber) {
            // Absurdly long digit strings would overflow Int: cap at ten years.
            let seconds = Int(trimmed.prefix(10)).map { min($0, 10 * 365 * 86_400) } ?? 0
            return now.addingTimeInterval(TimeInterval(seconds))
        }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return max(date, now)
    }
}
