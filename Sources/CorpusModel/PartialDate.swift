// Partial dates: a year, a month of a year, or a day. Dates in news text are rarely complete,
// and the granularity an article gives is kept rather than invented.

public enum Granularity: String, Sendable, Codable, Comparable, CaseIterable {
    case year, month, day

    var rank: Int { self == .year ? 0 : self == .month ? 1 : 2 }
    public static func < (a: Granularity, b: Granularity) -> Bool { a.rank < b.rank }
}

/// A calendar date known to the year, the month or the day (proleptic Gregorian).
/// Ordered chronologically; a coarser date sorts before the finer dates it contains
/// ("1961" < "1961-01" < "1961-01-01").
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// year << 9 | month << 5 | day (0 = not given): four bytes, so millions of dates stay small.
    let packed: UInt32

    /// The four-byte form (for the gazetteer cache).
    init?(packed: UInt32) {
        let y = Int(packed >> 9), m = Int((packed >> 5) & 0xF), d = Int(packed & 0x1F)
        self.init(year: y, month: m == 0 ? nil : m, day: d == 0 ? nil : d)
    }

    public var year: Int { Int(packed >> 9) }
    public var month: Int? { let m = Int((packed >> 5) & 0xF); return m == 0 ? nil : m }
    public var day: Int? { let d = Int(packed & 0x1F); return d == 0 ? nil : d }

    /// Fails unless the month is 1...12 and the day exists in that month (a day needs a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month { guard (1...12).contains(month) else { return nil } }
        if let day {
            guard let month, day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        }
        packed = UInt32(year) << 9 | UInt32(month ?? 0) << 5 | UInt32(day ?? 0)
    }

    public var granularity: Granularity { day != nil ? .day : month != nil ? .month : .year }
    /// The decade's first year: 1957 -> 1950.
    public var decade: Int { year - ((year % 10) + 10) % 10 }

    /// ISO 8601 text at the date's own granularity: "1957", "1961-06", "2025-10-09".
    public var iso: String {
        var s = String(year)
        while s.count < 4 { s = "0" + s }
        if let month { s += month < 10 ? "-0\(month)" : "-\(month)" }
        if let day { s += day < 10 ? "-0\(day)" : "-\(day)" }
        return s
    }
    public var description: String { iso }

    /// Parses "1957", "1961-06" or "2025-10-09".
    public init?(iso text: some StringProtocol) {
        // YYYY, YYYY-MM or YYYY-MM-DD, digits only: parsed on the bytes.
        var values: [Int] = []
        var current = 0, digits = 0
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 { current = current * 10 + Int(b - 0x30); digits += 1; continue }
            guard b == 0x2D, digits == (values.isEmpty ? 4 : 2) else { return nil }
            values.append(current); current = 0; digits = 0
        }
        guard digits == (values.isEmpty ? 4 : 2), values.count < 3 else { return nil }
        values.append(current)
        self.init(year: values[0], month: values.count > 1 ? values[1] : nil, day: values.count > 2 ? values[2] : nil)
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool { a.packed < b.packed }

    /// The same date at a coarser granularity.
    public func truncated(to g: Granularity) -> PartialDate {
        switch g {
        case .year: return PartialDate(year: year)!
        case .month: return month == nil ? self : PartialDate(year: year, month: month)!
        case .day: return self
        }
    }

    /// True when one date contains the other ("2019" contains "2019-02-27").
    public func isCompatible(with other: PartialDate) -> Bool {
        let g = min(granularity, other.granularity)
        return truncated(to: g) == other.truncated(to: g)
    }

    /// First and last day covered, as day numbers since 0001-01-01 (for overlap tests).
    public var dayRange: ClosedRange<Int> {
        let firstMonth = month ?? 1, lastMonth = month ?? 12
        let first = PartialDate.dayNumber(year: year, month: firstMonth, day: day ?? 1)
        let last = PartialDate.dayNumber(year: year, month: lastMonth,
                                         day: day ?? PartialDate.daysIn(month: lastMonth, year: year))
        return first...last
    }

    /// 0 = Sunday ... 6 = Saturday (for a date known to the day).
    public var weekday: Int? {
        guard let month, let day else { return nil }
        return (PartialDate.dayNumber(year: year, month: month, day: day) + 3) % 7
    }

    /// This date moved by whole days (needs a day).
    public func adding(days n: Int) -> PartialDate? {
        guard let month, let day else { return nil }
        return PartialDate.fromDayNumber(PartialDate.dayNumber(year: year, month: month, day: day) + n)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day number in the March-based proleptic Gregorian count (0000-03-01 is day 0).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let m = (month + 9) % 12
        let y = year - m / 10
        return 365 * y + y / 4 - y / 100 + y / 400 + (m * 306 + 5) / 10 + (day - 1)
    }

    static func fromDayNumber(_ n: Int) -> PartialDate? {
        var y = (10000 * n + 14780) / 3652425
        var ddd = n - (365 * y + y / 4 - y / 100 + y / 400)
        if ddd < 0 { y -= 1; ddd = n - (365 * y + y / 4 - y / 100 + y / 400) }
        let mi = (100 * ddd + 52) / 3060
        let mm = (mi + 2) % 12 + 1
        y += (mi + 2) / 12
        let dd = ddd - (mi * 306 + 5) / 10 + 1
        return PartialDate(year: y, month: mm, day: dd)
    }

    // Codable as the ISO text form.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = PartialDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO partial date: \(s)")
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
