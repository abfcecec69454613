/// The text a document's handler kept: captured fields and attribute values one after the other, each
/// addressed by a ``RawString``. Filled by copying, so the per-text-event work is a `memcpy`; a capture that
/// comes to nothing is dropped by shortening the buffer, which keeps its capacity.
struct CaptureBuffer {
    /// The bytes kept so far (the array's capacity is the buffer's).
    private var storage: [UInt8] = []

    init(capacity: Int) {
        storage.reserveCapacity(max(16, capacity))
    }

    @inline(__always)
    var count: Int { storage.count }

    /// Drops everything from `length` on.
    @inline(__always)
    mutating func truncate(to length: Int) {
        if length < storage.count { storage.removeLast(storage.count - length) }
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        storage.append(contentsOf: bytes)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        storage.append(byte)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func removeLast() {
        if !storage.isEmpty { storage.removeLast() }
    }

    @inline(__always)
    subscript(index: Int) -> UInt8 { storage[index] }

    /// The bytes in `range` (within `0..<count`), for the duration of `body`.
    @inline(__always)
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
