// Stage 5: time expressions, absolute and relative, resolved against the publication date.

/// A time expression found in a sentence.
public struct TimeExpression: Sendable, Hashable {
    // Twenty bytes: a corpus holds hundreds of thousands of them.
    private var start32: Int32
    private var end32: Int32
    private var sentenceAndFlag: UInt32 // sentence << 1 | relative
    private var startDate: UInt32       // PartialDate.packed
    private var endDate: UInt32         // PartialDate.packed, 0: none

    /// UTF-8 byte range in the document's NFC text.
    public var range: Range<Int> {
        get { Int(start32)..<Int(end32) }
        set { start32 = Int32(newValue.lowerBound); end32 = Int32(newValue.upperBound) }
    }
    public var sentence: Int {
        get { Int(sentenceAndFlag >> 1) }
        set { sentenceAndFlag = UInt32(newValue) << 1 | (sentenceAndFlag & 1) }
    }
    public var start: PartialDate {
        get { PartialDate(packed: startDate)! }
        set { startDate = newValue.packed }
    }
    /// The last day or month of a range ("May 8-11" -> 05-11); nil for a single date.
    public var end: PartialDate? {
        get { endDate == 0 ? nil : PartialDate(packed: endDate) }
        set { endDate = newValue?.packed ?? 0 }
    }
    /// True when the expression needed the publication date ("on Sunday", "last December", "31/1").
    public var relative: Bool {
        get { sentenceAndFlag & 1 == 1 }
        set { sentenceAndFlag = sentenceAndFlag & ~1 | (newValue ? 1 : 0) }
    }
    public var granularity: Granularity { start.granularity }

    public init(range: Range<Int>, sentence: Int, start: PartialDate, end: PartialDate? = nil, relative: Bool) {
        start32 = Int32(range.lowerBound)
        end32 = Int32(range.upperBound)
        sentenceAndFlag = UInt32(sentence) << 1 | (relative ? 1 : 0)
        startDate = start.packed
        endDate = end?.packed ?? 0
    }
}

/// A time expression with its token span, as the tagger finds it.
struct TaggedTime {
    var tokens: Range<Int>
    var start: PartialDate
    var end: PartialDate?
    var relative: Bool
    /// A month or a day and month written without a year ("in October", "tháng 10", "12/9"): its year was
    /// guessed from the publication date, and a year written in the same sentence takes precedence.
    var yearless = false
}

enum TimeTagger {
    static func k(_ s: String) -> UInt64 { Fold.lowerKey(s) }
    static let kIn = k("in"), kOn = k("on"), kOf = k("of"), kThe = k("the"), kThis = k("this"), kLast = k("last"),
               kNext = k("next"), kEarlier = k("earlier"), kLater = k("later"), kMonth = k("month"), kYear = k("year"),
               kWeek = k("week"),
               kAnd = k("and"), kTo = k("to"), kComing = k("coming"), kDays = k("days"), kFew = k("few"),
               kNgay = k("ngày"), kThang = k("tháng"), kNam = k("năm"), kNay = k("nay"),
               kQua = k("qua"), kTruoc = k("trước"),
               kNgoai = k("ngoái"), kSau = k("sau"), kTu = k("từ"), kDen = k("đến"), kThu = k("thứ"),
               kChu = k("chủ"), kNhat = k("nhật"), kDash = k("-"), kEnDash = k("–"), kComma = k(","),
               kTuan = k("tuần"), kToiFuture = k("tới"), kA = k("a"), kAn = k("an"), kFrom = k("from"),
               kCung = k("cùng"), kDo = k("đó"), kAy = k("ấy"), kThat = k("that"), kSame = k("same")

    /// Parses the digits of a number token: "31/1/1950" -> [31, 1, 1950] with separators.
    static func numberParts(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> (values: [Int], seps: [UInt8], suffix: Bool) {
        var values: [Int] = []
        var seps: [UInt8] = []
        var cur = -1
        var suffix = false
        for i in t.range {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                cur = (cur < 0 ? 0 : cur) &* 10 &+ Int(c - 0x30)
                if cur > 1_000_000 { cur = 1_000_000 }
            } else if c == 0x2D || c == 0x2F || c == 0x2E || c == 0x2C || c == 0x3A {
                if cur >= 0 { values.append(cur); cur = -1 }
                if suffix { break }
                seps.append(c)
            } else {
                suffix = true
            }
        }
        if cur >= 0 { values.append(cur) }
        return (values, seps, suffix)
    }

    static func year(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        guard t.kind == .number, t.length == 4 else { return nil }
        let p = numberParts(b, t)
        guard p.values.count == 1, !p.suffix, (1000...2100).contains(p.values[0]) else { return nil }
        return p.values[0]
    }

    static func day(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> (Int, Int?)? {
        guard t.kind == .number else { return nil }
        let p = numberParts(b, t)
        if p.suffix {
            // "9th", "1st": an ordinal day.
            guard p.values.count == 1, t.length <= 4, (1...31).contains(p.values[0]) else { return nil }
            let last = b[Int(t.end) - 1] | 0x20
            return last == 0x68 || last == 0x74 || last == 0x64 ? (p.values[0], nil) : nil
        }
        if p.values.count == 1, (1...31).contains(p.values[0]) { return (p.values[0], nil) }
        if p.values.count == 2, p.seps == [0x2D], (1...31).contains(p.values[0]), (1...31).contains(p.values[1]),
           p.values[0] < p.values[1] { return (p.values[0], p.values[1]) }
        return nil
    }

    /// Tags the time expressions in `tokens[range]`. `anchor` is the publication date.
    static func tag(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ range: Range<Int>, anchor: PartialDate?,
                    future: Bool, previousYear: Int? = nil, lexicon: Lexicon = .bundled, into out: inout [TaggedTime]) {
        var i = range.lowerBound
        let end = range.upperBound
        func lw(_ j: Int) -> UInt64 { j < end && j >= range.lowerBound ? tokens[j].lower : 0 }
        let first = out.count
        while i < end {
            // A date reads forward ("on Monday" = the next Monday) when a future word comes shortly before it.
            var ahead = false
            if future {
                var j = i - 1
                while j >= range.lowerBound && j >= i - 10 && !(tokens[j].kind == .punct && tokens[j].first != 0x2D) {
                    if lexicon.plannedCues.contains(tokens[j].lower) { ahead = true; break }
                    j -= 1
                }
            }
            if let found = match(b, tokens, i, end, anchor: anchor, future: ahead, lexicon: lexicon, lw: lw) {
                // "from 30/10 to 1/11/2022", "February 28 to March 5, 2017": one range, the year from its end.
                if out.count > first, let prev = out.last, prev.end == nil, found.start.granularity == prev.start.granularity,
                   found.tokens.lowerBound - prev.tokens.upperBound <= 2, found.tokens.lowerBound > prev.tokens.upperBound,
                   (prev.tokens.upperBound..<found.tokens.lowerBound).allSatisfy({ rangeWords.contains(tokens[$0].lower) }) {
                    var start = prev.start
                    if prev.relative, let m = start.month {
                        let y = m > (found.start.month ?? 12) ? found.start.year - 1 : found.start.year
                        start = PartialDate(year: y, month: m, day: start.day) ?? start
                    }
                    if start < found.start {
                        out[out.count - 1] = TaggedTime(tokens: prev.tokens.lowerBound..<found.tokens.upperBound, start: start,
                                                        end: found.end ?? found.start, relative: found.relative,
                                                        yearless: prev.yearless && found.yearless)
                        i = found.tokens.upperBound
                        continue
                    }
                }
                var found = found
                // "từ ngày 12 đến 17/9/1973", "from 3 to 5 March": a bare day before a range word starts the range.
                if found.end == nil, found.start.granularity == .day, let day = found.start.day {
                    var j = found.tokens.lowerBound - 1
                    var words = 0
                    while j > range.lowerBound && words < 2 && rangeWords.contains(tokens[j].lower) && tokens[j].lower != kNgay { j -= 1; words += 1 }
                    if words > 0, j >= range.lowerBound, tokens[j].kind == .number, let (d, dEnd) = self.day(b, tokens[j]), dEnd == nil, d < day,
                       out.last.map({ $0.tokens.upperBound <= j }) ?? true,
                       let start = PartialDate(year: found.start.year, month: found.start.month, day: d) {
                        var from = j
                        if from > range.lowerBound && tokens[from - 1].lower == kNgay { from -= 1 }
                        if from > range.lowerBound && (tokens[from - 1].lower == kTu || tokens[from - 1].lower == kFrom) { from -= 1 }
                        found = TaggedTime(tokens: from..<found.tokens.upperBound, start: start, end: found.start,
                                           relative: found.relative, yearless: found.yearless)
                    }
                }
                out.append(found)
                i = found.tokens.upperBound
                continue
            }
            i += 1
        }
        applySentenceYear(tokens, range, first: first, previousYear: previousYear, into: &out)
    }

    /// A month or day written without its year ("vào tháng 10", "in October", "12/9") takes the year written last
    /// before it in the same sentence ("Năm 1995, ... vào tháng 10"), or the only one after it; followed by
    /// "cùng năm", "năm đó", "that year" or "the same year", the year written last before it (in this sentence or
    /// an earlier one). Otherwise it keeps the year guessed from the publication date.
    static let nowWords = KeyTableSet(["vừa", "tới", "này", "qua", "nay", "sau", "trước"].map { Fold.lowerKey($0) })

    static func applySentenceYear(_ tokens: [Token], _ range: Range<Int>, first: Int,
                                  previousYear: Int?, into out: inout [TaggedTime]) {
        guard out.count > first, out[first...].contains(where: \.yearless) else { return }
        func lw(_ j: Int) -> UInt64 { j < range.upperBound && j >= range.lowerBound ? tokens[j].lower : 0 }
        for x in first..<out.count where out[x].yearless {
            let after = out[x].tokens.upperBound
            // "tháng 1 vừa qua", "tháng 3 tới", "tháng này": said from the publication date.
            if Self.nowWords.contains(lw(after)) { continue }
            let sameYear = (lw(after) == kCung && lw(after + 1) == kNam) || (lw(after) == kNam && (lw(after + 1) == kDo || lw(after + 1) == kAy))
                || ((lw(after) == kThat || lw(after) == kThe && lw(after + 1) == kSame) && (lw(after + 1) == kYear || lw(after + 2) == kYear))
                || (lw(after) == kOf && (lw(after + 1) == kThat || lw(after + 1) == kThe && lw(after + 2) == kSame))
            var year: Int?
            if sameYear {
                year = out[first..<x].last(where: { !$0.relative })?.start.year ?? previousYear
            } else {
                // The explicit year written last before it in the sentence ("Năm 1993, ... từ ngày 9-11/2");
                // with none before, the one after it when the sentence has only one.
                year = out[first..<x].last(where: { !$0.relative && !$0.yearless })?.start.year
                if year == nil {
                    let years = Set(out[first...].filter { !$0.relative && !$0.yearless }.map(\.start.year))
                    if years.count == 1 { year = years.first }
                }
            }
            guard let y = year, y != out[x].start.year,
                  let s = PartialDate(year: y, month: out[x].start.month, day: out[x].start.day) else { continue }
            out[x].start = s
            if let e = out[x].end { out[x].end = PartialDate(year: y, month: e.month, day: e.day) }
        }
    }

    /// A year standing alone as a sentence, a timeline's heading ("1976", "1998:"): its year.
    static func headingYear(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 2, let y = year(b, tokens[r.lowerBound]) else { return nil }
        if r.count == 2 { guard tokens[r.lowerBound + 1].kind == .punct else { return nil } }
        return y
    }

    /// The yearless dates of a timeline item take the year of the heading above it ("1976" over "- 26 January:
    /// Pierre Trudeau arrives ..."), not the publication's.
    static func applyHeadingYear(_ y: Int, to times: inout [TaggedTime]) {
        for x in times.indices where times[x].yearless {
            guard let s = PartialDate(year: y, month: times[x].start.month, day: times[x].start.day) else { continue }
            times[x].start = s
            if let e = times[x].end { times[x].end = PartialDate(year: y, month: e.month, day: e.day) }
        }
    }

    static let rangeWords = KeyTableSet(["to", "until", "till", "through", "đến", "tới", "-", "–", "ngày"].map { Fold.lowerKey($0) })


    private static func match(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ end: Int,
                              anchor: PartialDate?, future: Bool, lexicon: Lexicon, lw: (Int) -> UInt64) -> TaggedTime? {
        let t = tokens[i]
        if t.kind == .word && !lexicon.timeStartWords.contains(t.lower) { return nil }
        if t.kind == .punct || t.kind == .possessive { return nil }
        // Month name first: "October 9", "October 9, 2025", "May 8-11", "February 27 and 28", "June 1961", "in March".
        if t.kind == .word, let m = lexicon.months[t.lower], t.capitalized || t.length > 3 {
            var j = i + 1
            if j < end && tokens[j].kind == .punct && tokens[j].first == 0x2E { j += 1 } // "Jan."
            if j < end, let (d1, d2) = day(b, tokens[j]) {
                var dEnd = d2
                var k = j + 1
                if dEnd == nil, k + 1 < end, lw(k) == kAnd || lw(k) == kTo || lw(k) == kDash || lw(k) == kEnDash,
                   let (d3, _) = day(b, tokens[k + 1]), d3 > d1 {
                    dEnd = d3
                    k += 2
                }
                var y: Int?
                var relative = true
                var kk = k
                if kk < end && lw(kk) == kComma { kk += 1 }
                if kk < end, let yy = year(b, tokens[kk]) { y = yy; relative = false; k = kk + 1 }
                let yearResolved = y ?? resolveYear(month: m, day: d1, anchor: anchor, future: future)
                guard let yr = yearResolved, let s = PartialDate(year: yr, month: m, day: d1) else { return nil }
                let e = dEnd.flatMap { PartialDate(year: yr, month: m, day: $0) }
                return TaggedTime(tokens: i..<k, start: s, end: e, relative: relative, yearless: y == nil)
            }
            if j < end, let y = year(b, tokens[j]), let s = PartialDate(year: y, month: m) {
                return TaggedTime(tokens: i..<(j + 1), start: s, end: nil, relative: false)
            }
            // "in March", "last December", "in March last year": month without a day.
            let prev = i > 0 ? tokens[i - 1].lower : 0
            if (prev == kIn || prev == kLast || prev == kNext || prev == kThis || prev == kEarlier || prev == kOf),
               t.capitalized || t.lower != k("may"), let a = anchor {
                var y: Int
                var k2 = i + 1
                if lw(i + 1) == kLast && lw(i + 2) == kYear { y = a.year - 1; k2 = i + 3 }
                else if lw(i + 1) == kNext && lw(i + 2) == kYear { y = a.year + 1; k2 = i + 3 }
                else if lw(i + 1) == kThis && lw(i + 2) == kYear { y = a.year; k2 = i + 3 }
                else if prev == kLast { y = m < (a.month ?? 13) ? a.year : a.year - 1 }
                else if prev == kNext { y = m > (a.month ?? 0) ? a.year : a.year + 1 }
                else { y = resolveYear(month: m, day: nil, anchor: a, future: future) ?? a.year }
                guard let s = PartialDate(year: y, month: m) else { return nil }
                return TaggedTime(tokens: (prev == kLast || prev == kNext ? i - 1 : i)..<k2, start: s, end: nil, relative: true,
                                  yearless: k2 == i + 1 && (prev == kIn || prev == kOf))
            }
            return nil
        }
        if t.kind == .number {
            // "27-28 February 2019", "9 October 2025", "9 October".
            if let (d1, d2) = day(b, t), i + 1 < end, let m = lexicon.months[tokens[i + 1].lower], tokens[i + 1].capitalized {
                var k2 = i + 2
                var y: Int?
                if k2 < end, let yy = year(b, tokens[k2]) { y = yy; k2 += 1 }
                guard let yr = y ?? resolveYear(month: m, day: d1, anchor: anchor, future: future),
                      let s = PartialDate(year: yr, month: m, day: d1) else { return nil }
                return TaggedTime(tokens: i..<k2, start: s, end: d2.flatMap { PartialDate(year: yr, month: m, day: $0) },
                                  relative: y == nil, yearless: y == nil)
            }
            let p = numberParts(b, t)
            if !p.suffix && p.seps.contains(0x2F) {
                return slashDate(p.values, p.seps, i, anchor: anchor, future: future, afterThang: i > 0 && tokens[i - 1].lower == kThang)
            }
            // "tháng 9" (a month) / "năm 2025" handled by the year rule below.
            if i > 0 && tokens[i - 1].lower == kThang, p.values.count == 1, !p.suffix, (1...12).contains(p.values[0]),
               let a = anchor {
                var y = a.year
                var k2 = i + 1
                var explicitYear = false
                if lw(i + 1) == kNam, i + 2 < end, let yy = year(b, tokens[i + 2]) { y = yy; k2 = i + 3; explicitYear = true }
                else if lw(i + 1) == kNam, [kNay, kNgoai, kSau, kToiFuture].contains(lw(i + 2)) {
                    y = a.year + (lw(i + 2) == kNay ? 0 : lw(i + 2) == kNgoai ? -1 : 1)
                    k2 = i + 3
                }
                guard let s = PartialDate(year: y, month: p.values[0]) else { return nil }
                return TaggedTime(tokens: (i - 1)..<k2, start: s, end: nil, relative: !explicitYear, yearless: k2 == i + 1)
            }
            // "the 2030 World Expo", "the 1982 Convention": a year used as a name, not a date.
            if year(b, t) != nil, i > 0, [kThe, kA, kAn].contains(tokens[i - 1].lower),
               i + 1 < end, tokens[i + 1].capitalized, lexicon.months[tokens[i + 1].lower] == nil {
                return nil
            }
            if let y = year(b, t) {
                // "1950–2025", "1950-2025": a span of years.
                if i + 2 < end, lw(i + 1) == kEnDash || lw(i + 1) == kDash, let y2 = year(b, tokens[i + 2]), y2 > y {
                    return TaggedTime(tokens: i..<(i + 3), start: PartialDate(year: y)!, end: PartialDate(year: y2), relative: false)
                }
                return TaggedTime(tokens: i..<(i + 1), start: PartialDate(year: y)!, end: nil, relative: false)
            }
            return nil
        }
        guard t.kind == .word, let a = anchor else { return nil }
        let w = t.lower
        // "today", "last night", "hôm qua": a day said from the reference date (the lexicon's relative-days).
        if let (days, length) = lexicon.relativeDays.match(tokens, at: i, end: end), let d = a.adding(days: days) {
            return TaggedTime(tokens: i..<(i + length), start: d, end: nil, relative: true)
        }
        // "this week", "last week", "next week", "earlier in the week": Monday to Sunday.
        var weekWord = w
        var weekEnd = i + 2
        if (w == kEarlier || w == kLater) && lw(i + 1) == kIn && lw(i + 2) == kThe && lw(i + 3) == kWeek { weekWord = kThis; weekEnd = i + 4 }
        if (w == kEarlier || w == kLater) && lw(i + 1) == kThis && lw(i + 2) == kWeek { weekWord = kThis; weekEnd = i + 3 }
        // "tuần trước", "tuần này", "tuần tới", "tuần sau": last, this and next week.
        let vietnameseWeek = w == kTuan && [kTruoc, kNay, kToiFuture, kSau].contains(lw(i + 1))
        if vietnameseWeek { weekWord = lw(i + 1) == kTruoc ? kLast : lw(i + 1) == kNay ? kThis : kNext }
        if (weekWord == kThis || weekWord == kLast || weekWord == kNext) && (lw(i + 1) == kWeek || weekEnd > i + 2 || vietnameseWeek),
           let wd = a.weekday {
            let shift = weekWord == kThis ? 0 : weekWord == kLast ? -7 : 7
            if let monday = a.adding(days: -((wd + 6) % 7) + shift), let sunday = monday.adding(days: 6) {
                return TaggedTime(tokens: i..<weekEnd, start: monday, end: sunday, relative: true)
            }
        }
        if let wd = lexicon.weekdays[w], t.capitalized, let ad = a.weekday {
            var delta = wd - ad
            if future { if delta < 0 { delta += 7 } } else { if delta > 0 { delta -= 7 } }
            guard let d = a.adding(days: delta) else { return nil }
            return TaggedTime(tokens: i..<(i + 1), start: d, end: nil, relative: true)
        }
        // earlier/later this month, this month, last month, next month, this/last/next year.
        var j = i
        if w == kEarlier || w == kLater { j += 1 }
        let w1 = lw(j), w2 = lw(j + 1)
        if (w1 == kThis || w1 == kLast || w1 == kNext) && (w2 == kMonth || w2 == kYear) {
            let delta = w1 == kThis ? 0 : w1 == kLast ? -1 : 1
            let s: PartialDate?
            if w2 == kYear { s = PartialDate(year: a.year + delta) }
            else {
                let m = (a.month ?? 1) + delta
                s = m < 1 ? PartialDate(year: a.year - 1, month: 12) : m > 12 ? PartialDate(year: a.year + 1, month: 1)
                    : PartialDate(year: a.year, month: m)
            }
            guard let s else { return nil }
            return TaggedTime(tokens: i..<(j + 2), start: s, end: nil, relative: true)
        }
        // "in the coming days", "in the next few days", "next week": the publication month.
        if (w == kComing && lw(i + 1) == kDays) || (w == kNext && lw(i + 1) == kFew && lw(i + 2) == kDays) {
            let s = a.truncated(to: .month)
            return TaggedTime(tokens: i..<(i + (lw(i + 1) == kFew ? 3 : 2)), start: s, end: nil, relative: true)
        }
        // Vietnamese: tháng trước, năm ngoái, năm nay (days such as "hôm qua" are in relative-days above).
        if w == kNam && (lw(i + 1) == kNay || lw(i + 1) == kNgoai || lw(i + 1) == kSau || lw(i + 1) == kToiFuture) {
            let delta = lw(i + 1) == kNay ? 0 : lw(i + 1) == kNgoai ? -1 : 1
            return TaggedTime(tokens: i..<(i + 2), start: PartialDate(year: a.year + delta)!, end: nil, relative: true)
        }
        if w == kThang && (lw(i + 1) == kNay || lw(i + 1) == kTruoc || lw(i + 1) == kSau || lw(i + 1) == kToiFuture) {
            let m = (a.month ?? 1) + (lw(i + 1) == kNay ? 0 : lw(i + 1) == kTruoc ? -1 : 1)
            let s = m < 1 ? PartialDate(year: a.year - 1, month: 12) : m > 12 ? PartialDate(year: a.year + 1, month: 1)
                : PartialDate(year: a.year, month: m)
            guard let s else { return nil }
            return TaggedTime(tokens: i..<(i + 2), start: s, end: nil, relative: true)
        }
        return nil
    }

    /// "31/1/1950", "19-20/6/2024", "31/1", "9/2018" (after "tháng"): day before month.
    static func slashDate(_ v: [Int], _ seps: [UInt8], _ i: Int, anchor: PartialDate?, future: Bool, afterThang: Bool) -> TaggedTime? {
        let start = afterThang ? i - 1 : i
        if afterThang && v.count == 2 && seps == [0x2F] {
            guard let s = PartialDate(year: v[1], month: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: false)
        }
        if seps == [0x2F, 0x2F] && v.count == 3 {
            guard let s = PartialDate(year: v[2], month: v[1], day: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: false)
        }
        if seps == [0x2D, 0x2F, 0x2F] && v.count == 4 {
            guard let s = PartialDate(year: v[3], month: v[2], day: v[0]),
                  let e = PartialDate(year: v[3], month: v[2], day: v[1]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: e, relative: false)
        }
        if seps == [0x2F] && v.count == 2 && (1...12).contains(v[0]) && (1000...2100).contains(v[1]) {
            // "(5/1994)": a month and a year.
            guard let s = PartialDate(year: v[1], month: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: false)
        }
        if seps == [0x2F] && v.count == 2, let y = resolveYear(month: v[1], day: v[0], anchor: anchor, future: future) {
            guard let s = PartialDate(year: y, month: v[1], day: v[0]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: nil, relative: true, yearless: true)
        }
        if seps == [0x2D, 0x2F] && v.count == 3, let y = resolveYear(month: v[2], day: v[0], anchor: anchor, future: future) {
            guard let s = PartialDate(year: y, month: v[2], day: v[0]),
                  let e = PartialDate(year: y, month: v[2], day: v[1]) else { return nil }
            return TaggedTime(tokens: start..<(i + 1), start: s, end: e, relative: true, yearless: true)
        }
        return nil
    }

    /// The year of a month (and day) given without one: the publication year, or the year before when the
    /// date would fall more than a month after publication in a past-tense context (and the year after in a
    /// future one when it would fall before).
    static func resolveYear(month: Int, day: Int?, anchor: PartialDate?, future: Bool) -> Int? {
        guard let a = anchor, let am = a.month else { return anchor?.year }
        if future { return month < am || (month == am && (day ?? 31) < (a.day ?? 1)) ? a.year + 1 : a.year }
        return month > am + 1 ? a.year - 1 : a.year
    }
}
