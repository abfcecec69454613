import Foundation
import RundschauModel
import RundschauXML

/// The text a document's handler kept: captured fields and attribute values one after the other, each
/// addressed by a ``RawString``. Filled by copying, so the per-text-event work is a `memcpy`; a capture that
/// comes to nothing is dropped by shortening the buffer, which keeps its capacity.
///
/// The bytes live in the ``XMLTextSink`` the dispatch handler gives the XML parser, which copies the text of a
/// field being captured straight into them, without an event (``SAXState`` sets the sink's mode). The buffer
/// does not own the sink nor its memory: ``FeedDispatchHandler`` frees both, unless the memory was handed over
/// to the feed (``share()``). The memory comes from `malloc`, so that it can be grown and shrunk in place.
struct CaptureBuffer {
    private let sink: UnsafeMutablePointer<XMLTextSink>

    /// Allocates room for `capacity` bytes in `sink` (freeing any buffer it had).
    init(sink: UnsafeMutablePointer<XMLTextSink>, capacity: Int) {
        self.sink = sink
        let capacity = max(16, capacity)
        sink.pointee = XMLTextSink(
            mode: .discard, base: Self.reallocate(sink.pointee.base, capacity: capacity), count: 0, capacity: capacity)
    }

    /// Frees the memory of a sink's buffer (if it has one) and the sink.
    static func free(_ sink: UnsafeMutablePointer<XMLTextSink>) {
        Foundation.free(sink.pointee.base)
        sink.deallocate()
    }

    /// Hands the bytes over to a ``SharedUTF8`` (shrunk to their count when much room is left), leaving the
    /// buffer empty and without memory: the feed's lazily read texts (``LazyText``) are ranges of them.
    func share() -> SharedUTF8 {
        var base = sink.pointee.base
        let count = sink.pointee.count
        if sink.pointee.capacity - count > 4096 { base = Self.reallocate(base, capacity: max(count, 1)) }
        sink.pointee = XMLTextSink(mode: .discard)
        return SharedUTF8(adoptingMallocated: base, count: count)
    }

    @inline(__always)
    var count: Int { sink.pointee.count }

    /// What the XML parser does with character data from now on.
    @inline(__always)
    func route(_ mode: XMLTextSink.Mode) { sink.pointee.mode = mode }

    /// Drops everything from `length` on.
    @inline(__always)
    mutating func truncate(to length: Int) {
        if length < sink.pointee.count { sink.pointee.count = max(0, length) }
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let end = reserve(bytes.count)
        end.update(from: source, count: bytes.count)
        sink.pointee.count += bytes.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        sink.pointee.count += 1
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func removeLast() {
        if sink.pointee.count > 0 { sink.pointee.count -= 1 }
    }

    @inline(__always)
    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < sink.pointee.count, "capture buffer index out of range")
        return sink.pointee.base.unsafelyUnwrapped[index]
    }

    /// The bytes in `range` (within `0..<count`), for the duration of `body`.
    @inline(__always)
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(range.lowerBound >= 0 && range.upperBound <= sink.pointee.count, "capture buffer range out of bounds")
        return body(UnsafeBufferPointer(start: sink.pointee.base.map { $0 + range.lowerBound }, count: range.count))
    }

    /// Room for `extra` more bytes: where they go.
    @inline(__always)
    private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        let count = sink.pointee.count
        if extra > sink.pointee.capacity - count { grow(to: count + extra) }
        return sink.pointee.base.unsafelyUnwrapped + count
    }

    /// Moves the bytes to a buffer of at least `needed` bytes (doubling).
    @inline(never)
    private mutating func grow(to needed: Int) {
        let capacity = max(needed, sink.pointee.capacity * 2, 16)
        sink.pointee.base = Self.reallocate(sink.pointee.base, capacity: capacity)
        sink.pointee.capacity = capacity
    }

    /// `realloc`, which keeps the bytes (up to the new capacity); `malloc` for `nil`.
    private static func reallocate(_ base: UnsafeMutablePointer<UInt8>?, capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = realloc(base, capacity) else { fatalError("out of memory: \(capacity) bytes for the capture buffer") }
        return memory.bindMemory(to: UInt8.self, capacity: capacity)
    }
}
