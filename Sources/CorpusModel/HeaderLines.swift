// The lines above an article's body that say when and by whom it was published: "October 13, 1986|By
// Jane Doe", "Published: 16 July 2005", "Cập nhật: 08:30 ngày 12/05/2023", "2019/7/16 22:41", "By Anna
// Smith, 3 March 2015", "Thứ Ba, 12/3/2024, 09:15 (GMT+7)", "From the archive: 27 June 1963"; and the
// opening of an archive text that gives the date of the event it tells ("22 February 1972: ...").

/// What a header line says.
struct HeaderLine {
    enum Marker: Int, Comparable {
        /// "Updated", "Cập nhật": the date of a later revision.
        case updated
        /// No marker: a date line, a byline with a date.
        case plain
        /// "Published", "Posted", "Đăng": the publication date itself.
        case published
        /// "From the archive": the date of the event an archive reprint tells (not its publication).
        case archive
        static func < (a: Marker, b: Marker) -> Bool { a.rawValue < b.rawValue }
    }
    var date: PartialDate?
    var marker: Marker = .plain
    /// A "By ..." byline is on the line.
    var byline = false
}

/// How an archive text's anchor date was found.
public enum AnchorSource: String, Sendable, Codable {
    /// A header line "From the archive: 27 June 1963".
    case archiveHeader = "archive_header"
    /// The body opens with the event's date: "22 February 1972: ...", "From the archive, 14 May 1960: ...",
    /// "Ngày này năm xưa: 15/8/1959".
    case opening
    /// "On this day in 1959": the publication's day and month in that year.
    case onThisDay = "on_this_day"
}

enum HeaderReader {
    typealias Phrase = [UInt64]
    static func phrases(_ texts: [String]) -> [Phrase] {
        texts.map { $0.split(separator: " ").map { Fold.lowerKey($0) } }
    }

    static let publishedMarkers = phrases(["first published", "published", "posted", "ngày đăng", "đăng ngày", "đăng lúc",
                                           "đăng", "xuất bản", "date", "dated"])
    static let updatedMarkers = phrases(["last updated", "updated", "last modified", "modified", "cập nhật", "cập nhật lúc",
                                         "cập nhật ngày"])
    static let archiveMarkers = phrases(["from the archives", "from the archive", "ngày này năm xưa"])
    static let bylineMarkers = phrases(["by", "tác giả", "written by", "reported by"])
    /// Words a header line may hold besides its date and marker: weekdays, "on", "at", times of day, time zones.
    static let filler = KeyTableSet([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
        "thur", "thurs", "fri", "sat", "sun", "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "on", "at",
        "ngày", "lúc", "giờ", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "ict", "bst", "est", "edt", "cet", "cest", "jst",
        "kst", "ist", "pst", "pdt", "hkt", "sgt", "local", "time", "updated", "published", "and", "sáng", "chiều", "tối",
    ].map { Fold.lowerKey($0) })
    /// Lower-case words a byline's name may hold ("Anna de la Cruz", "Jan van Dijk", "By Jane Doe and John Roe").
    static let nameParticles = KeyTableSet(["de", "la", "del", "van", "von", "der", "da", "di", "bin", "al", "and", "in", "và",
                                            "le", "du", "dos", "y"].map { Fold.lowerKey($0) })

    /// The length of `phrase` when it starts at token `k` (before `end`), or 0.
    static func match(_ list: [Phrase], _ tokens: [Token], _ k: Int, _ end: Int) -> Int {
        for p in list where k + p.count <= end {
            var ok = true
            for (j, w) in p.enumerated() where tokens[k + j].lower != w { ok = false; break }
            if ok { return p.count }
        }
        return 0
    }

    /// A full date written in digits as one token: "2019/7/16", "2005-07-16", "16.07.2005", "12/05/2023"
    /// (year first, or day first; month first only when the day cannot be a month: "7/16/2019").
    static func numericDate(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> PartialDate? {
        guard t.kind == .number else { return nil }
        let p = TimeTagger.numberParts(b, t)
        guard !p.suffix, p.values.count == 3, p.seps.count == 2, p.seps[0] == p.seps[1],
              [0x2F, 0x2D, 0x2E].contains(p.seps[0]) else { return nil }
        let v = p.values
        if (1000...2100).contains(v[0]) { return PartialDate(year: v[0], month: v[1], day: v[2]) }
        guard (1000...2100).contains(v[2]) else { return nil }
        if v[1] > 12 && v[0] <= 12 { return PartialDate(year: v[2], month: v[0], day: v[1]) }
        return PartialDate(year: v[2], month: v[1], day: v[0])
    }

    /// A time of day ("22:41", "08:30") or a small number (a time zone's offset, "GMT+7").
    static func isClockOrSmall(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .number else { return false }
        let p = TimeTagger.numberParts(b, t)
        if p.seps.allSatisfy({ $0 == 0x3A }) && !p.seps.isEmpty { return true }
        return p.values.count == 1 && t.length <= 2
    }

    /// Reads `tokens[s..<e]` as a header line, or returns nil when it holds anything else (a headline, a
    /// sentence). A header line has a full date or a byline, and otherwise only markers, weekdays, times,
    /// time zones, short capitals (agencies) and punctuation.
    static func read(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int,
                     lexicon: Lexicon = .bundled) -> HeaderLine? {
        guard e > s, e - s <= 30 else { return nil }
        var times: [TaggedTime] = []
        TimeTagger.tag(b, tokens, s..<e, anchor: nil, future: false, lexicon: lexicon, into: &times)
        var line = HeaderLine()
        var k = s
        var nextTime = 0
        func take(_ d: PartialDate) { if line.date == nil { line.date = d } }
        while k < e {
            while nextTime < times.count && times[nextTime].tokens.upperBound <= k { nextTime += 1 }
            if nextTime < times.count, times[nextTime].tokens.contains(k) {
                let t = times[nextTime]
                if !t.relative && t.start.granularity >= .month { take(t.start) }
                k = t.tokens.upperBound
                continue
            }
            let t = tokens[k]
            if let d = numericDate(b, t) { take(d); k += 1; continue }
            if t.kind == .punct || isClockOrSmall(b, t) { k += 1; continue }
            var n = match(archiveMarkers, tokens, k, e)
            if n > 0 { line.marker = .archive; k += n; continue }
            n = match(publishedMarkers, tokens, k, e)
            if n > 0 { line.marker = max(line.marker, .published); k += n; continue }
            n = match(updatedMarkers, tokens, k, e)
            if n > 0 { if line.marker == .plain { line.marker = .updated }; k += n; continue }
            n = match(bylineMarkers, tokens, k, e)
            if n > 0, t.capitalized || k > s, let end = bylineEnd(b, tokens, k + n, e, months: lexicon.months) {
                line.byline = true
                k = end
                continue
            }
            if t.kind == .word && (filler.contains(t.lower) || (t.length <= 5 && MetadataReader.isAllCaps(b, t))) { k += 1; continue }
            return nil
        }
        return line.date != nil || line.byline ? line : nil
    }

    /// The end of a byline's names from `k`: capitalised words and name particles, through commas, up to a
    /// date, a separator or the line's end. Nil when no capitalised word follows.
    static func bylineEnd(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int, months: LookupTable<Int>) -> Int? {
        var j = k
        var names = 0
        while j < e && names < 12 {
            let t = tokens[j]
            if t.kind == .word && t.capitalized && months[t.lower] == nil && !filler.contains(t.lower) {
                names += 1; j += 1; continue
            }
            if t.kind == .word && nameParticles.contains(t.lower) && names > 0 { j += 1; continue }
            if t.kind == .punct && (t.first == 0x2C || t.first == 0x2E || t.first == 0x26) && names > 0 { j += 1; continue }
            break
        }
        return names > 0 ? j : nil
    }

    /// A title line ending in a header segment ("Nixon in Peking | By Jane Doe", "Talks resume - Published: 3
    /// May 2019"): the token where the headline ends, before the separator. Nil when the line has none.
    static func titleCut(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int) -> Int? {
        for k in (s + 1)..<e where tokens[k].kind == .punct && (tokens[k].first == 0x7C || MetadataReader.isDash(b, tokens[k])) {
            if k + 1 < e, read(b, tokens, k + 1, e) != nil { return k }
        }
        return nil
    }

    /// The date an archive text opens with, in `tokens[s..<e]` (its first line): "22 February 1972: the President
    /// begins ...", "From the archive, 14 May 1960: ...", "Ngày này năm xưa: 15/8/1959", "On this day in 1959".
    static func archiveOpening(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int)
        -> (date: PartialDate, source: AnchorSource)? {
        guard s < e else { return nil }
        func lw(_ j: Int) -> UInt64 { j < e ? tokens[j].lower : 0 }
        // "On this day in 1959", "On this day, in 1959,"
        if lw(s) == TimeTagger.kOn, lw(s + 1) == TimeTagger.kThis, lw(s + 2) == Fold.lowerKey("day") {
            var j = s + 3
            if j < e && tokens[j].kind == .punct { j += 1 }
            if lw(j) == TimeTagger.kIn { j += 1 }
            if j < e, let y = TimeTagger.year(b, tokens[j]) { return (PartialDate(year: y)!, .onThisDay) }
            return nil
        }
        var j = s
        let marked = match(archiveMarkers, tokens, j, e)
        j += marked
        while j < e && tokens[j].kind == .punct && j - s - marked < 2 { j += 1 }
        var times: [TaggedTime] = []
        TimeTagger.tag(b, tokens, j..<min(e, j + 8), anchor: nil, future: false, into: &times)
        var date: PartialDate?
        var after = j
        if let t = times.first, t.tokens.lowerBound == j, !t.relative, t.start.granularity >= .month {
            date = t.start
            after = t.tokens.upperBound
        } else if j < e, let d = numericDate(b, tokens[j]) {
            date = d
            after = j + 1
        }
        guard let date else { return nil }
        // Without a marker the date must be set off as a heading: "22 February 1972: ...", "22 February 1972 — ...".
        if marked == 0 {
            guard after < e, tokens[after].kind == .punct, tokens[after].first == 0x3A || MetadataReader.isDash(b, tokens[after])
            else { return nil }
        }
        return (date, .opening)
    }
}
