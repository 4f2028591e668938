import Foundation

// Rule meta.year-inference: a text dated only by a day and month ("HANOI, Oct 19 (Reuters) -", "Phnom Penh, 10/1
// (TTXVN) -", a lead opening "Tối 19/5") and by nothing else (no header, URL, file name or manifest date, no
// archive anchor) takes a year when what it says leaves exactly one:
// - a person it names with a title in force ("President Joe Biden", not "former President"), in a sentence that
//   writes no year of its own, held an office of that level, per the gazetteer's offices, on that day and month of
//   the year;
// - a weekday its lead gives ("on Friday") is the day's weekday or the weekday before it (a report of the
//   evening is often datelined the next day);
// - a date written with its year in a sentence that tells no plan ("since January 2016") is not after the
//   publication: the year is no earlier;
// - the year is not after the current one.
// Never applied over a date the text, the page or the manifest gives; the document's note names the evidence.

/// One thing a text says that bounds its year, and the years it leaves.
struct YearEvidence {
    enum Kind { case office, weekday, earliestYear }
    var kind: Kind
    /// For the note: "Joe Biden, President of the United States", "Tuesday in the lead", "a date of 2016".
    var text: String
    var years: Set<Int>
}

/// What the evidence leaves for a yearless reference date.
struct YearInferenceResult {
    var month: Int
    var day: Int
    var evidence: [YearEvidence]
    /// The years all evidence allows.
    var years: [Int]

    /// The one year left, when the offices or the weekday (not a bound alone) left exactly one.
    var year: Int? {
        guard years.count == 1, evidence.contains(where: { $0.kind != .earliestYear }) else { return nil }
        return years[0]
    }

    /// The most pieces of evidence a note names.
    static let named = 4

    /// "Joe Biden, President of the United States; Tuesday in the lead" (the first four, then how many more).
    var evidenceText: String {
        let more = evidence.count - Self.named
        return evidence.prefix(Self.named).map(\.text).joined(separator: "; ") + (more > 0 ? "; \(more) more" : "")
    }
}

enum YearInference {
    /// The earliest year considered.
    static let firstYear = 1900

    /// The years the text's evidence leaves for the day `month`/`day`; nil when it has no evidence at all.
    static func infer(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], sentences: [Range<Int>], lead: Int?, month: Int, day: Int,
                      gazetteer: Gazetteer, acronyms: KeyTableSet, language: Language, lexicon: Lexicon,
                      currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) -> YearInferenceResult? {
        let candidates = Set(firstYear...currentYear).filter { PartialDate(year: $0, month: month, day: day) != nil }
        var evidence: [YearEvidence] = []
        var finder = MentionFinder(gazetteer: gazetteer, bytes: b, tokens: tokens, language: language, date: nil, acronyms: acronyms,
                                   lexicon: lexicon)
        var seen = Set<Int>()
        var earliest: Int?
        for (si, r) in sentences.enumerated() {
            var times: [TaggedTime] = []
            TimeTagger.tag(b, tokens, r, anchor: nil, future: false, lexicon: lexicon, into: &times)
            let planned = r.contains { lexicon.plannedCues.contains(tokens[$0].lower) }
            for t in times where !planned && !t.relative && !t.yearless && t.start.granularity >= .month {
                earliest = max(earliest ?? t.start.year, t.start.year)
            }
            let mentions = finder.find(sentence: si, range: r, reserved: times.map(\.tokens))
            // A sentence dated with its year ("President X attended the summit in November 2016") names its persons
            // with the titles of that time, not the text's.
            if times.contains(where: { !$0.relative && !$0.yearless }) { continue }
            for p in mentions.persons where p.entity >= 0 && !p.historical && p.titleLevel != nil && seen.insert(p.entity).inserted {
                if let e = officeEvidence(gazetteer.entities[p.entity], p, month: month, day: day, candidates: candidates) { evidence.append(e) }
            }
        }
        if let lead, let e = weekdayEvidence(b, tokens, sentence: sentences[lead], month: month, day: day, candidates: candidates, lexicon: lexicon) {
            evidence.append(e)
        }
        if !evidence.isEmpty, let earliest {
            evidence.append(YearEvidence(kind: .earliestYear, text: "a date of \(earliest) told as past", years: candidates.filter { $0 >= earliest }))
        }
        guard !evidence.isEmpty else { return nil }
        let left = evidence.reduce(candidates) { $0.intersection($1.years) }
        return YearInferenceResult(month: month, day: day, evidence: evidence, years: left.sorted())
    }

    /// The years in which `person` held an office of the level their title gives (of its country, when the title
    /// names one) on the day; nil when the gazetteer has no such office.
    static func officeEvidence(_ person: Entity, _ p: PersonRef, month: Int, day: Int, candidates: Set<Int>) -> YearEvidence? {
        guard let level = p.titleLevel else { return nil }
        let offices = person.offices.filter { $0.level == level && (p.titleCountry == nil || $0.country == nil || $0.country == p.titleCountry) }
        guard !offices.isEmpty else { return nil }
        let years = candidates.filter { y in
            PartialDate(year: y, month: month, day: day).map { d in offices.contains { $0.isHeld(at: d) } } ?? false
        }
        // Named by the latest such office ("President", not an acting presidency of years before).
        let latest = offices.max { ($0.start?.dayRange.lowerBound ?? .min) < ($1.start?.dayRange.lowerBound ?? .min) } ?? offices[0]
        return YearEvidence(kind: .office, text: "\(person.name), \(latest.title)", years: years)
    }

    /// A weekday the lead sentence gives after a word of time ("on Tuesday", "late on Thursday"), outside a clause
    /// that tells a plan: the years in which the day falls on it or on the day after it.
    static func weekdayEvidence(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], sentence r: Range<Int>, month: Int, day: Int,
                                candidates: Set<Int>, lexicon: Lexicon) -> YearEvidence? {
        var planned = false
        for k in r {
            let t = tokens[k]
            if t.kind == .punct && t.first == 0x2C { planned = false; continue }
            if lexicon.plannedCues.contains(t.lower) { planned = true; continue }
            guard !planned, k > r.lowerBound, let wd = lexicon.weekdays[t.lower], t.capitalized,
                  lexicon.headerFillers.contains(tokens[k - 1].lower) else { continue }
            let years = candidates.filter { y in
                guard let d = PartialDate(year: y, month: month, day: day)?.weekday else { return false }
                return d == wd || d == (wd + 1) % 7
            }
            return YearEvidence(kind: .weekday, text: "\(MetadataReader.string(b, t.range)) in the lead", years: years)
        }
        return nil
    }
}
