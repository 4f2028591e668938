import Foundation

// An overlay lexicon (docs/overlays.md): a folder laid out as the bundled one (`en/`, `vi/`, `rules.yaml`), holding
// only what an analyst adds. Its entries join the sets of the lexicon below it; an entry that the lexicon below has
// with another value (a title at another level, a word of another kind or number) and a rule declared again with
// another pattern are reported, naming both files and lines, and the overlay's wins.

extension LexiconReader {
    /// What may stand at the top of an overlay folder.
    static let overlayItems = Lexicon.languages + ["rules.yaml"]

    /// Layers the overlay in `directory` over what is read so far. Its files are checked as the bundled ones are.
    mutating func readOverlay(_ directory: URL) {
        let fileManager = FileManager.default
        guard let items = try? fileManager.contentsOfDirectory(atPath: directory.path) else {
            diagnostics.append(Diagnostic(file: directory.path, severity: .error, message: "lexicon overlay folder not found"))
            return
        }
        for item in items.sorted() where !item.hasPrefix(".") && !item.hasSuffix(".md") && !Self.overlayItems.contains(item) {
            let hint = suggest(item, Self.overlayItems).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(Diagnostic(file: directory.appendingPathComponent(item).path, severity: .error,
                                          message: "not part of a lexicon overlay\(hint): it holds \(Lexicon.languages.joined(separator: "/"))/<set>.tsv and rules.yaml"))
        }
        for language in Lexicon.languages {
            guard let files = setFiles(in: directory.appendingPathComponent(language, isDirectory: true)) else { continue }
            for file in files {
                var seenInFile: [[UInt64]: SourceLine] = [:]
                let read = Lexicon.readSet(path: file.path, shape: file.shape, seen: &seenInFile)
                diagnostics += read.diagnostics
                for entry in read.entries { layer(entry, into: file.name, from: file.path) }
            }
        }
        let rulesPath = directory.appendingPathComponent("rules.yaml").path
        if fileManager.fileExists(atPath: rulesPath) {
            let read = Lexicon.readRules(path: rulesPath, patternSets: Self.patternSets, suggest: suggest)
            diagnostics += read.1
            for spec in read.0 { layer(spec, from: rulesPath) }
        }
    }

    /// Adds an overlay entry to its set; the same entry again is a duplicate, the same words with another value
    /// replace the entry below.
    mutating func layer(_ entry: LexiconEntry, into set: String, from path: String) {
        let here = SourceLine(file: path, line: entry.line)
        guard let below = firstSeen[set]?[entry.keys],
              let index = sets.entries[set]?.firstIndex(where: { $0.keys == entry.keys }) else {
            sets.entries[set, default: []].append(entry)
            firstSeen[set, default: [:]][entry.keys] = here
            return
        }
        let old = sets.entries[set]![index]
        if old.value == entry.value && old.dependsOnBody == entry.dependsOnBody {
            diagnostics.append(Diagnostic(file: path, line: entry.line, column: 1, severity: .warning,
                                          message: "'\(entry.text)' is already in \(set) (\(below)); duplicate ignored"))
            return
        }
        diagnostics.append(Diagnostic(file: path, line: entry.line, column: 1, severity: .warning,
                                      message: "'\(entry.text)' is \(Self.describe(entry, in: set)) here but \(Self.describe(old, in: set)) in \(below); the overlay wins"))
        sets.entries[set]![index] = entry
        firstSeen[set]![entry.keys] = here
    }

    /// An entry's value as the messages name it.
    static func describe(_ entry: LexiconEntry, in set: String) -> String {
        guard case .titles? = shapes[set] else { return "'\(entry.value ?? "")'" }
        return "'\(entry.value ?? "")' (depends_on_body \(entry.dependsOnBody ? "yes" : "no"))"
    }

    /// Adds an overlay rule: a rule the lexicon below declares is replaced in its place, another is tried last.
    mutating func layer(_ spec: RuleSpec, from path: String) {
        let here = SourceLine(file: path, line: spec.line)
        guard let index = rules.firstIndex(where: { $0.rule == spec.rule }) else {
            rules.append(spec)
            ruleOrigins[spec.rule] = here
            return
        }
        let old = rules[index], below = ruleOrigins[spec.rule].map(\.description) ?? "the lexicon below"
        let same = old.pattern == spec.pattern && old.within == spec.within && old.unlessSets == spec.unlessSets
            && old.unlessWithin == spec.unlessWithin && old.spanFirstToken == spec.spanFirstToken
        let message = same ? "rule '\(spec.rule.id)' is already declared the same way (\(below)); the overlay's examples are used"
            : "rule '\(spec.rule.id)' is declared differently in \(below); the overlay wins"
        diagnostics.append(Diagnostic(file: path, line: spec.line, column: 1, severity: .warning, message: message))
        rules[index] = spec
        ruleOrigins[spec.rule] = here
    }
}
