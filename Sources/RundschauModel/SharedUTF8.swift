import Foundation

/// UTF-8 bytes a parser kept from one document, shared by the entries whose text is a range of them
/// (``LazyText``). Immutable once made, hence sendable.
package final class SharedUTF8: @unchecked Sendable {
    /// The bytes; `nil` when there are none.
    package let base: UnsafePointer<UInt8>?
    package let count: Int

    /// Adopts `count` bytes at `base`, allocated with `malloc` (or `realloc`): freed when the last user lets go.
    /// The caller must not touch them afterwards.
    package init(adoptingMallocated base: UnsafeMutablePointer<UInt8>?, count: Int) {
        self.base = base.map { UnsafePointer($0) }
        self.count = base == nil ? 0 : count
    }

    deinit { free(UnsafeMutableRawPointer(mutating: base)) }

    /// The bytes in `range`, for the duration of `body`.
    @inline(__always)
    package func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "SharedUTF8 range out of bounds")
        return body(UnsafeBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count))
    }
}
