/// The diagnostics a model stores and the merge index's account of the documents' notes, brought up to date for
/// edited articles' notes (`IncrementalRebuild`). A build tells the notes of the first `NoteCollector.verbatim`
/// documents with notes one by one, each after its document's own diagnostics, and counts the others' by kind in a
/// summary that ends the build's diagnostics; an article that gains or loses its notes among the first moves the
/// boundary by one document, whose notes are then told or counted instead.
struct NoteAccount {
    private(set) var diagnostics: [Diagnostic]
    private(set) var index: MergeIndex
    /// The listing's diagnostics, which end the stored ones.
    let listingCount: Int
    /// The name the summary gives the corpus.
    let corpusName: String

    /// A document's stored notes, the number of its own diagnostics before them, and its path; nil when unknown.
    typealias Stored = (notes: [DocumentNote], diagnostics: Int, path: String)

    init(diagnostics: [Diagnostic], index: MergeIndex, listingCount: Int, corpusName: String) {
        self.diagnostics = diagnostics
        self.index = index
        self.listingCount = listingCount
        self.corpusName = corpusName
    }

    private var summary: Diagnostic? {
        NoteCollector.summary(documents: index.noteDocuments.count, counts: index.noteKindCounts.map(Int.init), corpus: corpusName)
    }

    /// Takes the summary out (checked to be the one the account makes); false when it is not where it should be.
    mutating func removeSummary() -> Bool {
        guard let summary else { return true }
        let at = diagnostics.count - listingCount - 1
        guard at >= 0, diagnostics[at] == summary else { return false }
        diagnostics.remove(at: at)
        return true
    }

    /// Puts the summary of the notes as they now are back at the end of the build's diagnostics.
    mutating func appendSummary() {
        if let summary { diagnostics.insert(summary, at: diagnostics.count - listingCount) }
    }

    static func told(_ notes: [DocumentNote], path: String) -> Diagnostic {
        Diagnostic(file: path, severity: .note, message: notes.map(\.text).joined(separator: "; "))
    }

    /// Document `d`'s notes changed from `before` to `after` (`own`: its own diagnostics before them); `stored`
    /// gives another document's. False when the account cannot say what a build would store.
    mutating func update(_ d: Int, path: String, before: [DocumentNote], after: [DocumentNote], own: Int,
                         stored: (Int) -> Stored?) -> Bool {
        let verbatim = NoteCollector.verbatim
        var low = 0, high = index.noteDocuments.count
        while low < high { let mid = (low + high) / 2; if Int(index.noteDocuments[mid]) < d { low = mid + 1 } else { high = mid } }
        let rank = low, noted = rank < index.noteDocuments.count && Int(index.noteDocuments[rank]) == d
        switch (before.isEmpty, after.isEmpty) {
        case (true, true): return true
        case (false, false):
            guard noted else { return false }
            guard rank < index.noteDiagnostics.count else { return count(before, -1) && count(after, 1) }
            let at = Int(index.noteDiagnostics[rank])
            guard at < diagnostics.count, diagnostics[at] == Self.told(before, path: path) else { return false }
            diagnostics[at].message = Self.told(after, path: path).message
            return true
        case (true, false):
            guard !noted else { return false }
            index.noteDocuments.insert(Int32(d), at: rank)
            guard rank < verbatim else { return count(after, 1) }
            guard rank <= index.noteDiagnostics.count else { return false }
            let at = Int(index.diagnosticStarts[d]) + own
            insert(Self.told(after, path: path), at: at, after: d)
            index.noteDiagnostics.insert(Int32(at), at: rank)
            guard index.noteDiagnostics.count > verbatim else { return true }
            // The document told last is counted now.
            let last = Int(index.noteDocuments[verbatim]), lastAt = Int(index.noteDiagnostics[verbatim])
            guard let s = stored(last), diagnostics[lastAt] == Self.told(s.notes, path: s.path) else { return false }
            index.noteDiagnostics.removeLast()
            remove(at: lastAt, of: last)
            return count(s.notes, 1)
        case (false, true):
            guard noted else { return false }
            index.noteDocuments.remove(at: rank)
            guard rank < index.noteDiagnostics.count else { return count(before, -1) }
            let at = Int(index.noteDiagnostics[rank])
            guard diagnostics[at] == Self.told(before, path: path) else { return false }
            index.noteDiagnostics.remove(at: rank)
            remove(at: at, of: d)
            guard index.noteDocuments.count >= verbatim else { return true }
            // The first document counted is told now.
            let next = Int(index.noteDocuments[verbatim - 1])
            guard let s = stored(next), count(s.notes, -1) else { return false }
            let nextAt = Int(index.diagnosticStarts[next]) + s.diagnostics
            insert(Self.told(s.notes, path: s.path), at: nextAt, after: next)
            index.noteDiagnostics.append(Int32(nextAt))
            return true
        }
    }

    /// Adds (`sign` 1) or takes away (-1) notes from the counts by kind; false when a count would fall below 0.
    private mutating func count(_ notes: [DocumentNote], _ sign: Int) -> Bool {
        for note in notes {
            let k = DocumentNote.Kind.allCases.firstIndex(of: note.kind)!
            let n = Int(index.noteKindCounts[k]) + sign
            guard n >= 0 else { return false }
            index.noteKindCounts[k] = UInt32(n)
        }
        return true
    }

    /// A diagnostic of `document` put in at `at`: the later documents' diagnostics and notes move down one.
    private mutating func insert(_ diagnostic: Diagnostic, at: Int, after document: Int) {
        diagnostics.insert(diagnostic, at: at)
        for x in (document + 1)..<index.diagnosticStarts.count { index.diagnosticStarts[x] += 1 }
        for k in index.noteDiagnostics.indices where Int(index.noteDiagnostics[k]) >= at { index.noteDiagnostics[k] += 1 }
    }

    /// The diagnostic at `at`, of `document`, taken out: the later ones move up one.
    private mutating func remove(at: Int, of document: Int) {
        diagnostics.remove(at: at)
        for x in (document + 1)..<index.diagnosticStarts.count { index.diagnosticStarts[x] -= 1 }
        for k in index.noteDiagnostics.indices where Int(index.noteDiagnostics[k]) > at { index.noteDiagnostics[k] -= 1 }
    }
}
