// The grammar of one time expression, by what it starts with: a month name, a number, or a word said from the
// reference date (a day, a week, a weekday; a month or year: "this month", "năm ngoái"). `TimeTagger.tag` tries it
// at each word that can start one (TimeExpressions.swift); "the next day" and "two days later" are read from the
// story's time instead (NarrativeTime.swift).

extension TimeTagger {
    /// The time expression starting at token `i`, if any. `anchor` is the reference date.
    static func match(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ end: Int,
                      anchor: PartialDate?, future: Bool, lexicon: Lexicon, lw: (Int) -> UInt64) -> TaggedTime? {
        let t = tokens[i]
        if t.kind == .word && !lexicon.wordClasses.has(.timeStart, t) { return nil }
        if t.kind == .punct || t.kind == .possessive { return nil }
        if let range = crossMonthRange(b, tokens, i, end, anchor: anchor, future: future, lexicon: lexicon, lw: lw) { return range }
        if t.kind == .word, let m = lexicon.months[t.lower], t.capitalized || t.length > 3 {
            return monthNamed(m, b, tokens, i, end, anchor: anchor, future: future, lexicon: lexicon, lw: lw)
        }
        if t.kind == .number { return numbered(b, tokens, i, end, anchor: anchor, future: future, lexicon: lexicon, lw: lw) }
        if t.kind == .word, let (m, n) = monthPhrase(tokens, i, end, lexicon: lexicon) {
            return monthPhrased(m, b, tokens, i, i + n, end, anchor: anchor, future: future, lw: lw)
        }
        guard t.kind == .word, let a = anchor else { return nil }
        // "ba năm sau", "một tuần sau ngày ...": a count before the unit makes it "N years later", not "next year".
        if i > 0, storyCount(b, tokens, i - 1, (i - 1)..<end, lexicon: lexicon) != nil,
           lexicon.timeUnits[t.lower] != nil { return nil }
        return dayOrWeek(from: a, tokens, i, end, future: future, lexicon: lexicon, lw: lw)
            ?? period(from: a, tokens, i, end, lw: lw)
    }

    /// Month name first: "October 9", "October 9, 2025", "May 8-11", "February 27 and 28", "June 1961", "in March".
    static func monthNamed(_ m: Int, _ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ end: Int,
                           anchor: PartialDate?, future: Bool, lexicon: Lexicon, lw: (Int) -> UInt64) -> TaggedTime? {
        let t = tokens[i]
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
            else if let (said, n) = saidYear(at: k, anchor: anchor, lw: lw) { y = said; k += n }
            let yearResolved = y ?? resolveYear(month: m, day: d1, anchor: anchor, future: future)
            guard let yr = yearResolved, let s = PartialDate(year: yr, month: m, day: d1) else { return nil }
            let e = dEnd.flatMap { PartialDate(year: yr, month: m, day: $0) }
            return TaggedTime(tokens: i..<k, start: s, end: e, relative: relative, yearless: y == nil)
        }
        if j < end, let y = year(b, tokens[j]), let s = PartialDate(year: y, month: m) {
            return TaggedTime(tokens: i..<(j + 1), start: s, end: nil, relative: false)
        }
        // "in March", "last December", "in March last year": month without a day.
        var prev = i > 0 ? tokens[i - 1].lower : 0
        // "in late March", "in early May", "in mid-June": a part of the month dates like the month (word set
        // month-part-words).
        var partStart = i
        if i > 1, lexicon.monthPartWords.contains(tokens[i - 1].lower) { partStart = i - 1 }
        else if i > 2, tokens[i - 1].kind == .punct, lexicon.monthPartWords.contains(tokens[i - 2].lower) { partStart = i - 2 }
        if partStart < i, partStart > 0, tokens[partStart - 1].lower == kIn { prev = kIn }
        // "By November, ...", "during March", "until June" date like "in November" (not "by May": a name as often).
        if [kBy, kDuring, kUntil].contains(prev), t.lower != k("may") { prev = kIn }
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

    /// A month written as words at `k` ("Tháng Chín", "tháng Mười Một"; word set month-phrases): its number and
    /// length. Only with the month word capitalised: "tháng năm" is also "months and years", "tháng ba" "three months".
    static func monthPhrase(_ tokens: [Token], _ k: Int, _ end: Int, lexicon: Lexicon) -> (month: Int, length: Int)? {
        guard k + 1 < end, tokens[k].lower == kThang, tokens[k + 1].capitalized,
              let (m, n) = lexicon.monthPhrases.match(tokens, at: k, end: end) else { return nil }
        return (m, n)
    }

    /// A month written as words, from `i` to `j`, without a day: "Tháng Chín 2024", "Tháng Chín năm 2024", or
    /// yearless ("hồi đầu Tháng Tám"), its year resolved from the reference date.
    static func monthPhrased(_ m: Int, _ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ j: Int, _ end: Int,
                             anchor: PartialDate?, future: Bool, lw: (Int) -> UInt64) -> TaggedTime? {
        if lw(j) == kNam, j + 1 < end, let y = year(b, tokens[j + 1]), let s = PartialDate(year: y, month: m) {
            return TaggedTime(tokens: i..<(j + 2), start: s, end: nil, relative: false)
        }
        if j < end, let y = year(b, tokens[j]), let s = PartialDate(year: y, month: m) {
            return TaggedTime(tokens: i..<(j + 1), start: s, end: nil, relative: false)
        }
        guard let y = resolveYear(month: m, day: nil, anchor: anchor, future: future), let s = PartialDate(year: y, month: m) else { return nil }
        return TaggedTime(tokens: i..<j, start: s, end: nil, relative: true, yearless: true)
    }

    /// "last year", "this year", "next year", "năm ngoái", "năm nay" right after a day and month ("on September 14
    /// last year"): the year said from the reference date, and the number of its words.
    static func saidYear(at k: Int, anchor: PartialDate?, lw: (Int) -> UInt64) -> (year: Int, length: Int)? {
        guard let a = anchor else { return nil }
        if lw(k + 1) == kYear {
            if lw(k) == kLast { return (a.year - 1, 2) }
            if lw(k) == kThis { return (a.year, 2) }
            if lw(k) == kNext { return (a.year + 1, 2) }
        }
        if lw(k) == kNam {
            if lw(k + 1) == kNgoai { return (a.year - 1, 2) }
            if lw(k + 1) == kNay { return (a.year, 2) }
        }
        return nil
    }

    /// A number first: "27-28 February 2019", "9 October", "31/1/1950", "tháng 9" (the number after "tháng"), a year,
    /// a span of years.
    static func numbered(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ end: Int,
                         anchor: PartialDate?, future: Bool, lexicon: Lexicon, lw: (Int) -> UInt64) -> TaggedTime? {
        let t = tokens[i]
        // "27-28 February 2019", "9 October 2025", "9 October".
        if let (d1, d2) = day(b, t), i + 1 < end, let m = lexicon.months[tokens[i + 1].lower], tokens[i + 1].capitalized {
            var k2 = i + 2
            var y: Int?
            var said = false
            if k2 < end, let yy = year(b, tokens[k2]) { y = yy; k2 += 1 }
            else if let (sy, n) = saidYear(at: k2, anchor: anchor, lw: lw) { y = sy; k2 += n; said = true }
            guard let yr = y ?? resolveYear(month: m, day: d1, anchor: anchor, future: future),
                  let s = PartialDate(year: yr, month: m, day: d1) else { return nil }
            return TaggedTime(tokens: i..<k2, start: s, end: d2.flatMap { PartialDate(year: yr, month: m, day: $0) },
                              relative: y == nil || said, yearless: y == nil)
        }
        // "23 Tháng Chín 2024", "21 Tháng Chín": a day, then a month written as words (rule date.month-phrase).
        if let (d1, d2) = day(b, t), let (m, n) = monthPhrase(tokens, i + 1, end, lexicon: lexicon) {
            var k2 = i + 1 + n
            var y: Int?
            if lw(k2) == kNam, k2 + 1 < end, let yy = year(b, tokens[k2 + 1]) { y = yy; k2 += 2 }
            else if k2 < end, let yy = year(b, tokens[k2]) { y = yy; k2 += 1 }
            guard let yr = y ?? resolveYear(month: m, day: d1, anchor: anchor, future: future),
                  let s = PartialDate(year: yr, month: m, day: d1) else { return nil }
            return TaggedTime(tokens: i..<k2, start: s, end: d2.flatMap { PartialDate(year: yr, month: m, day: $0) },
                              relative: y == nil, yearless: y == nil)
        }
        let p = numberParts(b, t)
        if !p.suffix && p.seps.contains(0x2F) {
            return slashDate(p.values, p.seps, i, anchor: anchor, future: future, afterThang: i > 0 && tokens[i - 1].lower == kThang)
        }
        // "tháng 6-2014", "ngày 2-11-2023": the hyphenated month and year, day, month and year of some newsrooms.
        if !p.suffix, let hyphenated = hyphenatedDate(p.values, p.seps, i, afterThang: i > 0 && tokens[i - 1].lower == kThang) {
            return hyphenated
        }
        if let long = vietnameseLongDate(b, tokens, i, end, anchor: anchor, future: future, lw: lw) { return long }
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

    /// A day or a week said from the reference date `a`: "today", "hôm qua", "this week", "tuần trước", "on Sunday".
    static func dayOrWeek(from a: PartialDate, _ tokens: [Token], _ i: Int, _ end: Int, future: Bool, lexicon: Lexicon,
                          lw: (Int) -> UInt64) -> TaggedTime? {
        let t = tokens[i]
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
        // Not "vài tuần sau khi ...", "hai tuần trước": weeks counted from another event, not the week said from now.
        let counted = i > 0 && (lexicon.countWords[tokens[i - 1].lower] != nil || tokens[i - 1].kind == .number)
        let vietnameseWeek = w == kTuan && [kTruoc, kNay, kToiFuture, kSau].contains(lw(i + 1)) && !counted && lw(i + 2) != kKhi
        if vietnameseWeek { weekWord = lw(i + 1) == kTruoc ? kLast : lw(i + 1) == kNay ? kThis : kNext }
        if (weekWord == kThis || weekWord == kLast || weekWord == kNext) && (lw(i + 1) == kWeek || weekEnd > i + 2 || vietnameseWeek),
           let wd = a.weekday {
            let shift = weekWord == kThis ? 0 : weekWord == kLast ? -7 : 7
            if var monday = a.adding(days: -((wd + 6) % 7) + shift), var sunday = monday.adding(days: 6) {
                // "later this week" is after the reference day, "earlier this week" before it (when the week has such days).
                if w == kLater, weekWord == kThis, let next = a.adding(days: 1), next <= sunday { monday = next }
                if w == kEarlier, weekWord == kThis, let previous = a.adding(days: -1), previous >= monday { sunday = previous }
                // Said on a Sunday, "last week" is the week now ending, Monday to Saturday, as a Sunday paper or a
                // Sunday's report means it, not the one before it.
                if wd == 0, weekWord == kLast, let m = a.adding(days: -6), let s = a.adding(days: -1) { monday = m; sunday = s }
                return TaggedTime(tokens: i..<weekEnd, start: monday, end: sunday, relative: true)
            }
        }
        if let wd = lexicon.weekdays[w], t.capitalized, let ad = a.weekday {
            var delta = wd - ad
            if future { if delta < 0 { delta += 7 } } else { if delta > 0 { delta -= 7 } }
            guard let d = a.adding(days: delta) else { return nil }
            return TaggedTime(tokens: i..<(i + 1), start: d, end: nil, relative: true)
        }
        return nil
    }

    /// "ngày 27 tháng 2 năm 2024", "27 tháng 2 năm 2024", "ngày 27 tháng 2": a day, its month after "tháng", its year
    /// after "năm". Only after "ngày" or with the year: "3 tháng" alone is also "three months".
    static func vietnameseLongDate(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ end: Int, anchor: PartialDate?,
                                   future: Bool, lw: (Int) -> UInt64) -> TaggedTime? {
        guard i + 2 < end, lw(i + 1) == kThang, tokens[i + 2].kind == .number, let (d, to) = day(b, tokens[i]), to == nil else { return nil }
        let mp = numberParts(b, tokens[i + 2])
        guard !mp.suffix, mp.values.count == 1, (1...12).contains(mp.values[0]) else { return nil }
        var k2 = i + 3
        var y: Int?
        if k2 + 1 < end, lw(k2) == kNam, let yy = year(b, tokens[k2 + 1]) { y = yy; k2 += 2 }
        guard y != nil || (i > 0 && tokens[i - 1].lower == kNgay),
              let yr = y ?? resolveYear(month: mp.values[0], day: d, anchor: anchor, future: future),
              let s = PartialDate(year: yr, month: mp.values[0], day: d) else { return nil }
        return TaggedTime(tokens: i..<k2, start: s, end: nil, relative: y == nil, yearless: y == nil)
    }

    /// A month or a year said from the reference date `a`: "this month", "last year", "earlier this month", "in the
    /// coming days", "tháng trước", "năm ngoái".
    static func period(from a: PartialDate, _ tokens: [Token], _ i: Int, _ end: Int, lw: (Int) -> UInt64) -> TaggedTime? {
        let w = tokens[i].lower
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
}

extension TimeTagger {
    /// A day range across two months, which the tokenizer writes as one token at the join: "26 September-6 October
    /// 1991" ("September-6" is one word), "March 31-April 3, 2019" ("31-April" is one number), the way timelines date
    /// a trip. Its start, its end, and a year written after it (else the start's year resolved from the anchor).
    static func crossMonthRange(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ end: Int,
                                anchor: PartialDate?, future: Bool, lexicon: Lexicon, lw: (Int) -> UInt64) -> TaggedTime? {
        guard i + 2 < end else { return nil }
        let first = tokens[i], joined = tokens[i + 1]
        guard first.kind == .number || lexicon.months[first.lower] != nil, joined.kind != .punct,
              (Int(joined.start)..<Int(joined.end)).contains(where: { b[$0] == 0x2D }),
              let (left, right) = splitAtHyphen(b, joined) else { return nil }
        let m1: Int, d1: Int, m2: Int, d2: Int
        if first.kind == .number, let (d, e) = day(b, first), e == nil, let m = lexicon.months[Fold.lowerKey(left)],
           let dd = Int(right), (1...31).contains(dd), let mm = lexicon.months[tokens[i + 2].lower], tokens[i + 2].capitalized {
            (d1, m1, d2, m2) = (d, m, dd, mm) // "26 September-6 October"
        } else if first.kind == .word, first.capitalized, let m = lexicon.months[first.lower], let d = Int(left), (1...31).contains(d),
                  let mm = lexicon.months[Fold.lowerKey(right)], let (dd, e) = day(b, tokens[i + 2]), e == nil {
            (m1, d1, m2, d2) = (m, d, mm, dd) // "March 31-April 3"
        } else {
            return nil
        }
        guard m1 != m2 else { return nil }
        var k = i + 3
        var explicit: Int?
        var kk = k
        if kk < end && lw(kk) == kComma { kk += 1 }
        if kk < end, let y = year(b, tokens[kk]) { explicit = y; k = kk + 1 }
        let endYear = explicit ?? resolveYear(month: m2, day: d2, anchor: anchor, future: future)
        guard let ey = endYear else { return nil }
        let sy = m1 > m2 ? ey - 1 : ey
        guard let s = PartialDate(year: sy, month: m1, day: d1), let e = PartialDate(year: ey, month: m2, day: d2) else { return nil }
        return TaggedTime(tokens: i..<k, start: s, end: e, relative: explicit == nil, yearless: explicit == nil)
    }

    /// A token's text split at its one hyphen, both sides non-empty ("September-6" -> ("September", "6")).
    static func splitAtHyphen(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> (Substring, Substring)? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[Int(t.start)..<Int(t.end)]), as: UTF8.self)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (parts[0], parts[1])
    }
}
