import RundschauText

/// The HTML named character references (`&nbsp;`, `&eacute;`, all 2,125 of HTML 5, a superset of the 253 that
/// libxml2's `htmlEntityLookup` knows), for turning the entities feeds borrow from HTML into numeric references
/// that XML understands. The table itself lives in RundschauText.
enum HTMLEntities {
    /// The code points of the entity `name` (case-sensitive, without `&` and `;`), or nil.
    static func scalars(named name: String) -> [UInt32]? {
        HTMLText.namedEntity(name).map { $0.unicodeScalars.map(\.value) }
    }
}
