import Foundation

// Reading a lexicon folder (Data/lexicon/FORMAT.md): the known word sets and their shapes, every file
// checked line by line, every problem reported with file, line and column.

/// What a word set holds.
enum LexiconShape: Sendable {
    /// Single tokens ("will", "sẽ").
    case words
    /// Phrases of one or more tokens ("left for", "lên đường sang").
    case phrases
    /// Single tokens with a number (months, weekdays, "three-day").
    case numbers(ClosedRange<Int>)
    /// Single tokens with a level.
    case levels
    /// Single tokens with a visit kind.
    case kinds
    /// Phrases with a visit kind.
    case phraseKinds
    /// Phrases with a number ("last night" -1: days from the reference date).
    case phraseNumbers(ClosedRange<Int>)
    /// Titles: phrases with a level and whether the level depends on the body named after them.
    case titles
    /// Single tokens with a gender (`f`, `m`): pronouns.
    case genders
    /// Phrases with a gender: honorifics and titles before a name ("Mrs", "Crown Princess", "nữ hoàng").
    case phraseGenders

    var columns: [String] {
        switch self {
        case .words, .phrases: ["entry"]
        case .numbers, .phraseNumbers: ["entry", "number"]
        case .levels: ["entry", "level"]
        case .kinds, .phraseKinds: ["entry", "kind"]
        case .titles: ["entry", "level", "depends_on_body"]
        case .genders, .phraseGenders: ["entry", "gender"]
        }
    }

    var singleToken: Bool {
        switch self {
        case .words, .numbers, .levels, .kinds, .genders: true
        case .phrases, .phraseKinds, .phraseNumbers, .titles, .phraseGenders: false
        }
    }
}

/// One entry of a word set, as read.
struct LexiconEntry {
    var keys: [UInt64]
    /// The entry as written, and its line in its file (for the messages of an overlay).
    var text = ""
    var line = 0
    var value: String?
    var dependsOnBody = false
}

/// The entries of every set, merged over the language folders.
struct LexiconSets {
    var entries: [String: [LexiconEntry]] = [:]

    func list(_ name: String) -> [LexiconEntry] { entries[name] ?? [] }
    func keys(_ name: String) -> [UInt64] { list(name).map { $0.keys[0] } }
    func words(_ name: String) -> KeyTableSet { KeyTableSet(keys(name)) }
    func phrases(_ name: String) -> PhraseSet {
        var set = PhraseSet([])
        for e in list(name) { set.insert(e.keys) }
        return set
    }
    func numbers(_ name: String) -> LookupTable<Int> {
        var table = LookupTable<Int>()
        for e in list(name) { table[e.keys[0]] = Int(e.value ?? "") ?? 0 }
        return table
    }
    func phraseNumbers(_ name: String) -> PhraseValues<Int> {
        var table = PhraseValues<Int>()
        for e in list(name) { if let n = e.value.flatMap({ Int($0) }) { table.insert(e.keys, n) } }
        return table
    }
    func levels(_ name: String) -> LookupTable<Level> {
        var table = LookupTable<Level>()
        for e in list(name) { if let l = e.value.flatMap(Level.init(rawValue:)) { table[e.keys[0]] = l } }
        return table
    }
    func kinds(_ name: String) -> LookupTable<VisitKind> {
        var table = LookupTable<VisitKind>()
        for e in list(name) { if let k = e.value.flatMap(VisitKind.init(rawValue:)) { table[e.keys[0]] = k } }
        return table
    }
    func phraseKinds(_ name: String) -> PhraseValues<VisitKind> {
        var table = PhraseValues<VisitKind>()
        for e in list(name) { if let k = e.value.flatMap(VisitKind.init(rawValue:)) { table.insert(e.keys, k) } }
        return table
    }
    func genders(_ name: String) -> LookupTable<Gender> {
        var table = LookupTable<Gender>()
        for e in list(name) { if let g = e.value.flatMap(Gender.init(rawValue:)) { table[e.keys[0]] = g } }
        return table
    }
    func phraseGenders(_ name: String) -> PhraseValues<Gender> {
        var table = PhraseValues<Gender>()
        for e in list(name) { if let g = e.value.flatMap(Gender.init(rawValue:)) { table.insert(e.keys, g) } }
        return table
    }
    /// First token key -> titles starting with it, longest first.
    func titles() -> LookupTable<[TitleEntry]> {
        var table = LookupTable<[TitleEntry]>()
        for e in list("titles") {
            guard let level = e.value.flatMap(Level.init(rawValue:)) else { continue }
            var list = table[e.keys[0]] ?? []
            list.append(TitleEntry(tokens: e.keys, level: level, dependsOnBody: e.dependsOnBody))
            list.sort { $0.tokens.count > $1.tokens.count }
            table[e.keys[0]] = list
        }
        return table
    }
}

extension Lexicon {
    /// The language folders read, in order.
    public static let languages = Language.read.map(\.code)

    /// Every word set the rules use, its file name (without `.tsv`) and shape.
    static let schema: [(name: String, shape: LexiconShape)] = [
        ("titles", .titles), ("body-levels", .levels), ("institution-words", .words), ("name-connectors", .words),
        ("name-particles", .words), ("family-names", .words), ("title-modifiers", .words), ("historical-modifiers", .words), ("of-words", .words),
        ("honorifics", .words), ("host-cues", .phrases), ("other-party-cues", .phrases), ("guest-cues", .phrases), ("host-verbs", .phrases), ("passive-markers", .words), ("person-prepositions", .words), ("since-phrases", .phrases),
        ("visit-nouns", .phrases), ("visit-verbs", .phrases), ("travel-words", .phrases), ("presence-words", .phrases),
        ("presence-acts", .phrases), ("capital-words", .phrases), ("place-relatives", .words), ("place-nouns", .words), ("reverent-pronouns", .words),
        ("continuation-words", .phrases), ("leg-start-words", .phrases), ("origin-words", .words),
        ("weekend-words", .phrases), ("onward-words", .phrases), ("unannounced-phrases", .phrases),
        ("attend-verbs", .phrases), ("gathering-words", .phrases), ("attendance-words", .phrases),
        ("gathering-topic-words", .phrases), ("remote-words", .phrases), ("skip-verbs", .phrases), ("plural-markers", .words),
        ("visiting-words", .words), ("invitation-verbs", .words), ("clause-openers", .words),
        ("relative-pronouns", .words), ("place-prepositions", .words), ("outside-words", .words),
        ("since-words", .words), ("month-part-words", .words), ("later-words", .words), ("years-ago-openers", .words), ("concluding-verbs", .words), ("definite-fillers", .words),
        ("possessive-pronouns", .words), ("subject-pronouns", .words), ("object-pronouns", .words),
        ("pronoun-genders", .genders), ("honorific-genders", .phraseGenders),
        ("delegation-words", .phrases), ("accompany-words", .phrases), ("accompanied-by-words", .phrases), ("send-words", .phrases), ("number-words", .numbers(1...99)), ("planned-words", .words),
        ("negation-words", .words), ("expected-words", .words), ("sequence-words", .words), ("kind-fillers", .words),
        ("cancel-words", .phrases), ("unrealised-plan-phrases", .phrases), ("unreached-phrases", .phrases), ("removal-verbs", .words), ("removed-from-words", .words), ("counterfactual-phrases", .phrases), ("rescheduled-from-words", .words), ("kind-words", .kinds), ("kind-phrases-after", .phraseKinds),
        ("meeting-words", .phrases), ("summit-words", .phrases), ("message-words", .phrases),
        ("relations-words", .phrases), ("establish-words", .phrases), ("founding-words", .phrases), ("attribution-openers", .phrases), ("anniversary-words", .words),
        ("label-stops", .words), ("months", .numbers(1...12)), ("month-phrases", .phraseNumbers(1...12)), ("ago-units", .phraseNumbers(1...31)), ("weekdays", .numbers(0...6)),
        ("not-destination-before", .phrases), ("not-destination-after", .phrases),
        ("water-name-before", .phrases), ("water-name-after", .phrases), ("destination-prepositions", .words),
        ("clause-starters", .phrases), ("subordinators", .phrases), ("invitation-nouns", .phrases),
        ("planned-phrases", .phrases), ("occurred-words", .phrases), ("present-tense-words", .words), ("past-tense-words", .words), ("coordinators", .words),
        ("archive-markers", .phrases), ("retrospective-markers", .phrases), ("years-ago-words", .phrases),
        ("count-words", .numbers(1...99)), ("present-future-words", .words), ("back-reference-words", .phrases), ("speech-verbs", .phrases), ("relative-days", .phraseNumbers(-7...7)),
        ("story-days", .phraseNumbers(-7...7)), ("story-shift-words", .phraseNumbers(-1...1)),
        ("story-shift-before-comma", .phraseNumbers(-1...1)), ("story-then-words", .phrases), ("time-units", .numbers(1...365)),
        ("abbreviations", .words), ("title-markers", .phrases),
        ("published-markers", .phrases), ("republished-markers", .phrases), ("updated-markers", .phrases),
        ("byline-markers", .phrases), ("byline-words", .words), ("header-fillers", .words), ("analysis-labels", .phrases),
        ("pair-words", .phrases), ("motion-words", .phrases),
        ("contrast-words", .words), ("cancel-object-verbs", .words), ("trip-pronouns", .phrases),
        ("departure-phrases", .phrases), ("substitute-before", .phrases), ("substitute-after", .phrases),
        ("less-than-phrases", .phrases), ("copula-words", .words), ("nobody-words", .words), ("absence-nouns", .phrases), ("lead-verbs", .phrases), ("after-words", .phrases),
        ("journey-stop-words", .phrases), ("host-possessive-nouns", .phrases), ("companion-words", .phrases), ("spouse-words", .phrases), ("time-relatives", .words),
        ("shuttle-words", .phrases), ("until-words", .words), ("arrival-words", .phrases), ("likewise-words", .phrases),
        ("person-ceremony-words", .phrases),
    ]

    /// Reads the lexicon in `directory`: its language folders (`en/`, `vi/`; other folders are not word
    /// sets), one `.tsv` file per word set, and `rules.yaml`; then each folder of `overlays` layered over it
    /// (LexiconOverlay.swift). Bad lines are reported and skipped; `suggest` names the closest known set for an
    /// unknown file ("did you mean").
    public static func load(directory: URL, overlays: [URL] = [],
                            suggest: @escaping (String, [String]) -> String? = { _, _ in nil }) -> (Lexicon, [Diagnostic]) {
        var reader = LexiconReader(suggest: suggest)
        reader.readBase(directory)
        for overlay in overlays { reader.readOverlay(overlay) }
        return (Lexicon(reader.sets, rules: reader.rules, directory: directory), reader.diagnostics)
    }

    /// One word set file: its entries and the problems of its lines.
    static func readSet(path: String, shape: LexiconShape,
                        seen: inout [[UInt64]: SourceLine]) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        let tsv = TSVFile(path: path, columns: shape.columns)
        var diagnostics = tsv.diagnostics
        var entries: [LexiconEntry] = []
        for row in tsv.rows {
            let text = tsv.string(row.cells[0]).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { diagnostics.append(tsv.diagnostic(row, cell: 0, "empty entry; line skipped")); continue }
            if shape.singleToken, text.contains(" ") {
                diagnostics.append(tsv.diagnostic(row, cell: 0, "'\(text)' has several words, but this set holds single words; line skipped"))
                continue
            }
            var entry = LexiconEntry(keys: keys(text), text: text, line: row.line)
            if shape.columns.count > 1 {
                let value = tsv.string(row.cells[1])
                if let problem = problem(with: value, for: shape) {
                    diagnostics.append(tsv.diagnostic(row, cell: 1, problem + "; line skipped"))
                    continue
                }
                entry.value = value
            }
            if case .titles = shape {
                let body = tsv.string(row.cells[2])
                guard body == "yes" || body == "no" else {
                    diagnostics.append(tsv.diagnostic(row, cell: 2, "depends_on_body must be 'yes' or 'no', found '\(body)'; line skipped"))
                    continue
                }
                entry.dependsOnBody = body == "yes"
            }
            if let first = seen[entry.keys] {
                let place = first.file == path ? "line \(first.line)" : "\(first.file):\(first.line)"
                diagnostics.append(tsv.diagnostic(row, cell: 0, .warning, "'\(text)' is already in this set (\(place)); duplicate ignored"))
                continue
            }
            seen[entry.keys] = SourceLine(file: path, line: row.line)
            entries.append(entry)
        }
        return (entries, diagnostics)
    }

    /// What is wrong with a value cell, if anything.
    static func problem(with value: String, for shape: LexiconShape) -> String? {
        switch shape {
        case .numbers(let range), .phraseNumbers(let range):
            guard let n = Int(value), range.contains(n) else { return "expected a number in \(range.lowerBound)...\(range.upperBound), found '\(value)'" }
            return nil
        case .levels, .titles:
            return Level(rawValue: value) == nil ? "unknown level '\(value)' (one of \(Level.allCases.map(\.rawValue).joined(separator: ", ")))" : nil
        case .kinds, .phraseKinds:
            return VisitKind(rawValue: value) == nil ? "unknown kind '\(value)' (one of \(VisitKind.allCases.map(\.rawValue).joined(separator: ", ")))" : nil
        case .genders, .phraseGenders:
            return Gender(rawValue: value) == nil ? "unknown gender '\(value)'\(Gender.hint(for: value))" : nil
        case .words, .phrases:
            return nil
        }
    }

    /// The bundled lexicon's folder (`BundledData`), or `Data/lexicon` in the working directory when none is found.
    public static let bundledDirectory: URL = BundledData.directory("Data/lexicon", holding: "FORMAT.md")
        ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).appendingPathComponent("Data/lexicon", isDirectory: true)

    /// The bundled lexicon and the problems found reading it (none: a test keeps it so).
    public static let bundledWithDiagnostics: (Lexicon, [Diagnostic]) = load(directory: bundledDirectory)
    public static var bundled: Lexicon { bundledWithDiagnostics.0 }
}

/// Reads a lexicon folder and the overlays layered over it, gathering the sets, the rules and the problems.
struct LexiconReader {
    var sets = LexiconSets()
    var rules: [RuleSpec] = []
    /// Where each rule in `rules` was declared.
    var ruleOrigins: [Rule: SourceLine] = [:]
    var diagnostics: [Diagnostic] = []
    /// Set name -> entry keys -> where the entry in force was read.
    var firstSeen: [String: [[UInt64]: SourceLine]] = [:]
    let suggest: (String, [String]) -> String?
    static let shapes = Dictionary(uniqueKeysWithValues: Lexicon.schema.map { ($0.name, $0.shape) })
    static let patternSets = Set(Lexicon.schema.filter {
        if case .words = $0.shape { true } else if case .phrases = $0.shape { true } else { false }
    }.map(\.name))

    init(suggest: @escaping (String, [String]) -> String?) { self.suggest = suggest }

    /// The word set files of one language folder, sorted, with their shapes; an unknown file name is reported.
    mutating func setFiles(in folder: URL) -> [(path: String, name: String, shape: LexiconShape)]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        var files: [(path: String, name: String, shape: LexiconShape)] = []
        for file in names.sorted() where file.hasSuffix(".tsv") {
            let path = folder.appendingPathComponent(file).path
            let name = String(file.dropLast(4))
            guard let shape = Self.shapes[name] else {
                let hint = suggest(name, Lexicon.schema.map(\.name)).map { " (did you mean '\($0).tsv'?)" } ?? ""
                diagnostics.append(Diagnostic(file: path, severity: .error, message: "unknown word set '\(name)'\(hint); file ignored"))
                continue
            }
            files.append((path, name, shape))
        }
        return files
    }

    /// The base lexicon: every set must be in some language folder, and `rules.yaml` must be there.
    mutating func readBase(_ directory: URL) {
        var found = Set<String>()
        var anyLanguage = false
        for language in Lexicon.languages {
            guard let files = setFiles(in: directory.appendingPathComponent(language, isDirectory: true)) else { continue }
            anyLanguage = true
            for file in files {
                found.insert(file.name)
                var seen = firstSeen[file.name] ?? [:]
                let read = Lexicon.readSet(path: file.path, shape: file.shape, seen: &seen)
                firstSeen[file.name] = seen
                sets.entries[file.name, default: []] += read.entries
                diagnostics += read.diagnostics
            }
        }
        if !anyLanguage {
            diagnostics.append(Diagnostic(file: directory.path, severity: .error,
                                          message: "no language folder (\(Lexicon.languages.joined(separator: ", "))) in the lexicon"))
        } else {
            for (name, _) in Lexicon.schema where !found.contains(name) {
                diagnostics.append(Diagnostic(file: directory.path, severity: .error,
                                              message: "word set '\(name)' missing: no \(name).tsv in any language folder"))
            }
        }
        let rulesPath = directory.appendingPathComponent("rules.yaml").path
        guard FileManager.default.fileExists(atPath: rulesPath) else {
            diagnostics.append(Diagnostic(file: rulesPath, severity: .error, message: "no rules file (rules.yaml) in the lexicon"))
            return
        }
        let read = Lexicon.readRules(path: rulesPath, patternSets: Self.patternSets, suggest: suggest)
        rules = read.0
        for spec in rules { ruleOrigins[spec.rule] = SourceLine(file: rulesPath, line: spec.line) }
        diagnostics += read.1
    }
}
