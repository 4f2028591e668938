// A document's metadata from its three sources, in order of precedence: the manifest, the text
// (Metadata.swift), the page's address (`ManifestEntry.urlDate`); and the one note that says what was
// missing or odd in it.

enum DocumentFacts {
    /// The analysis's starting record: title, dates with their sources, place, source, address and language.
    static func document(source: SourceText, meta: TextMetadata, manifest: ManifestEntry?) -> DocumentAnalysis {
        let urlDate = manifest?.urlDate
        let date = manifest?.date ?? meta.date ?? urlDate
        let dateSource: MetadataSource = manifest?.date != nil ? .manifest : meta.date != nil ? .text : urlDate != nil ? .url : .none
        var a = DocumentAnalysis(source: source, title: manifest?.title ?? meta.title, date: date, dateSource: dateSource,
                                 place: manifest?.place ?? meta.place, source_: manifest?.source ?? meta.source,
                                 url: manifest?.url, language: manifest?.language ?? meta.language)
        if let (anchor, how) = meta.anchor {
            // "On this day in 1959": the publication's day and month, in that year.
            if how == .onThisDay, let m = date?.month {
                a.anchor = PartialDate(year: anchor.year, month: m, day: date?.day) ?? PartialDate(year: anchor.year, month: m)
            } else {
                a.anchor = anchor
            }
            a.anchorSource = how
        }
        return a
    }

    /// At most one note for the document: what was missing (a date, a title), a language the rules do not
    /// read, mixed languages, a text that is only a table.
    static func notes(_ a: DocumentAnalysis, meta: TextMetadata, manifest: ManifestEntry?, languages: LanguageProfiles,
                      bytes: UnsafeBufferPointer<UInt8>) -> [Diagnostic] {
        var parts: [String] = []
        let name = languages.language(code: a.language)?.name ?? a.language
        if let profile = languages.language(code: a.language), !profile.read {
            parts.append((manifest?.language != nil ? "the manifest says \(name)" : "looks like \(name)")
                         + ": kept as a document, no events read")
        }
        if manifest?.language == nil, let g = meta.languageGuess, g.shares.count > 1, g.shares[1].share >= 0.2 {
            let shares = g.shares.prefix(3).map { "\(Int(($0.share * 100).rounded()))% \(languages.languages[$0.language].name)" }
            parts.append("mixed languages (\(shares.joined(separator: ", ")) of the text): taken as \(name), the majority")
        }
        if meta.languageGuess == nil && manifest?.language == nil {
            parts.append("no words to tell the language by: taken as \(name)")
        }
        if TableCheck.isTableOnly(bytes) { parts.append("nothing but a table: no sentences to read") }
        if a.date == nil {
            parts.append("no publication date found (no header date, dateline, date in the URL or manifest date): "
                         + (a.anchor.map { "relative and yearless dates are read from the archive date \($0.iso)" }
                            ?? "relative and yearless dates are not resolved"))
        }
        // A text without a headline takes its opening words as title (wire copy often has none): no note.
        if manifest?.title == nil && meta.title == nil { parts.append("no title (no headline, no opening words)") }
        guard !parts.isEmpty else { return [] }
        return [Diagnostic(file: a.source.path, severity: .note, message: parts.joined(separator: "; "))]
    }
}

enum TableCheck {
    /// True when at least four lines in five (of two or more) are table rows: cells separated by `|` or tabs
    /// (two separators or more), or rules made of `-`, `=`, `+`, `|` and `:`.
    static func isTableOnly(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines = 0, rows = 0
        var i = 0
        let n = min(b.count, 1 << 20)
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
