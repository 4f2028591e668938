import Foundation

// The place of an article's header dateline ("VILNIUS, July 11 (Reuters) -"): the report is written from there.
// When a sentence reports a gathering without naming its place ("X and Y were among the mourners"), and no
// sentence nearby placed one, the gathering is the dateline's (rule destination.dateline-gathering), for the
// whole article and only around the dateline's day.

extension GatheringPlace {
    /// How many days from the dateline's day a gathering reported under it may be dated.
    static let datelineDays = 14

    /// The gathering place of a header dateline naming a city (or a country) of the gazetteer, dated `date`.
    /// "Nusa Dua, Indonesia": the place first, else the country after it.
    init?(dateline name: String, date: PartialDate?, gazetteer: Gazetteer) {
        // Loops, not closures: a closure that reads the gazetteer copied the whole struct (and retained its arrays),
        // once per document.
        var refs: [Gazetteer.NameRef] = [] // those of the first part that names anything
        for part in name.split(separator: ",") {
            if let found = gazetteer.refs(forKey: Fold.key(Self.trimmingSpaces(part))) { refs = found; break }
        }
        // A dateline names a city: prefer one over a country of the same name.
        var city: Int?, firstCountry: Int?
        for ref in refs {
            let i = Int(ref.entity)
            if gazetteer.entities.kind(at: i) == .city { city = i; break }
            if gazetteer.entities.kind(at: i) == .country && firstCountry == nil { firstCountry = i }
        }
        guard let index = city ?? firstCountry, let country = gazetteer.entities.read(index, { $0.country }) else { return nil }
        let isCity = gazetteer.entities.kind(at: index) == .city
        self.init(country: country, city: isCity ? index : nil, tokens: nil, start: date, end: nil, sentence: 0, fromDateline: true)
    }

    /// "BELGRADE - The largest gathering ...": a tag in capitals before a dash, read as the source (Metadata.swift),
    /// that names a city of the gazetteer is a dateline without a date (rule destination.dateline-gathering). Not a
    /// country or a code ("TTO -" is a newspaper, not Trinidad and Tobago). It has no day (the page's date may be
    /// days after the gathering a sentence near it dates). With no day to keep it near, it holds only
    /// when the lead reports a gathering (`awaitsLead`, GatheringVisits.swift): "WASHINGTON - X postponed his trip"
    /// places no gathering in Washington.
    init?(datelineTag tag: String, gazetteer: Gazetteer) {
        guard let place = GatheringPlace(dateline: tag, date: nil, gazetteer: gazetteer), place.city != nil else { return nil }
        self = place
        awaitsLead = true
    }

    /// `part` without the spaces around it: what `trimmingCharacters(in: .whitespaces)` trims (CoreFoundation's
    /// whitespace: space, tab, U+00A0, U+1680, U+2000-U+200B, U+202F, U+205F, U+3000), without the bridge to
    /// `NSString` that cost more than the rest of this init.
    static func trimmingSpaces(_ part: Substring) -> Substring {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
        let scalars = part.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return part[part.endIndex...]
        }
        return Substring(scalars[first...last])
    }

    /// Days before the dateline's day a gathering must have ended to be background: a report tells the day before
    /// as its news ("the White House said late on Thursday").
    static let backgroundDays = 2

    /// Whether this gathering ended `backgroundDays` or more before `other` starts.
    func endsBefore(_ other: GatheringPlace) -> Bool {
        guard let mine = end ?? start, let theirs = other.start else { return false }
        return theirs.dayRange.lowerBound - mine.dayRange.upperBound >= Self.backgroundDays
    }

    /// Whether a gathering dated `time` can be the one under the dateline: no time, or one near the dateline's day.
    func fitsDateline(_ time: PartialDate?) -> Bool {
        guard let time, let day = start else { return true }
        return abs(time.dayRange.lowerBound - day.dayRange.lowerBound) <= Self.datelineDays
    }
}
