private import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Legacy encodings (ISO-8859-x, Windows-125x, KOI8-R, Shift_JIS, GBK, …) to UTF-8 through libxml2's encoding
/// handlers: `xmlFindCharEncodingHandler` resolves the name and its aliases; the conversion then runs through
/// the handler's built-in function, its iconv descriptor, or `xmlCharEncInFunc` (ICU-backed handlers).
/// A byte that cannot be decoded becomes U+FFFD; conversion never stops early.
enum XMLTranscoder {
    /// Whether libxml2 can decode `name`.
    static func supports(_ name: String) -> Bool {
        withHandler(name) { _ in true } ?? false
    }

    /// `bytes` decoded from `name` to UTF-8, with the number of undecodable sequences replaced by U+FFFD;
    /// nil when libxml2 has no decoder for `name`.
    static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, from name: String) -> (utf8: [UInt8], replaced: Int)? {
        withHandler(name) { handler -> (utf8: [UInt8], replaced: Int)? in
            var converter = Converter(bytes)
            if let input = handler.pointee.input {
                converter.run { out, outLength, input_, inLength in input(out, outLength, input_, inLength) }
            } else if let descriptor = handler.pointee.iconv_in {
                converter.runIconv(descriptor)
            } else if !converter.runEncInFunc(handler) {
                return nil
            }
            return (converter.out, converter.replaced)
        } ?? nil
    }

    private static func withHandler<T>(_ name: String, _ body: (xmlCharEncodingHandlerPtr) -> T) -> T? {
        xmlInitParser()  // thread-safe; makes sure the handler table exists before it is searched
        guard let handler = name.withCString({ xmlFindCharEncodingHandler($0) }) else { return nil }
        defer { xmlCharEncCloseFunc(handler) }  // frees iconv/ICU handlers, leaves built-in ones alone
        return body(handler)
    }
}

/// The conversion loop shared by the three kinds of handler.
private struct Converter {
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    var out: [UInt8] = []
    var replaced = 0
    /// Output room per step: more than three times the input step, the worst growth of any encoding to UTF-8.
    static let step = 16 << 10, room = 64 << 10

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        out.reserveCapacity(input.count + input.count / 2 + 16)
    }

    mutating func skipInvalidByte() {
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        replaced += 1
        position += 1
    }

    /// A built-in libxml2 converter: `(out, &outLength, in, &inLength) -> written or -2`.
    mutating func run(_ convert: (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Int32>, UnsafePointer<UInt8>,
                                  UnsafeMutablePointer<Int32>) -> Int32) {
        guard let base = input.baseAddress else { return }
        var scratch = [UInt8](repeating: 0, count: Self.room)
        while position < input.count {
            var inLength = Int32(min(Self.step, input.count - position))
            var outLength = Int32(Self.room)
            let result = scratch.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let outBase = buffer.baseAddress else { return -1 }
                return convert(outBase, &outLength, base + position, &inLength)
            }
            out.append(contentsOf: scratch[0..<Int(max(0, outLength))])
            position += Int(max(0, inLength))
            if result == -2 || inLength <= 0 { skipInvalidByte() }
        }
    }

    /// An iconv descriptor: EILSEQ and a truncated final sequence cost one U+FFFD per byte skipped.
    mutating func runIconv(_ descriptor: iconv_t) {
        guard let base = input.baseAddress else { return }
        var scratch = [CChar](repeating: 0, count: Self.room)
        let source = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        while position < input.count {
            var inPointer: UnsafeMutablePointer<CChar>? = source + position
            var inLeft = input.count - position
            var produced = 0
            let (result, failure) = scratch.withUnsafeMutableBufferPointer { buffer -> (Int, Int32) in
                var outPointer = buffer.baseAddress
                var outLeft = buffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                produced = buffer.count - outLeft
                return (result, result == -1 ? errno : 0)
            }
            scratch.withUnsafeBytes { out.append(contentsOf: $0.prefix(produced)) }
            position = input.count - inLeft
            if result == -1 && failure != E2BIG { skipInvalidByte() }
        }
        // Stateful encodings (ISO-2022-JP) may owe a final shift sequence.
        scratch.withUnsafeMutableBufferPointer { buffer in
            var outPointer = buffer.baseAddress
            var outLeft = buffer.count
            _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)
            let produced = buffer.count - outLeft
            out.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress, count: produced))
        }
    }

    /// `xmlCharEncInFunc` over small chunks (its error path shifts the input buffer, so chunks stay small);
    /// libxml2's own message for undecodable input is silenced.
    mutating func runEncInFunc(_ handler: xmlCharEncodingHandlerPtr) -> Bool {
        guard let base = input.baseAddress,
              let inBuffer = xmlBufferCreateSize(1024 + 64), let outBuffer = xmlBufferCreateSize(8 << 10) else {
            return false
        }
        // libxml2's error handler is per thread; put back whatever this thread had.
        let previous = __xmlStructuredError()?.pointee, previousContext = __xmlStructuredErrorContext()?.pointee
        xmlSetStructuredErrorFunc(nil, silence)
        defer {
            xmlSetStructuredErrorFunc(previousContext, previous)
            xmlBufferFree(inBuffer)
            xmlBufferFree(outBuffer)
        }
        let chunk = 1024
        var fed = 0  // bytes of `input` handed to inBuffer so far
        while fed < input.count || inBuffer.pointee.use > 0 {
            if fed < input.count, Int(inBuffer.pointee.use) < chunk {
                let take = min(chunk - Int(inBuffer.pointee.use), input.count - fed)
                guard xmlBufferAdd(inBuffer, base + fed, Int32(take)) == 0 else { return false }
                fed += take
            }
            let before = Int(inBuffer.pointee.use)
            let result = xmlCharEncInFunc(handler, outBuffer, inBuffer)
            if outBuffer.pointee.use > 0, let content = outBuffer.pointee.content {
                out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(outBuffer.pointee.use)))
                xmlBufferEmpty(outBuffer)
            }
            let consumed = before - Int(inBuffer.pointee.use)
            let stalled = consumed == 0 && (fed == input.count || before >= chunk)
            if result == -2 || result == -1 || stalled {
                if inBuffer.pointee.use > 0 { xmlBufferShrink(inBuffer, 1) }
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced += 1
            }
        }
        return true
    }
}

private let silence: xmlStructuredErrorFunc = { _, _ in }
