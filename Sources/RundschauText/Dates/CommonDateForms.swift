/// The two shapes nearly every feed date takes, read without tokenizing: RFC 3339 as Atom writes it
/// (`2024-06-11T08:15:00Z`, `2024-06-11T08:15:00+02:00`) and RFC 822 as RSS writes it
/// (`Tue, 11 Jun 2024 08:15:00 +0200`, zone `GMT`, `UT` or `UTC`; the weekday and the seconds may be left out, as
/// RFC 822 allows, and the zone may be `Z`).
///
/// Fractions of a second (`.123`) and, in RFC 822, the zone names the grammar knows (`EDT`, `CEST`) are read as
/// the grammar reads them. Anything else, and anything these shapes would read with a doubt (invalid fields, a
/// leap second, hour 24), is `nil` here and goes to the full grammar, which gives the same answer for every text
/// read here (a test checks this against the grammar).
enum CommonDateForms {
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> CivilDateTime? {
        guard b.count >= 16 else { return nil }
        if b[4] == UInt8(ascii: "-") { return b.count >= 20 ? rfc3339(b) : nil }
        if b[3] == UInt8(ascii: ",") { return rfc822(b) }
        if b[0] &- UInt8(ascii: "0") <= 9 { return rfc822(b, from: 0) }
        return nil
    }

    /// `YYYY-MM-DDTHH:MM:SS`, an optional fraction of one to nine digits, then `Z` or `±HH:MM`.
    private static func rfc3339(_ b: UnsafeBufferPointer<UInt8>) -> CivilDateTime? {
        guard b[7] == UInt8(ascii: "-"), b[10] | 0x20 == UInt8(ascii: "t"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
              let hour = digits(b, 11, 2), let minute = digits(b, 14, 2), let second = digits(b, 17, 2)
        else { return nil }
        var i = 19
        var fraction = 0.0
        if b[i] == UInt8(ascii: ".") {
            // As the grammar reads it: the value of the first nine digits over ten to the number of them.
            i += 1
            let start = i
            var value = 0
            while i < b.count, b[i] &- UInt8(ascii: "0") <= 9 {
                if i - start < 9 { value = value * 10 + Int(b[i] &- UInt8(ascii: "0")) }
                i += 1
            }
            guard i > start, i - start <= 9 else { return nil }
            var scale = 1.0
            for _ in 0..<(i - start) { scale *= 10 }
            fraction = Double(value) / scale
        }
        var offset = 0
        if b.count - i == 1 {
            guard b[i] | 0x20 == UInt8(ascii: "z") else { return nil }
        } else {
            guard b.count - i == 6, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: ":"),
                  let hours = digits(b, i + 1, 2), let minutes = digits(b, i + 4, 2), hours <= 23, minutes <= 59
            else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
        }
        var value = checked(year, month, day, hour, minute, second, offset)
        value?.fraction = fraction
        return value
    }

    /// `[Www, ]D[D] Mon YYYY HH:MM[:SS]` then ` ±HHMM`, ` Z` or a zone name of two to four capitals.
    private static func rfc822(_ b: UnsafeBufferPointer<UInt8>) -> CivilDateTime? {
        guard isWeekday(b[0], b[1], b[2]), b[3] == UInt8(ascii: ","), b[4] == UInt8(ascii: " ") else { return nil }
        return rfc822(b, from: 5)
    }

    /// The RFC 822 date from the day on, which starts at `start`.
    private static func rfc822(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> CivilDateTime? {
        var i = start
        guard let day = number(b, &i, maxDigits: 2), i < b.count, b[i] == UInt8(ascii: " "), i + 4 < b.count,
              let month = month(b[i + 1], b[i + 2], b[i + 3]), b[i + 4] == UInt8(ascii: " ")
        else { return nil }
        i += 5
        guard i + 12 <= b.count, let year = digits(b, i, 4), b[i + 4] == UInt8(ascii: " "),
              let hour = digits(b, i + 5, 2), b[i + 7] == UInt8(ascii: ":"), let minute = digits(b, i + 8, 2)
        else { return nil }
        i += 10
        var second = 0
        var precision = DatePrecision.minute
        if b[i] == UInt8(ascii: ":") {
            guard i + 4 <= b.count, let value = digits(b, i + 1, 2) else { return nil }
            second = value
            precision = .second
            i += 3
        }
        guard b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        let zone = b.count - i
        var offset = 0
        if zone == 5, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let hours = digits(b, i + 1, 2), let minutes = digits(b, i + 3, 2), hours <= 23, minutes <= 59
            else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
        } else if zone == 1 && b[i] == UInt8(ascii: "Z") {
            offset = 0
        } else if zone >= 2 && zone <= 4, let minutes = zoneName(UnsafeBufferPointer(rebasing: b[i...])) {
            offset = minutes * 60
        } else {
            return nil
        }
        var value = checked(year, month, day, hour, minute, second, offset)
        value?.precision = precision
        return value
    }

    /// A zone abbreviation in capitals (`GMT`, `EDT`, `CEST`) the grammar knows, as minutes east of UTC.
    private static func zoneName(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        // The usual ones without a string: GMT, UTC, UT.
        if b.count == 3, (b[0], b[1], b[2]) == (0x47, 0x4D, 0x54) || (b[0], b[1], b[2]) == (0x55, 0x54, 0x43) {
            return 0
        }
        if b.count == 2, b[0] == UInt8(ascii: "U"), b[1] == UInt8(ascii: "T") { return 0 }
        var lower = ""
        for byte in b {
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { return nil }
            lower.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
        }
        return ZoneAbbreviations.offsetMinutes(lower)
    }

    private static func checked(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, _ offset: Int
    ) -> CivilDateTime? {
        guard year >= 1000, hour <= 23, second <= 59 else { return nil }
        let value = CivilDateTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset,
            precision: .second)
        return value.isValid ? value : nil
    }

    /// Exactly `count` ASCII digits at `start`.
    @inline(__always)
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for k in start..<(start + count) {
            let d = b[k] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// One to `maxDigits` digits at `i`, not followed by another digit.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, maxDigits: Int) -> Int? {
        var value = 0
        let start = i
        while i < b.count, b[i] &- UInt8(ascii: "0") <= 9 {
            guard i - start < maxDigits else { return nil }
            value = value * 10 + Int(b[i] &- UInt8(ascii: "0"))
            i += 1
        }
        return i > start ? value : nil
    }

    private static func isWeekday(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b, c) {
        case (0x4D, 0x6F, 0x6E), (0x54, 0x75, 0x65), (0x57, 0x65, 0x64), (0x54, 0x68, 0x75), (0x46, 0x72, 0x69),
             (0x53, 0x61, 0x74), (0x53, 0x75, 0x6E):  // Mon Tue Wed Thu Fri Sat Sun
            return true
        default:
            return false
        }
    }

    private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        switch (a, b, c) {
        case (0x4A, 0x61, 0x6E): return 1  // Jan
        case (0x46, 0x65, 0x62): return 2  // Feb
        case (0x4D, 0x61, 0x72): return 3  // Mar
        case (0x41, 0x70, 0x72): return 4  // Apr
        case (0x4D, 0x61, 0x79): return 5  // May
        case (0x4A, 0x75, 0x6E): return 6  // Jun
        case (0x4A, 0x75, 0x6C): return 7  // Jul
        case (0x41, 0x75, 0x67): return 8  // Aug
        case (0x53, 0x65, 0x70): return 9  // Sep
        case (0x4F, 0x63, 0x74): return 10  // Oct
        case (0x4E, 0x6F, 0x76): return 11  // Nov
        case (0x44, 0x65, 0x63): return 12  // Dec
        default: return nil
        }
    }
}
