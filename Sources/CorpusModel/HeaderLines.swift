// The lines above an article's body that say when and by whom it was published: "October 13, 1986|By
// Jane Doe", "Published: 16 July 2005", "Cập nhật: 08:30 ngày 12/05/2023", "2019/7/16 22:41", "By Anna
// Smith, 3 March 2015", "Thứ Ba, 12/3/2024, 09:15 (GMT+7)", "From the archive: 27 June 1963"; and the
// opening of an archive text that gives the date of the event it tells ("22 February 1972: ...").

/// What a header line says: its segments, each with its own marker and date ("From the archive, 19 April 1955
/// — republished 18 April 2025"), and whether it holds a byline.
struct HeaderLine {
    enum Marker: Int, Comparable {
        /// "Updated", "Cập nhật": the date of a later revision.
        case updated
        /// No marker: a date line, a byline with a date.
        case plain
        /// "Published", "Posted", "Đăng": the publication date itself.
        case published
        /// "Republished", "Reprinted", "Đăng lại": the date the page printed an older text again.
        case republished
        /// "From the archive": the date of the event an archive reprint tells (not its publication).
        case archive
        static func < (a: Marker, b: Marker) -> Bool { a.rawValue < b.rawValue }
    }
    /// A part of the line between separators (`|`, `;`, `·`, a dash): "Published: 16 July 2005".
    struct Segment {
        var date: PartialDate?
        var marker: Marker = .plain
        /// A label of a few words with no date: a section, an outlet or a place ("Analysis", "Tuổi Trẻ").
        var label = false
    }
    var segments: [Segment] = []
    /// One segment is a label (rule meta.header-label).
    var labelled = false
    /// A "By ..." byline is on the line.
    var byline = false
    /// The archive marker is a retrospective's ("On this day: ...").
    var retrospective = false

    /// The first date of the line.
    var date: PartialDate? { segments.lazy.compactMap(\.date).first }
}

/// How an archive text's anchor date was found.
public enum AnchorSource: String, Sendable, Codable, CaseIterable {
    /// A header line "From the archive: 27 June 1963".
    case archiveHeader = "archive_header"
    /// The body opens with the event's date: "22 February 1972: ...", "From the archive, 14 May 1960: ...",
    /// "Ngày này năm xưa: 15/8/1959".
    case opening
    /// "On this day in 1959": the publication's day and month in that year.
    case onThisDay = "on_this_day"
    /// The headline gives it: "From the archive, 20 November 1977: ...", "On this day: 15 September 1959 - ...".
    case headline
    /// "50 years ago today: ...": the publication date that many years back.
    case yearsAgo = "years_ago"
    /// A marker with no date ("Ngày này năm xưa: ..."): the first full date of the lead.
    case lead
}

/// What an archive text says of the time its story is set in, before the publication date is known.
struct ArchiveClue {
    enum Time {
        /// A date written out.
        case date(PartialDate)
        /// "On this day in 1958": the publication's day and month in that year.
        case onThisDay(year: Int)
        /// "50 years ago today": the publication date that many years back.
        case yearsAgo(Int)
        /// A marker and no date: the lead's first full date, found later.
        case lead
    }
    var time: Time
    var source: AnchorSource
    /// A story of a past day told today ("On this day", "Ngày này năm xưa", "50 years ago today"), not the
    /// original report printed again: its sentences in the future tense speak from the publication date.
    var retrospective: Bool

    /// Of two clues the stronger: a written date (the more precise first), "on this day in", "years ago", a year
    /// alone, a bare marker.
    var strength: Int {
        switch time {
        case .date(let d): d.granularity == .day ? 6 : d.granularity == .month ? 5 : 2
        case .onThisDay: 4
        case .yearsAgo: 3
        case .lead: 1
        }
    }

    /// The story's date, given the publication date.
    func anchor(publication: PartialDate?) -> PartialDate? {
        switch time {
        case .date(let d): return d
        case .onThisDay(let year):
            guard let p = publication, let m = p.month else { return PartialDate(year: year) }
            return PartialDate(year: year, month: m, day: p.day) ?? PartialDate(year: year, month: m)
        case .yearsAgo(let n):
            guard let p = publication else { return nil }
            return PartialDate(year: p.year - n, month: p.month, day: p.day) ?? PartialDate(year: p.year - n, month: p.month)
        case .lead: return nil
        }
    }

    /// The stronger of `a` and `b`; a retrospective marker in either makes it a retrospective.
    static func stronger(_ a: ArchiveClue?, _ b: ArchiveClue?) -> ArchiveClue? {
        guard let a else { return b }
        guard let b else { return a }
        var best = b.strength > a.strength ? b : a
        best.retrospective = a.retrospective || b.retrospective
        return best
    }
}

/// The date a dateline gives: in full, a day and month without a year ("NAIROBI, July 25 (Reuters) -",
/// "HELSINKI, 25 October"), or a weekday ("PEKING, Wednesday. -").
enum DatelineDate {
    case full(PartialDate)
    case dayMonth(month: Int, day: Int)
    case weekday(Int)

    /// The date it names, said on or before `reference` (a report is datelined the day it is written).
    func resolved(before reference: PartialDate?) -> PartialDate? {
        switch self {
        case .full(let d): return d
        case .dayMonth(let m, let d):
            guard let r = reference, let y = TimeTagger.resolveYear(month: m, day: d, anchor: r, future: false) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        case .weekday(let wd):
            guard let r = reference, let rd = r.weekday else { return nil }
            var delta = wd - rd
            if delta > 0 { delta -= 7 }
            return r.adding(days: delta)
        }
    }
}

enum HeaderReader {
    /// A marker phrase of a header line and what it marks.
    struct MarkerMatch {
        var length: Int
        var marker: HeaderLine.Marker
    }

    /// The longest of the header's marker phrases at token `k` ("Published", "Republished", "Cập nhật"), if any.
    static func marker(_ tokens: [Token], _ k: Int, _ e: Int, lexicon: Lexicon) -> MarkerMatch? {
        // The three sets tried in this order, each in place (an array of them was built and copied at every word).
        var best: MarkerMatch?
        func offer(_ set: PhraseSet, _ marker: HeaderLine.Marker) {
            let n = set.match(tokens, at: k, end: e)
            if n > (best?.length ?? 0) { best = MarkerMatch(length: n, marker: marker) }
        }
        offer(lexicon.republishedMarkers, .republished)
        offer(lexicon.publishedMarkers, .published)
        offer(lexicon.updatedMarkers, .updated)
        return best
    }

    /// A separator between a header line's segments: `|`, `;`, `·`, `•` or a dash.
    static func isSeparator(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .punct else { return false }
        if t.first == 0x7C || t.first == 0x3B || MetadataReader.isDash(b, t) { return true }
        let s = Int(t.start)
        if t.length == 2 && b[s] == 0xC2 && b[s + 1] == 0xB7 { return true } // ·
        return t.length == 3 && b[s] == 0xE2 && b[s + 1] == 0x80 && b[s + 2] == 0xA2 // •
    }

    /// A full date written in digits as one token: "2019/7/16", "2005-07-16", "16.07.2005", "12/05/2023"
    /// (year first, or day first; month first only when the day cannot be a month: "7/16/2019").
    static func numericDate(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> PartialDate? {
        guard t.kind == .number else { return nil }
        // An ISO 8601 time stamp: "2019-07-16T22:41:00+07:00", "2019-07-16T15:41Z": its date.
        if t.length >= 11, b[Int(t.start) + 10] == 0x54 {
            return PartialDate(iso: MetadataReader.string(b, Int(t.start)..<Int(t.start) + 10))
        }
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
        // "04.30 GMT", "05.00 AEDT": hours and minutes with a dot.
        if p.seps == [0x2E], p.values.count == 2, t.length >= 4, t.length <= 5, p.values[0] <= 23, p.values[1] <= 59 { return true }
        return p.values.count == 1 && t.length <= 2
    }

    /// Reads `tokens[s..<e]` as a header line (rule meta.header-date), or returns nil when it holds anything else
    /// (a headline, a sentence). A header line has a full date or a byline, and otherwise only markers,
    /// separators, weekdays, times, time zones (`header-fillers`) and short capitals (agencies). With `labels`
    /// (a line after the headline), one segment may be a label of a few words (rule meta.header-label:
    /// `HeaderLabel`): "Analysis | 7 March 2025", "Tuổi Trẻ - 04/05/2025".
    static func read(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int, labels: Bool = false,
                     lexicon: Lexicon = .bundled) -> HeaderLine? {
        guard e > s, e - s <= 30 else { return nil }
        var times: [TaggedTime] = []
        TimeTagger.tag(b, tokens, s..<e, anchor: nil, future: false, lexicon: lexicon, into: &times)
        var line = HeaderLine()
        var segment = HeaderLine.Segment()
        func closeSegment() {
            if segment.date != nil || segment.marker != .plain || segment.label { line.segments.append(segment) }
            segment = HeaderLine.Segment()
        }
        var k = s
        var nextTime = 0
        while k < e {
            while nextTime < times.count && times[nextTime].tokens.upperBound <= k { nextTime += 1 }
            if nextTime < times.count, times[nextTime].tokens.contains(k) {
                let t = times[nextTime]
                if !t.relative && t.start.granularity >= .month && segment.date == nil { segment.date = t.start }
                k = t.tokens.upperBound
                continue
            }
            let t = tokens[k]
            if let d = numericDate(b, t) {
                if segment.date == nil { segment.date = d }
                k += 1
                continue
            }
            if isSeparator(b, t) {
                // "04/11/2024 07:30 | Nguyễn Hoàng Long": after a date, names to the line's end are a byline, and
                // so are names with a description ("June 9, 2022|By Jane Doe, Lima correspondent").
                if segment.date != nil || line.date != nil, k + 1 < e, bylineEnd(b, tokens, k + 1, e, lexicon: lexicon) == e
                    || namesEnd(b, tokens, k + 1, e, lexicon: lexicon).map({ describedEnd(b, tokens, names: k + 1, end: $0, e) }) == e {
                    line.byline = true
                    k = e
                    continue
                }
                closeSegment()
                k += 1
                continue
            }
            if t.kind == .punct || isClockOrSmall(b, t) { k += 1; continue }
            let archive = lexicon.archiveMarkers.match(tokens, at: k, end: e), retrospective = lexicon.retrospectiveMarkers.match(tokens, at: k, end: e)
            // "From our archive series, June 23, 2023": a marker that runs on into a word names a series, a label.
            let runsOn = labels && HeaderLabel.runsOn(b, tokens, k + max(archive, retrospective), e, lexicon: lexicon)
            if archive + retrospective > 0 && !runsOn {
                segment.marker = .archive
                if retrospective > 0 { line.retrospective = true }
                k += max(archive, retrospective)
                continue
            }
            if let found = marker(tokens, k, e, lexicon: lexicon) {
                // An update marker only qualifies an unmarked segment; of the others the strongest holds.
                if found.marker != .updated { segment.marker = max(segment.marker, found.marker) } else if segment.marker == .plain { segment.marker = .updated }
                k += found.length
                continue
            }
            let n = lexicon.bylineMarkers.match(tokens, at: k, end: e)
            if n > 0, t.capitalized || k > s, let end = bylineEnd(b, tokens, k + n, e, lineDated: segment.date != nil || line.date != nil,
                                                                  lexicon: lexicon) {
                line.byline = true
                k = end
                continue
            }
            if t.kind == .word && (lexicon.headerFillers.contains(t.lower) || lexicon.weekdays[t.lower] != nil
                                   || (t.length <= 5 && MetadataReader.isAllCaps(b, t))) { k += 1; continue }
            if labels, !line.labelled, segment.date == nil, let end = HeaderLabel.end(b, tokens, k, e, lexicon: lexicon) {
                segment.label = true
                line.labelled = true
                closeSegment()
                k = end
                continue
            }
            return nil
        }
        closeSegment()
        if line.labelled && !HeaderLabel.accepts(line, b, tokens, s, e) { return nil }
        return line.date != nil || line.byline ? line : nil
    }

    /// The end of a byline from token `k`, after its opening word: either named persons (capitalised words and
    /// `byline-words`, through commas: "Anna de la Cruz and John Roe in Lima") up to a date, a separator or the
    /// line's end; or a description of up to eight words ("a diplomatic correspondent", "our Washington staff")
    /// up to a separator followed by a dated header segment, or up to the line's end when the line already has
    /// a date. Nil when neither.
    static func bylineEnd(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int, lineDated: Bool = false,
                          lexicon: Lexicon) -> Int? {
        var j = k
        while j < e && j - k < 8 && tokens[j].kind == .word { j += 1 }
        if j > k, j == e ? lineDated : (isSeparator(b, tokens[j]) || tokens[j].first == 0x2C) && read(b, tokens, j + 1, e, lexicon: lexicon)?.date != nil {
            return j
        }
        guard let end = namesEnd(b, tokens, k, e, lexicon: lexicon) else { return nil }
        return lineDated ? describedEnd(b, tokens, names: k, end: end, e) : end
    }

    /// "By Jane Doe, Lima correspondent", "By Jane Doe, staff writer": on a dated line, names set off by a comma
    /// from a description of up to five words that runs to the line's end or a separator: the description's end;
    /// else `end`, where the names stopped.
    static func describedEnd(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], names k: Int, end: Int, _ e: Int) -> Int {
        guard end < e, (k..<end).contains(where: { tokens[$0].kind == .punct && tokens[$0].first == 0x2C }) else { return end }
        var j = end
        while j < e && j - end < 5 && tokens[j].kind == .word { j += 1 }
        return j > end && (j == e || isSeparator(b, tokens[j])) ? j : end
    }

    /// The end of a byline's names from `k`: capitalised words and `byline-words`, through commas, up to a date,
    /// a separator or the line's end. Nil when no capitalised word follows.
    static func namesEnd(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int, lexicon: Lexicon) -> Int? {
        var j = k
        var names = 0
        while j < e && names < 12 {
            let t = tokens[j]
            if t.kind == .word && t.capitalized && lexicon.months[t.lower] == nil && lexicon.weekdays[t.lower] == nil
                && !lexicon.headerFillers.contains(t.lower) {
                names += 1; j += 1; continue
            }
            if t.kind == .word && lexicon.bylineWords.contains(t.lower) && names > 0 { j += 1; continue }
            if t.kind == .punct && (t.first == 0x2C || t.first == 0x2E || t.first == 0x26) && names > 0 { j += 1; continue }
            break
        }
        return names > 0 ? j : nil
    }

    /// A title line ending in a header segment ("Nixon in Peking | By Jane Doe", "Talks resume - Published: 3
    /// May 2019"): the token where the headline ends, before the separator. Nil when the line has none.
    static func titleCut(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int, lexicon: Lexicon) -> Int? {
        for k in (s + 1)..<e where tokens[k].kind == .punct && (tokens[k].first == 0x7C || MetadataReader.isDash(b, tokens[k])) {
            if k + 1 < e, read(b, tokens, k + 1, e, lexicon: lexicon) != nil { return k }
        }
        return nil
    }

    /// What an archive text's line `tokens[s..<e]` (its headline or its first line) says of the story's time
    /// (rule date.archive-anchor): "From the archive, 20 November 1977: ...", "On this day in 1958: ...",
    /// "On this day: 15 September 1959 - ...", "50 years ago today: ...", "Ngày này năm xưa: ..." (a marker alone:
    /// the lead's first full date), "22 February 1972: the President begins ...".
    static func archiveClue(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int, headline: Bool,
                            lexicon: Lexicon = .bundled) -> ArchiveClue? {
        guard s < e else { return nil }
        if headline, let n = yearsAgo(b, tokens, s, e, lexicon: lexicon) {
            return ArchiveClue(time: .yearsAgo(n), source: .yearsAgo, retrospective: true)
        }
        let reprint = lexicon.archiveMarkers.match(tokens, at: s, end: e)
        let retrospective = lexicon.retrospectiveMarkers.match(tokens, at: s, end: e)
        let marked = max(reprint, retrospective)
        let dated: AnchorSource = headline ? .headline : .opening
        var j = s + marked
        while j < e && tokens[j].kind == .punct && j - s - marked < 2 { j += 1 }
        if marked > 0 && j < e && tokens[j].lower == TimeTagger.kIn { j += 1 }
        var times: [TaggedTime] = []
        TimeTagger.tag(b, tokens, j..<min(e, j + 8), anchor: nil, future: false, lexicon: lexicon, into: &times)
        var time: ArchiveClue.Time?
        var after = j
        if let t = times.first, t.tokens.lowerBound == j, !t.relative, t.start.granularity >= .month {
            time = .date(t.start); after = t.tokens.upperBound
        } else if j < e, let d = numericDate(b, tokens[j]) {
            time = .date(d); after = j + 1
        } else if marked > 0, j < e, let y = TimeTagger.year(b, tokens[j]) {
            // "On this day in 1958": that year's day of publication; "From the Archives, 1966": the year.
            time = retrospective > 0 ? .onThisDay(year: y) : .date(PartialDate(year: y)!)
            after = j + 1
        } else if marked > 0 {
            return ArchiveClue(time: .lead, source: .lead, retrospective: retrospective > 0)
        }
        guard let time else { return nil }
        // Without a marker the date must be set off as a heading: "22 February 1972: ...", "22 February 1972 — ...".
        if marked == 0 && !isHeadingEnd(b, tokens, after, e) { return nil }
        if case .onThisDay = time { return ArchiveClue(time: time, source: .onThisDay, retrospective: true) }
        return ArchiveClue(time: time, source: dated, retrospective: retrospective > 0)
    }

    /// A colon or a dash at `k`: the end of a heading.
    static func isHeadingEnd(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int, _ e: Int) -> Bool {
        k < e && tokens[k].kind == .punct && (tokens[k].first == 0x3A || MetadataReader.isDash(b, tokens[k]))
    }

    /// "50 years ago today: ...", "Sixty years ago this week — ...", "20 năm trước: ...": the number of years, when
    /// the headline opens with them as a heading.
    static func yearsAgo(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int, lexicon: Lexicon) -> Int? {
        let t = tokens[s]
        var years: Int?
        if t.kind == .number, t.length <= 3 {
            if let v = TimeTagger.singleNumber(b, t), (1...999).contains(v) { years = v }
        } else if t.kind == .word {
            years = lexicon.countWords[t.lower]
        }
        guard let years else { return nil }
        let n = lexicon.yearsAgoWords.match(tokens, at: s + 1, end: e)
        guard n > 0, isHeadingEnd(b, tokens, s + 1 + n, e) else { return nil }
        return years
    }

    /// A dateline in the body of an archive text, where the reprinted report starts: "HELSINKI, 25 October",
    /// "Peking, February 21", "PEKING, Wednesday. - The Prime Minister ...": the place, a comma, a date or a
    /// weekday, then the line's end or a dash. The token after it and its date.
    static func reprintDateline(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ s: Int, _ e: Int,
                                lexicon: Lexicon) -> (end: Int, date: DatelineDate)? {
        var k = s
        while k < e && tokens[k].kind == .word && tokens[k].capitalized && lexicon.weekdays[tokens[k].lower] == nil && k - s < 4 { k += 1 }
        guard k > s, k + 1 < e, tokens[k].first == 0x2C else { return nil }
        k += 1
        var date: DatelineDate
        if tokens[k].capitalized, let wd = lexicon.weekdays[tokens[k].lower] {
            date = .weekday(wd)
            k += 1
        } else if let (found, end) = MetadataReader.datelineDate(b, tokens, k, e, lexicon: lexicon) {
            date = found
            k = end
        } else {
            return nil
        }
        if k < e && tokens[k].kind == .punct && tokens[k].first == 0x2E { k += 1 }
        if k == e { return (k, date) }
        return MetadataReader.isDash(b, tokens[k]) ? (k + 1, date) : nil
    }
}
