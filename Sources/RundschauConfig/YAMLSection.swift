import Yams

/// A typed, strict view of one YAML mapping: every read names its key, wrong types and unknown keys are
/// errors that name the file, the dotted key and what was expected.
struct YAMLSection {
    let file: String
    let path: String
    private let pairs: [(key: String, value: Node)]
    private var used: Set<String> = []

    init(file: String, path: String, node: Node?) throws(ConfigError) {
        self.file = file
        self.path = path
        guard let node else { pairs = []; return }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            pairs = []; return
        }
        guard case .mapping(let mapping) = node else {
            throw ConfigError(file: file, key: path.isEmpty ? nil : path, message: "expected a mapping of keys to values",
                              line: node.mark.map { $0.line })
        }
        var list: [(String, Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw ConfigError(file: file, key: path, message: "keys must be plain strings", line: key.mark?.line)
            }
            list.append((name, value))
        }
        pairs = list
    }

    private func dotted(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func node(_ key: String) -> Node? {
        used.insert(key)
        guard let node = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, ["~", "null", ""].contains(scalar.string) { return nil }
        return node
    }

    private func fail(_ key: String, _ expected: String, _ node: Node) -> ConfigError {
        let found: String
        switch node {
        case .scalar(let scalar): found = "\"\(scalar.string)\""
        case .mapping: found = "a mapping"
        case .sequence: found = "a list"
        case .alias: found = "an alias"
        }
        return ConfigError(file: file, key: dotted(key), message: "expected \(expected), found \(found)", line: node.mark?.line)
    }

    mutating func string(_ key: String, default value: String) throws(ConfigError) -> String {
        try optionalString(key) ?? value
    }

    mutating func optionalString(_ key: String) throws(ConfigError) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else { throw fail(key, "a string", node) }
        return scalar.string
    }

    mutating func int(_ key: String, default value: Int, in range: ClosedRange<Int> = 0...Int.max) throws(ConfigError) -> Int {
        guard let node = node(key) else { return value }
        guard case .scalar = node, let number = node.int else { throw fail(key, "a whole number", node) }
        guard range.contains(number) else {
            throw ConfigError(file: file, key: dotted(key),
                              message: "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(number)",
                              line: node.mark?.line)
        }
        return number
    }

    mutating func double(_ key: String, default value: Double, in range: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude) throws(ConfigError) -> Double {
        guard let node = node(key) else { return value }
        guard case .scalar = node, let number = node.float ?? node.int.map(Double.init) else { throw fail(key, "a number", node) }
        guard range.contains(number) else {
            throw ConfigError(file: file, key: dotted(key),
                              message: "expected a number from \(range.lowerBound) to \(range.upperBound), found \(number)",
                              line: node.mark?.line)
        }
        return number
    }

    mutating func bool(_ key: String, default value: Bool) throws(ConfigError) -> Bool {
        guard let node = node(key) else { return value }
        guard case .scalar = node, let flag = node.bool else { throw fail(key, "true or false", node) }
        return flag
    }

    mutating func stringList(_ key: String, default value: [String]) throws(ConfigError) -> [String] {
        guard let node = node(key) else { return value }
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard case .sequence(let sequence) = node else { throw fail(key, "a list of strings", node) }
        var out: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else { throw fail(key, "a list of strings", item) }
            out.append(scalar.string)
        }
        return out
    }

    mutating func oneOf(_ key: String, _ choices: [String], default value: String) throws(ConfigError) -> String {
        guard let node = node(key) else { return value }
        guard case .scalar(let scalar) = node, choices.contains(scalar.string) else {
            throw fail(key, "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", "), node)
        }
        return scalar.string
    }

    /// A list of nodes (each to be read as its own section); a missing key is an empty list.
    mutating func list(_ key: String) throws(ConfigError) -> [Node] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else { throw fail(key, "a list", node) }
        return Array(sequence)
    }

    mutating func section(_ key: String) throws(ConfigError) -> YAMLSection {
        try YAMLSection(file: file, path: dotted(key), node: node(key))
    }

    /// Fails on the first key nobody asked for, suggesting the closest known one.
    func finish() throws(ConfigError) {
        for (key, value) in pairs where !used.contains(key) {
            var message = "unknown key"
            if let close = used.min(by: { editDistance($0, key) < editDistance($1, key) }), editDistance(close, key) <= 2 {
                message += " (did you mean \"\(close)\"?)"
            }
            message += "; known keys here: " + used.sorted().joined(separator: ", ")
            throw ConfigError(file: file, key: dotted(key), message: message, line: value.mark?.line)
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
