/// Where the parser puts character data itself, without an event: a handler that collects text into a byte
/// buffer of its own offers one (``XMLSymbolHandler/textSink``), and is called for character data only when the
/// sink says so or is full.
///
/// The handler keeps the sink up to date as its interest changes (``mode``), and owns `base`: the parser only
/// copies into `base[count..<capacity]` and advances `count`. When a piece does not fit, the parser calls the
/// handler's ``XMLSymbolHandler/characters(_:)`` instead, which may grow the buffer (and update the sink).
public struct XMLTextSink {
    /// What the parser does with character data.
    public enum Mode: UInt8 {
        /// Drops it: the handler has no use for it, and gets no event.
        case discard
        /// Appends it at `base + count` when it fits, else calls ``XMLSymbolHandler/characters(_:)``.
        case append
        /// Calls ``XMLSymbolHandler/characters(_:)`` (the handler transforms the text, or keeps no buffer).
        case deliver
    }

    public var mode: Mode
    /// The start of the handler's buffer; `nil` for none.
    public var base: UnsafeMutablePointer<UInt8>?
    /// How many bytes of the buffer are used.
    public var count: Int
    /// How many bytes the buffer has room for.
    public var capacity: Int

    public init(mode: Mode = .deliver, base: UnsafeMutablePointer<UInt8>? = nil, count: Int = 0, capacity: Int = 0) {
        self.mode = mode
        self.base = base
        self.count = count
        self.capacity = capacity
    }
}
