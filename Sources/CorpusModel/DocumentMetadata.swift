import Foundation

// A document's metadata from its three sources, in order of precedence: the manifest, the text
// (Metadata.swift), the page's address (`ManifestEntry.urlDate`); and the one note that says what was
// missing or odd in it.

enum DocumentFacts {
    /// The analysis's starting record: title, dates with their sources, place, source, address and language.
    static func document(source: SourceText, meta: TextMetadata, manifest: ManifestEntry?) -> DocumentAnalysis {
        // The address and the file name are read only when nothing before them dates the document (their
        // patterns cost more than the rest of the metadata).
        let stated = manifest?.date ?? meta.date
        let urlDate = stated == nil ? manifest?.urlDate : nil
        // Rule meta.file-name-date: "2015-07-25-nairobi-….txt", "…-20150725-…", read as a URL's path is.
        let nameDate = stated == nil && urlDate == nil && ManifestEntry.mayHoldDate(source.path)
            ? ManifestEntry.date(inURL: "/" + (source.path as NSString).lastPathComponent) : nil
        var date = manifest?.date ?? meta.date ?? urlDate ?? nameDate
        var dateSource: MetadataSource = manifest?.date != nil ? .manifest : meta.date != nil ? .text : urlDate != nil ? .url
            : nameDate != nil ? .fileName : .none
        // A dateline without a year ("NAIROBI, July 25 (Reuters) -") gives the day of a date known to the month.
        if let d = date, d.granularity < .day, case .dayMonth(let month, let day)? = meta.datelineDay, d.month == nil || d.month == month,
           let precise = PartialDate(year: d.year, month: month, day: day) {
            date = precise
        }
        // Nothing dates the page: a news report is read from the date its lead opens with (rule meta.lead-reference).
        if date == nil, let lead = meta.leadDate {
            date = meta.datelineDay.flatMap { LeadReference.datelineDay($0, near: lead) } ?? lead
            dateSource = .lead
        }
        var a = DocumentAnalysis(source: source, title: manifest?.title ?? meta.title, date: date, dateSource: dateSource,
                                 place: manifest?.place ?? meta.place, source_: manifest?.source ?? meta.source,
                                 url: manifest?.url, language: manifest?.language.map { Language($0) } ?? meta.language)
        if let clue = meta.archive, let anchor = clue.anchor(publication: date) {
            a.anchor = anchor
            a.anchorSource = clue.source
        }
        return a
    }

    /// The note of a document in no known script (language `und`), naming the code points of most of its letters
    /// when they were identified, not given by the manifest.
    static func unknownScriptNote(languages: LanguageProfiles, bytes: UnsafeBufferPointer<UInt8>, manifest: Bool) -> DocumentNote {
        guard !manifest else {
            return DocumentNote(.unknownScript, "the manifest says the language is undetermined (und): kept as a document, no events read")
        }
        func hex(_ scalar: UInt32) -> String {
            let digits = String(scalar, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
        let letters = languages.unknownLetters(bytes).map { r in
            " (most letters " + (r.lowerBound == r.upperBound ? hex(r.lowerBound) : "\(hex(r.lowerBound))-\(hex(r.upperBound))") + ")"
        } ?? ""
        return DocumentNote(.unknownScript, "letters of a script Dossier does not know\(letters): taken as undetermined (und), "
                            + "kept as a document, no events read")
    }

    /// The dates the document's sentences are read from (rule date.archive-anchor).
    static func storyTime(_ a: DocumentAnalysis, meta: TextMetadata) -> StoryTime {
        var story = StoryTime(publication: a.date, anchor: a.anchor, retrospective: meta.archive?.retrospective ?? false)
        if a.anchor != nil, let reprint = meta.reprint {
            story.reprintStart = reprint.startByte
            story.reprintDate = reprint.date.resolved(before: a.anchor)
        }
        return story
    }

    /// What was missing or odd in the document: a date, a title, a language the rules do not read, mixed
    /// languages, a text that is only a table. `NoteCollector` makes them one note per document.
    static func notes(_ a: DocumentAnalysis, meta: TextMetadata, manifest: ManifestEntry?, languages: LanguageProfiles,
                      bytes: UnsafeBufferPointer<UInt8>, inference: YearInferenceResult? = nil) -> [DocumentNote] {
        var parts: [DocumentNote] = []
        let name = languages.profile(of: a.language)?.name ?? a.language.code
        if a.language == .undetermined {
            parts.append(unknownScriptNote(languages: languages, bytes: bytes, manifest: manifest?.language != nil))
        } else if let profile = languages.profile(of: a.language), !profile.read {
            parts.append(DocumentNote(.unreadLanguage, (manifest?.language != nil ? "the manifest says \(name)" : "looks like \(name)")
                                      + ": kept as a document, no events read"))
        }
        if manifest?.language == nil, let g = meta.languageGuess, g.shares.count > 1, g.shares[1].share >= 0.2 {
            let shares = g.shares.prefix(3).map { "\(Int(($0.share * 100).rounded()))% \(languages.languages[$0.language].name)" }
            parts.append(DocumentNote(.mixedLanguages, "mixed languages (\(shares.joined(separator: ", ")) of the text): taken as \(name), the majority"))
        }
        if meta.languageGuess?.told != true && manifest?.language == nil {
            parts.append(DocumentNote(.noLanguage, "no words to tell the language by: taken as \(name)"))
        }
        if TableCheck.isTableOnly(bytes) { parts.append(DocumentNote(.tableOnly, "nothing but a table: no sentences to read")) }
        if a.date == nil {
            // A yearless dateline takes its year only from a date of the page or the lead's (rule meta.dateline-year).
            let dateline = a.anchor != nil ? "" : meta.datelineDay.flatMap(\.yearlessText)
                .map { "the dateline gives \($0) without a year and nothing gives the year (rule \(Rule.metaDatelineYear.id)); " } ?? ""
            let evidence = inference.map { "the evidence (\($0.evidenceText)) leaves " + ($0.years.isEmpty ? "no year" : $0.years.count > 6
                ? "\($0.years.count) years" : $0.years.map(String.init).joined(separator: ", ")) + " (rule \(Rule.metaYearInference.id)); " } ?? ""
            parts.append(DocumentNote(.noDate, "no publication date found (no header date, dateline, date in the URL, file name or manifest date): "
                                      + dateline + evidence
                                      + (a.anchor.map { "relative and yearless dates are read from the archive date \($0.iso)" }
                                         ?? "relative and yearless dates are not resolved")))
        }
        if a.dateSource == .inferred, let date = a.date, let inference {
            parts.append(DocumentNote(.inferredYear, "reference date \(date.iso) with an inferred year (rule \(Rule.metaYearInference.id)): "
                                      + "the text gives the day without a year, and only \(date.year) fits \(inference.evidenceText); "
                                      + "relative and yearless dates are read from it"))
        }
        if a.dateSource == .lead, let date = a.date {
            let from = date == meta.leadDate ? "from the lead" : "from the dateline's day and the lead's date"
            parts.append(DocumentNote(.leadDate, "reference date \(date.iso) \(from) (rule \(Rule.metaLeadReference.id); no header date, "
                                      + "date in the URL or manifest date): relative and yearless dates are read from it"))
        }
        // A text without a headline takes its opening words as title (wire copy often has none): no note.
        if manifest?.title == nil && meta.title == nil { parts.append(DocumentNote(.noTitle, "no title (no headline, no opening words)")) }
        return parts
    }
}

/// The dates a document's sentences are read from: the publication date, or an archive text's anchor (the
/// story's time), or, under the dateline of a reprinted report, that dateline's date.
struct StoryTime {
    var publication: PartialDate?
    var anchor: PartialDate?
    /// A story of a past day told today: its sentences in the future tense speak from the publication date.
    var retrospective = false
    /// The byte where a reprinted report starts under its own dateline; text before it (an editor's
    /// introduction) is read from the publication date.
    var reprintStart: Int?
    var reprintDate: PartialDate?

    /// The date relative and yearless dates of a sentence starting at byte `start` are read from, and whether it
    /// is the story's time rather than the publication date.
    func reference(sentenceStart start: Int, future: Bool) -> (date: PartialDate?, anchored: Bool) {
        guard let anchor else { return (publication, false) }
        if let reprintStart {
            if start < reprintStart { return publication.map { ($0, false) } ?? (anchor, true) }
            return (reprintDate ?? anchor, true)
        }
        if retrospective && future, let publication { return (publication, false) }
        return (anchor, true)
    }
}

/// One thing missing or odd in a document.
struct DocumentNote {
    enum Kind: String, CaseIterable {
        case unreadLanguage = "in a language the rules do not read"
        case unknownScript = "in a script Dossier does not know"
        case mixedLanguages = "in mixed languages"
        case noLanguage = "without words to tell the language by"
        case tableOnly = "with nothing but a table"
        case noDate = "without a publication date"
        case leadDate = "dated from their lead"
        case inferredYear = "dated with an inferred year"
        case noTitle = "without a title"
    }
    var kind: Kind
    var text: String
    init(_ kind: Kind, _ text: String) { self.kind = kind; self.text = text }
}

/// Makes each document's notes one `note` diagnostic naming its file, for the first `verbatim` documents with
/// notes; past them, only counts by kind, given as one summary note at the end (a corpus of 100,000 generated
/// articles would otherwise print, and hold, 100,000 notes).
struct NoteCollector {
    static let verbatim = 200
    private var documents = 0
    private var counts: [DocumentNote.Kind: Int] = [:]

    mutating func add(_ notes: [DocumentNote], file: String) -> Diagnostic? {
        guard !notes.isEmpty else { return nil }
        documents += 1
        if documents <= Self.verbatim {
            return Diagnostic(file: file, severity: .note, message: notes.map(\.text).joined(separator: "; "))
        }
        for n in notes { counts[n.kind, default: 0] += 1 }
        return nil
    }

    /// "1,234 more documents have notes: 800 in mixed languages, 600 without a publication date", or nil.
    func summary(corpus: String) -> Diagnostic? {
        Self.summary(documents: documents, counts: DocumentNote.Kind.allCases.map { counts[$0] ?? 0 }, corpus: corpus)
    }

    /// The same, of `documents` with notes, those past the first `verbatim` having `counts` notes of each kind
    /// (`DocumentNote.Kind.allCases`' order).
    static func summary(documents: Int, counts: [Int], corpus: String) -> Diagnostic? {
        let more = documents - Self.verbatim
        guard more > 0 else { return nil }
        let kinds = zip(DocumentNote.Kind.allCases, counts).compactMap { k, n in n > 0 ? "\(n) \(k.rawValue)" : nil }
        return Diagnostic(file: corpus, severity: .note,
                          message: "\(more) more documents have notes (only the first \(Self.verbatim) are listed): \(kinds.joined(separator: ", "))")
    }
}

enum TableCheck {
    /// True when the text holds a `|` or a tab and at least four lines in five (of two or more) are table rows:
    /// cells separated by `|` or tabs (two separators or more), or rules made of `-`, `=`, `+`, `|` and `:`.
    static func isTableOnly(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(b.count, 1 << 20)
        // Most texts hold no cell separator at all: they are done in one quick pass.
        guard let base = b.baseAddress, memchr(base, 0x7C, n) != nil || memchr(base, 0x09, n) != nil else { return false }
        var lines = 0, rows = 0
        var i = 0
        while i < n {
            var j = i
            var separators = 0, ruleBytes = 0, other = 0
            while j < n && b[j] != 0x0A {
                let c = b[j]
                if c == 0x7C || c == 0x09 { separators += 1 }
                if c == 0x2D || c == 0x3D || c == 0x2B || c == 0x7C || c == 0x3A { ruleBytes += 1 }
                else if c != 0x20 && c != 0x0D { other += 1 }
                j += 1
            }
            if ruleBytes + other > 0 {
                lines += 1
                if separators >= 2 || (other == 0 && ruleBytes >= 3) { rows += 1 }
            }
            i = j + 1
        }
        return lines >= 2 && rows * 5 >= lines * 4
    }
}
