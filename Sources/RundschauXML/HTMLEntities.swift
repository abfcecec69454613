/// The HTML named character references (`&nbsp;`, `&eacute;`, `&hellip;`, all 2,125 of HTML 5, a superset of
/// the 253 that libxml2's `htmlEntityLookup` knows), for turning the entities feeds borrow from HTML into
/// numeric references that XML understands.
enum HTMLEntities {
    /// The code points of the entity `name` (case-sensitive, without `&` and `;`), or nil.
    static func scalars(named name: String) -> [UInt32]? {
        lookup[name]
    }

    /// Parsed once, on first use.
    private static let lookup: [String: [UInt32]] = {
        var result: [String: [UInt32]] = [:]
        result.reserveCapacity(2200)
        for token in table.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let colon = token.firstIndex(of: ":") else { continue }
            let values = token[token.index(after: colon)...].split(separator: ",").compactMap { UInt32($0, radix: 16) }
            if !values.isEmpty { result[String(token[..<colon])] = values }
        }
        return result
    }()
}
