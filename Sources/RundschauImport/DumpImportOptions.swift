/// Settings for ``DumpImporter``.
public struct DumpImportOptions: Sendable, Hashable {
    /// The file-name pattern that picks dumps out of directories (`*` and `?` wildcards). Files named
    /// explicitly are imported whatever their name. Default `*.txt`.
    public var pattern: String
    /// Whether directories are searched recursively. Default `true`.
    public var recursive: Bool
    /// The longest title derived from a first sentence, in characters (including the `…`). Default 100.
    public var maxDerivedTitleLength: Int
    /// Files larger than this are refused with ``DumpImportError/Code/tooLarge``. Default 32 MiB.
    public var maxFileSize: Int
    /// Whether each item's language is detected. Default `true`.
    public var detectLanguage: Bool

    public init(
        pattern: String = "*.txt", recursive: Bool = true, maxDerivedTitleLength: Int = 100,
        maxFileSize: Int = 32 << 20, detectLanguage: Bool = true
    ) {
        self.pattern = pattern
        self.recursive = recursive
        self.maxDerivedTitleLength = maxDerivedTitleLength
        self.maxFileSize = maxFileSize
        self.detectLanguage = detectLanguage
    }
}
