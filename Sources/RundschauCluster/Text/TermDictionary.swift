/// Interns terms (stems and name features) as dense integer ids, with a display form for labels.
struct TermDictionary: Sendable {
    private var ids: [String: Int32] = [:]
    /// The interned key of each id (a stem, or `"a b"` for a name pair).
    private(set) var keys: [String] = []
    /// A readable form of each id: the first (folded) word form seen.
    private(set) var surfaces: [String] = []
    /// True for name-like features (acronyms, capitalized pairs).
    private(set) var isName: [Bool] = []

    var count: Int { keys.count }

    /// Estimated heap bytes.
    var bytes: Int {
        MemoryFootprint.dictionary(ids) + MemoryFootprint.array(keys) + MemoryFootprint.array(surfaces) + MemoryFootprint.array(isName)
            + keys.reduce(0) { $0 + MemoryFootprint.heap($1) } + surfaces.reduce(0) { $0 + MemoryFootprint.heap($1) }
    }

    func id(_ key: String) -> Int32? { ids[key] }

    mutating func intern(_ key: String, surface: @autoclosure () -> String, name: Bool = false) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(keys.count)
        ids[key] = id
        keys.append(key)
        surfaces.append(surface())
        isName.append(name)
        return id
    }

    mutating func markName(_ id: Int32) { isName[Int(id)] = true }
}
