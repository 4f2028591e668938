import Foundation

// Language identification: which language an article is written in, from the writing systems of its
// letters and the stop words of its lines. The profiles are data (Data/lexicon/language-id/, FORMAT.md
// there); the rules read English and Vietnamese only, and an article in another language is kept as a
// document and yields no events.

/// A language the identifier can name.
public struct LanguageProfile: Sendable, Hashable {
    /// ISO 639-1 code ("en", "vi", "es").
    public var code: String
    /// English name ("Spanish").
    public var name: String
    /// True when the event rules read this language.
    public var read: Bool
    /// Indexes into `LanguageProfiles.scripts`; `LanguageProfiles.unknownScript` for the undetermined language.
    var scripts: [Int] { didSet { scriptBits = Self.bits(scripts) } }
    /// `scripts` as a bit set, which identification reads at every line (an array would be retained and released).
    private(set) var scriptBits: UInt64

    init(code: String, name: String, read: Bool, scripts: [Int]) {
        self.code = code
        self.name = name
        self.read = read
        self.scripts = scripts
        scriptBits = Self.bits(scripts)
    }

    private static func bits(_ scripts: [Int]) -> UInt64 { scripts.reduce(0) { $0 | 1 << UInt64($1) } }
    /// The language this profile identifies.
    public var language: Language { Language(code) }
}

/// What the identifier decided for a text.
struct LanguageGuess: Equatable {
    /// Index into `LanguageProfiles.languages`.
    var language: Int
    /// Every language with a share of the decided text, largest first (shares add up to 1).
    var shares: [(language: Int, share: Double)]
    /// False when no line told its language and the language is only the likeliest of those whose scripts hold
    /// most of the letters (a text of names: "taken as English").
    var told = true

    static func == (a: LanguageGuess, b: LanguageGuess) -> Bool { a.language == b.language }
}

/// The languages, scripts and stop words of `Data/lexicon/language-id/`.
public struct LanguageProfiles: Sendable {
    public private(set) var languages: [LanguageProfile] = []
    /// Script names, in file order.
    public private(set) var scripts: [String] = []
    /// The scripts written without spaces between words (bit i: `scripts[i]`), whose every letter counts.
    private var unspaced: UInt64 = 0
    /// For each script (and the slot of no known script, last), the languages written in it, as a bit set: a line
    /// is decided among the languages of its letters' scripts only.
    private var scriptLanguages: [UInt64] = []
    /// The slot of the counts that holds letters of no known script (after the scripts'): the undetermined
    /// language's only script.
    var unknownScript: Int { scripts.count }
    /// Sorted, non-overlapping code point ranges with the script each belongs to.
    private var ranges: [(range: ClosedRange<UInt32>, script: Int)] = []
    /// Lower-case key of a stop word -> bit set of the languages it belongs to.
    private var stopwords = LookupTable<UInt64>()
    /// A letter few languages use ("ư", "ñ", "ї"), keyed by its code point -> bit set of the languages that list
    /// it (a `LookupTable`: a `Dictionary` hashed every non-ASCII letter of every article with SipHash).
    private var letters = LookupTable<UInt64>()

    public static let languageColumns = ["code", "name", "read", "scripts", "letters"]
    public static let scriptColumns = ["script", "ranges", "spaces"]
    /// The values of `scripts.tsv`'s `spaces`: whether the script puts spaces between words.
    public static let spacesValues = ["yes", "no"]
    /// At most this many scripts and languages (bit sets of 64; the undetermined language takes one).
    static let maximumScripts = 63, maximumLanguages = 63
    public static let stopwordColumns = ["language", "word"]

    /// The profile with this code.
    public func language(code: String) -> LanguageProfile? { languages.first { $0.code == code } }
    public func profile(of language: Language) -> LanguageProfile? { self.language(code: language.code) }
    func index(of code: String) -> Int? { languages.firstIndex { $0.code == code } }

    /// English and Vietnamese only, told apart by Vietnamese letters: what identification falls back to when
    /// the data files cannot be found.
    public static let minimal: LanguageProfiles = {
        var p = LanguageProfiles()
        p.scripts = ["latin"]
        p.ranges = [(0x41...0x5A, 0), (0x61...0x7A, 0), (0xC0...0x24F, 0), (0x1E00...0x1EFF, 0)]
        p.asciiScript = 0
        p.languages = [LanguageProfile(code: Language.english.code, name: "English", read: true, scripts: [0]),
                       LanguageProfile(code: Language.vietnamese.code, name: "Vietnamese", read: true, scripts: [0])]
        p.addUndetermined()
        for letter in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".unicodeScalars { p.letters[UInt64(letter.value)] = 2 }
        for w in ["the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "with", "said"] { p.addStopword(w, language: 0) }
        for w in ["của", "và", "các", "là", "có", "được", "trong", "những", "với", "cho", "đã", "này", "một", "không"] {
            p.addStopword(w, language: 1)
        }
        return p
    }()

    /// The profiles in the bundled `Data/lexicon/language-id` (found as `BundledData` says), loaded once; `minimal` with a warning when
    /// the folder is not found.
    public static let standard: (profiles: LanguageProfiles, diagnostics: [Diagnostic]) = {
        guard let dir = standardDirectory() else {
            return (minimal, [Diagnostic(file: "Data/lexicon/language-id", severity: .warning,
                                         message: "language profiles not found; only English and Vietnamese are told apart")])
        }
        return load(directory: dir)
    }()

    /// The codes of `standard`'s languages, in its order, read without the stop words: what a manifest's
    /// `language` field is checked against when a corpus is listed (every command, a cached model's too).
    public static let standardCodes: [String] = {
        guard let directory = standardDirectory() else { return minimal.languages.map(\.code) }
        var p = LanguageProfiles()
        _ = p.loadScripts(directory.appendingPathComponent(codeFiles[0]).path)
        _ = p.loadLanguages(directory.appendingPathComponent(codeFiles[1]).path)
        return (p.languages.isEmpty ? minimal : p).languages.map(\.code)
    }()

    /// The files of `standardDirectory()` that `standardCodes` reads (a remembered manifest parse is keyed by them).
    static let codeFiles = ["scripts.tsv", "languages.tsv"]

    static func standardDirectory() -> URL? {
        BundledData.directory("Data/lexicon/language-id", holding: "languages.tsv")
    }

    // MARK: - Loading

    /// Loads `scripts.tsv`, `languages.tsv` and `stopwords.tsv` from `directory`. A bad line is reported with
    /// file, line and column and skipped; the rest loads.
    public static func load(directory: URL) -> (LanguageProfiles, [Diagnostic]) {
        var p = LanguageProfiles()
        var d: [Diagnostic] = []
        d += p.loadScripts(directory.appendingPathComponent("scripts.tsv").path)
        d += p.loadLanguages(directory.appendingPathComponent("languages.tsv").path)
        d += p.loadStopwords(directory.appendingPathComponent("stopwords.tsv").path)
        if p.languages.isEmpty { return (minimal, d) }
        return (p, d)
    }

    private mutating func loadScripts(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.scriptColumns)
        var d = t.diagnostics
        for row in t.rows {
            let name = t.string(row.cells[0]), spaces = t.string(row.cells[2])
            guard !name.isEmpty else { d.append(t.diagnostic(row, cell: 0, "empty script name; line skipped")); continue }
            guard !scripts.contains(name) else { d.append(t.diagnostic(row, cell: 0, "script '\(name)' is defined twice; line skipped")); continue }
            guard Self.spacesValues.contains(spaces) else {
                let hint = Suggestion.hint(for: spaces, among: Self.spacesValues)
                d.append(t.diagnostic(row, cell: 2, "spaces must be 'yes' (words between spaces) or 'no' (written without spaces), "
                                      + "found '\(spaces)'\(hint); line skipped")); continue
            }
            guard scripts.count < Self.maximumScripts else {
                d.append(t.diagnostic(row, cell: 0, "more than \(Self.maximumScripts) scripts; line skipped")); continue
            }
            var parsed: [ClosedRange<UInt32>] = []
            for item in t.list(row.cells[1]) {
                let ends = item.split(separator: "-", omittingEmptySubsequences: false).map { UInt32($0, radix: 16) }
                guard (1...2).contains(ends.count), let lo = ends.first!, let hi = ends.last!, lo <= hi, hi <= 0x10FFFF else {
                    d.append(t.diagnostic(row, cell: 1, "'\(item)' is not a hexadecimal code point range such as 0400-04FF; line skipped"))
                    parsed = []
                    break
                }
                if let clash = ranges.first(where: { $0.range.overlaps(lo...hi) }) {
                    d.append(t.diagnostic(row, cell: 1, "\(item) overlaps a range of '\(scripts[clash.script])'; line skipped"))
                    parsed = []
                    break
                }
                parsed.append(lo...hi)
            }
            guard !parsed.isEmpty else {
                if t.list(row.cells[1]).isEmpty { d.append(t.diagnostic(row, cell: 1, "no ranges; line skipped")) }
                continue
            }
            if spaces == "no" { unspaced |= 1 << UInt64(scripts.count) }
            scripts.append(name)
            for r in parsed { ranges.append((r, scripts.count - 1)) }
        }
        ranges.sort { $0.range.lowerBound < $1.range.lowerBound }
        asciiScript = lookupScript(0x61)
        return d
    }

    private mutating func loadLanguages(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.languageColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let code = t.string(c[0]), name = t.string(c[1]), read = t.string(c[2])
            guard code.count >= 2, code.count <= 3, code.allSatisfy({ $0 >= "a" && $0 <= "z" }) else {
                d.append(t.diagnostic(row, cell: 0, "'\(code)' is not a language code (two or three lower-case letters); line skipped")); continue
            }
            guard code != Language.undetermined.code else {
                d.append(t.diagnostic(row, cell: 0, "'\(code)' is Dossier's own code for a text in no known script (undetermined); line skipped"))
                continue
            }
            guard index(of: code) == nil else { d.append(t.diagnostic(row, cell: 0, "language '\(code)' is listed twice; line skipped")); continue }
            guard !name.isEmpty else { d.append(t.diagnostic(row, cell: 1, "empty name; line skipped")); continue }
            guard read == "yes" || read == "no" else {
                d.append(t.diagnostic(row, cell: 2, "read must be 'yes' or 'no', found '\(read)'; line skipped")); continue
            }
            guard languages.count < Self.maximumLanguages else {
                d.append(t.diagnostic(row, cell: 0, "more than \(Self.maximumLanguages) languages; line skipped")); continue
            }
            var own: [Int] = []
            var ok = true
            for s in t.list(c[3]) {
                guard let i = scripts.firstIndex(of: s) else {
                    let hint = Suggestion.hint(for: s, among: scripts)
                    d.append(t.diagnostic(row, cell: 3, "unknown script '\(s)'\(hint) (scripts.tsv); line skipped")); ok = false; break
                }
                own.append(i)
            }
            if ok && own.isEmpty { d.append(t.diagnostic(row, cell: 3, "no scripts; line skipped")); ok = false }
            guard ok else { continue }
            languages.append(LanguageProfile(code: code, name: name, read: read == "yes", scripts: own))
            for letter in t.string(c[4]).unicodeScalars {
                let lower = Fold.lowerScalar(letter.value)
                guard lower == letter.value, letter.properties.isAlphabetic else {
                    d.append(t.diagnostic(row, cell: 4, .warning, "'\(letter)' is not a lower-case letter; ignored")); continue
                }
                letters[UInt64(lower)] = (letters[UInt64(lower)] ?? 0) | 1 << UInt64(languages.count - 1)
            }
        }
        if !languages.isEmpty { addUndetermined() }
        return d
    }

    /// The undetermined language ("und"), last: the language of letters of no known script, never read. Then the
    /// languages are final: `scriptLanguages` is made.
    private mutating func addUndetermined() {
        languages.append(LanguageProfile(code: Language.undetermined.code, name: "unknown script", read: false,
                                         scripts: [unknownScript]))
        scriptLanguages = Array(repeating: 0, count: scripts.count + 1)
        for (l, language) in languages.enumerated() {
            for s in language.scripts { scriptLanguages[s] |= 1 << UInt64(l) }
        }
    }

    private mutating func loadStopwords(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.stopwordColumns)
        var d = t.diagnostics
        var firstLine: [String: Int] = [:]
        for row in t.rows {
            let code = t.string(row.cells[0]), word = t.string(row.cells[1])
            guard let i = index(of: code) else {
                let hint = Suggestion.hint(for: code, among: languages.map(\.code))
                d.append(t.diagnostic(row, cell: 0, "unknown language '\(code)'\(hint) (languages.tsv); line skipped")); continue
            }
            guard !word.isEmpty, !word.contains(" ") else {
                d.append(t.diagnostic(row, cell: 1, "a stop word is one word, found '\(word)'; line skipped")); continue
            }
            guard word == word.lowercased() else {
                d.append(t.diagnostic(row, cell: 1, "stop words are written in lower case, found '\(word)'; line skipped")); continue
            }
            if let first = firstLine[code + "\t" + word] {
                d.append(t.diagnostic(row, cell: 1, .warning, "'\(word)' is listed for '\(code)' already (line \(first))")); continue
            }
            firstLine[code + "\t" + word] = row.line
            addStopword(word, language: i)
        }
        return d
    }

    private mutating func addStopword(_ word: String, language: Int) {
        let k = Fold.lowerKey(word)
        stopwords[k] = (stopwords[k] ?? 0) | 1 << UInt64(language)
    }

    // MARK: - Identification

    /// The script of ASCII letters (looked up once: most words start with one).
    private var asciiScript: Int?

    /// The script of a code point, if any of the profiles' ranges holds it.
    func script(of scalar: UInt32) -> Int? {
        if scalar < 0x80 {
            let lower = scalar | 0x20
            return lower >= 0x61 && lower <= 0x7A ? asciiScript : lookupScript(scalar)
        }
        return lookupScript(scalar)
    }

    private func lookupScript(_ scalar: UInt32) -> Int? {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].range.upperBound < scalar { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].range.contains(scalar) ? ranges[lo].script : nil
    }

    /// Letters per script (and of no known script, last) and stop-word hits per language, over some tokens, counted in memory that `identify` lends
    /// (on the stack): the counts are made at every word of the first 4,000 of every article, and arrays checked
    /// their uniqueness at each one.
    struct Evidence {
        let letters: UnsafeMutableBufferPointer<Int>
        let hits: UnsafeMutableBufferPointer<Int>
        var total: Int {
            var sum = 0
            for n in letters { sum += n }
            return sum
        }
        var hasHits: Bool { hits.contains { $0 > 0 } }
        func clear() {
            letters.update(repeating: 0)
            hits.update(repeating: 0)
        }
    }

    /// Adds a word token: one letter for the script of its first letter (a word of a script written without
    /// spaces, such as Chinese, Thai or Khmer, or of no known script counts each of its letters), and one hit for each language whose
    /// stop word it is or whose letters it holds. A capitalised word counts for a language only where a
    /// sentence may start (`opening`): elsewhere it is a name ("Kim Il Sung" holds no Italian article).
    @inline(__always)
    func count(_ b: UnsafeBufferPointer<UInt8>, _ t: Token, opening: Bool, into e: Evidence) {
        guard t.kind == .word else { return }
        // A capitalised word inside a sentence is a name: its stop words and letters are its own language's,
        // not the text's ("Nguyễn Phú Trọng" in an English report).
        if !(t.capitalized && !opening) {
            var bits = stopwords[t.lower] ?? 0
            if !letters.values.isEmpty { bits |= letterBits(b, t) }
            // One hit per language of the bit set, lowest first (only languages' own bits are ever set).
            while bits != 0 {
                e.hits[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
        let lead = b[Int(t.start)]
        if lead < 0x80 { // most words: one letter of the script of ASCII letters
            if let s = script(of: UInt32(lead)) { e.letters[s] += 1 }
            return
        }
        countLetters(b, t, into: e)
    }

    /// The languages that list a letter of the word (`letters`), as a bit set.
    @inline(__always)
    private func letterBits(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> UInt64 {
        var bits: UInt64 = 0
        var i = Int(t.start)
        let end = Int(t.end)
        // Most words are ASCII: their bytes are read without a bounds check, and no letter of theirs is looked up.
        let bytes = b.baseAddress!
        while i < end && bytes[i] < 0x80 { i += 1 }
        while i < end {
            if b[i] < 0x80 { i += 1; continue }
            guard let (scalar, len) = Fold.decodeScalar(b, at: i, end: end), len > 0 else { i += 1; continue }
            bits |= letters[UInt64(Fold.lowerScalar(scalar))] ?? 0
            i += len
        }
        return bits
    }

    /// The letters of a word that starts outside ASCII. Its first letter decides: of a script written with spaces, the
    /// word counts one letter of that script; of a script written without them (`spaces` no in scripts.tsv), or of no
    /// known script, each letter of the word counts, for its script or as a letter of no known script.
    @inline(__always)
    private func countLetters(_ b: UnsafeBufferPointer<UInt8>, _ t: Token, into e: Evidence) {
        var i = Int(t.start)
        let end = Int(t.end)
        func scalar(at i: Int) -> (UInt32, Int) {
            if b[i] < 0x80 { return (UInt32(b[i]), 1) }
            guard let (s, len) = Fold.decodeScalar(b, at: i, end: end), len > 0 else { return (0xFFFD, 1) }
            return (s, len)
        }
        while i < end { // marks and symbols before the first letter count for nothing
            let (first, len) = scalar(at: i)
            if let s = script(of: first) {
                if unspaced & 1 << UInt64(s) == 0 { e.letters[s] += 1; return }
                break
            }
            if Self.isLetter(first) { break }
            i += len
        }
        while i < end {
            let (s, len) = scalar(at: i)
            if let k = script(of: s) { e.letters[k] += 1 } else if Self.isLetter(s) { e.letters[unknownScript] += 1 }
            i += len
        }
    }

    /// A letter (Unicode's Alphabetic property), asked only of scalars outside every script's ranges.
    static func isLetter(_ scalar: UInt32) -> Bool {
        Unicode.Scalar(scalar)?.properties.isAlphabetic ?? false
    }

    /// The lowest and highest letters of no known script among the most frequent run of them (letters within 128
    /// code points of each other, as a Unicode block's are), in the text's first megabyte; nil when every letter has a script.
    func unknownLetters(_ b: UnsafeBufferPointer<UInt8>) -> ClosedRange<UInt32>? {
        var windows: [UInt32: (count: Int, low: UInt32, high: UInt32)] = [:]
        var i = 0
        let end = min(b.count, 1 << 20)
        while i < end {
            guard b[i] >= 0x80, let (s, len) = Fold.decodeScalar(b, at: i, end: end), len > 0 else { i += 1; continue }
            i += len
            guard script(of: s) == nil, Self.isLetter(s) else { continue }
            let w = windows[s >> 7] ?? (0, s, s)
            windows[s >> 7] = (w.count + 1, min(w.low, s), max(w.high, s))
        }
        guard let most = windows.max(by: { $0.value.count < $1.value.count || $0.value.count == $1.value.count && $0.key > $1.key })
        else { return nil }
        return most.value.low...most.value.high
    }

    /// The language that evidence points to, or nil when it cannot tell (no letters, or languages of one
    /// script that no stop word separates). The language whose scripts hold the largest share of the
    /// letters wins; among equals, the one with the most stop words, then the one with fewer scripts.
    /// `guessing`: a tie goes to the tied language with the largest share, the first of the file among equals
    /// (a text of names in Latin letters is taken as English; one in Cyrillic, as Russian), not to nobody.
    func decide(_ e: Evidence, guessing: Bool = false) -> Int? { decide(e, total: e.total, guessing: guessing) }

    func decide(_ e: Evidence, total: Int, guessing: Bool = false) -> Int? {
        guard total > 0, !languages.isEmpty, scriptLanguages.count == e.letters.count else { return nil }
        // The languages written in a script of the evidence's letters: the others' shares are nought.
        var present: UInt64 = 0
        for s in e.letters.indices where e.letters[s] > 0 { present |= scriptLanguages[s] }
        // Allocation-free (the shares on the stack, each computed once): it runs once per line of every article.
        return languages.withUnsafeBufferPointer { languages in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: languages.count) { shares -> Int? in
                var best = 0.0
                for l in languages.indices {
                    guard present & 1 << UInt64(l) != 0 else { shares[l] = 0; continue }
                    var letters = 0
                    var bits = languages[l].scriptBits
                    while bits != 0 {
                        letters += e.letters[bits.trailingZeroBitCount]
                        bits &= bits - 1
                    }
                    shares[l] = Double(letters) / Double(total)
                    best = max(best, shares[l])
                }
                guard best > 0 else { return nil }
                // Languages without letters are candidates only when no share passes five points (never in practice).
                var candidates = best > 0.05 ? present : UInt64.max >> (64 - languages.count)
                var winner: Int?
                var winnerHits = -1, winnerScripts = Int.max
                var tied = false
                while candidates != 0 { // lowest index first
                    let l = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    guard shares[l] >= best - 0.05 else { continue }
                    let hits = e.hits[l], scripts = languages[l].scriptBits.nonzeroBitCount
                    if hits > winnerHits || (hits == winnerHits && scripts < winnerScripts) {
                        winner = l; winnerHits = hits; winnerScripts = scripts; tied = false
                    } else if hits == winnerHits && scripts == winnerScripts {
                        tied = true
                        if guessing, let w = winner, shares[l] > shares[w] { winner = l }
                    }
                }
                return tied && !guessing ? nil : winner
            }
        }
    }

    /// Identifies the language of `tokens` (the first 4,000 words are enough): each line that tells its
    /// language counts with its number of letters; the language with most wins. Lines that do not tell
    /// (a name, a number) count for nobody; when none tells, the whole text decides (`told` false when it only
    /// guesses). Nil when the text has no letters.
    func identify(_ b: UnsafeBufferPointer<UInt8>, tokens: some Collection<Token>) -> LanguageGuess? {
        guard !languages.isEmpty else { return nil }
        // One line's counts and each language's weight, in one allocation on the stack.
        // Letters are counted per script and of no known script (the last slot, `unknownScript`).
        let scriptCount = scripts.count + 1, languageCount = languages.count
        let counted = withUnsafeTemporaryAllocation(of: Int.self, capacity: scriptCount + 2 * languageCount) {
            memory -> (weights: [Int], whole: (language: Int, told: Bool)?) in
            memory.initialize(repeating: 0)
            let base = memory.baseAddress!
            let line = Evidence(letters: UnsafeMutableBufferPointer(start: base, count: scriptCount),
                                hits: UnsafeMutableBufferPointer(start: base + scriptCount, count: languageCount))
            let weight = UnsafeMutableBufferPointer(start: base + scriptCount + languageCount, count: languageCount)
            countLines(b, tokens: tokens, into: line, weight: weight)
            guard !weight.contains(where: { $0 > 0 }) else { return (Array(weight), nil) }
            // No line told (rare: a text of names): the whole text, counted again in one, decides, or else its
            // likeliest language is taken, untold.
            let whole = line
            whole.clear()
            countLines(b, tokens: tokens, into: whole, weight: nil)
            if let l = decide(whole) { return (Array(weight), (l, true)) }
            return (Array(weight), decide(whole, guessing: true).map { ($0, false) })
        }
        let weights = counted.weights
        let decided = weights.reduce(0, +)
        if decided == 0 {
            guard let (l, told) = counted.whole else { return nil }
            return LanguageGuess(language: l, shares: [(l, 1)], told: told)
        }
        let shares = weights.indices.filter { weights[$0] > 0 }
            .map { (language: $0, share: Double(weights[$0]) / Double(decided)) }
            .sorted { $0.share > $1.share || $0.share == $1.share && $0.language < $1.language }
        return LanguageGuess(language: shares[0].language, shares: shares)
    }

    /// Counts the tokens line by line into `line`; each line that tells its language adds its letters to that
    /// language's `weight`. Without `weight`, the counts of every line add up in `line`: the whole text's.
    private func countLines(_ b: UnsafeBufferPointer<UInt8>, tokens: some Collection<Token>, into line: Evidence,
                            weight: UnsafeMutableBufferPointer<Int>?) {
        var lineEnd = -1
        var words = 0
        var opening = true
        func close() {
            guard let weight else { return }
            let total = line.total
            guard total > 0 || line.hasHits else { return }
            if let l = decide(line, total: total) { weight[l] += total }
            line.clear()
        }
        for t in tokens {
            if Int(t.start) >= lineEnd {
                close()
                lineEnd = MetadataReader.lineEndByte(b, Int(t.start))
                opening = true
            }
            count(b, t, opening: opening, into: line)
            // A sentence may start after a full stop, a question or exclamation mark, a colon or an opening quote.
            opening = t.kind == .punct && (t.first == 0x2E || t.first == 0x21 || t.first == 0x3F || t.first == 0x3A
                                           || t.first == 0x22 || t.first == 0xE2)
            if t.kind == .word { words += 1; if words >= 4000 { break } }
        }
        close()
    }
}
