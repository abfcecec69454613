/// The text a document's handler kept: captured fields and attribute values one after the other, each
/// addressed by a ``RawString``. Filled by copying, so the per-text-event work is a `memcpy`; a capture that
/// comes to nothing is dropped by resetting the length.
struct CaptureBuffer {
    /// Always fully initialized; the bytes from `count` on are scratch.
    private var storage: [UInt8]
    private(set) var count = 0

    init(capacity: Int) {
        storage = [UInt8](repeating: 0, count: max(16, capacity))
    }

    /// Drops everything from `length` on.
    @inline(__always)
    mutating func truncate(to length: Int) { count = min(count, length) }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let offset = count
        let length = bytes.count
        if offset + length > storage.count { grow(to: offset + length) }
        storage.withUnsafeMutableBufferPointer { target in
            guard let base = target.baseAddress else { return }
            (base + offset).update(from: source, count: length)
        }
        count = offset + length
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == storage.count { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func removeLast() {
        if count > 0 { count -= 1 }
    }

    @inline(__always)
    subscript(index: Int) -> UInt8 { storage[index] }

    /// The bytes in `range` (within `0..<count`), for the duration of `body`.
    @inline(__always)
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private mutating func grow(to minimum: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(minimum, storage.count * 2) - storage.count))
    }
}
