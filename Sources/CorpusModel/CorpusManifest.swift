import Foundation
import GuardedYAML
import Yams

/// Metadata a manifest adds to or overrides for one file of a corpus.
public struct ManifestEntry: Sendable, Hashable {
    public var file: String
    public var title: String?
    public var date: PartialDate?
    public var source: String?
    public var url: String?
    public var language: String?
    public var place: String?

    public init(file: String, title: String? = nil, date: PartialDate? = nil, source: String? = nil, url: String? = nil,
                language: String? = nil, place: String? = nil) {
        self.file = file
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.language = language
        self.place = place
    }

    /// A date in the page's address (`url`), used when neither the manifest nor the text gives one:
    /// ".../2019/06/12/...", ".../2019-06-12-slug", "...-20190612-...", ".../20190612/...", or a month,
    /// ".../2019/06/slug".
    public var urlDate: PartialDate? { url.flatMap(Self.date(inURL:)) }

    static let urlDatePatterns: [(NSRegularExpression, Granularity)] = ([
        (#"(?<![0-9])((?:1[89]|20)[0-9]{2})([/_.-])([01]?[0-9])\2([0-3]?[0-9])(?![0-9])"#, .day),
        (#"(?<![0-9])((?:1[89]|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])"#, .day),
        // "-20240112103015.htm": a time stamp, the date then hours, minutes and seconds.
        (#"(?<![0-9])((?:1[89]|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?:[01][0-9]|2[0-3])[0-5][0-9](?:[0-5][0-9])?(?![0-9])"#, .day),
        (#"/((?:1[89]|20)[0-9]{2})/(0?[1-9]|1[0-2])/"#, .month),
    ] as [(String, Granularity)]).map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// False when no pattern of `urlDatePatterns` can match in `text` (nor in any part of it): each needs a year
    /// of 1800-2099 followed by a digit, or by one of "/_.-" and a digit. A scan of the bytes instead of four
    /// regular expressions on nearly every address and file name, which hold no date.
    static func mayHoldDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        var i = 0
        while i + 4 < b.count {
            let century = (b[i] == 0x31 && (b[i + 1] == 0x38 || b[i + 1] == 0x39)) || (b[i] == 0x32 && b[i + 1] == 0x30)
            if century && digit(i + 2) && digit(i + 3) {
                let next = b[i + 4]
                if digit(i + 4) || ((next == 0x2F || next == 0x5F || next == 0x2E || next == 0x2D) && digit(i + 5)) { return true }
            }
            i += 1
        }
        return false
    }

    /// The first date of the most precise form found in `url`'s path (the host is not read).
    static func date(inURL url: String) -> PartialDate? {
        guard mayHoldDate(url) else { return nil }
        var path = Substring(url)
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            path = path.firstIndex(of: "/").map { path[$0...] } ?? ""
        }
        let text = String(path)
        let whole = NSRange(text.startIndex..., in: text)
        for (pattern, granularity) in urlDatePatterns {
            for match in pattern.matches(in: text, range: whole) {
                func group(_ i: Int) -> Int? { Range(match.range(at: i), in: text).flatMap { Int(text[$0]) } }
                let numbers = granularity == .day && match.numberOfRanges == 5 ? [group(1), group(3), group(4)]
                    : granularity == .day ? [group(1), group(2), group(3)] : [group(1), group(2)]
                guard let year = numbers[0], let month = numbers[1] else { continue }
                if let d = PartialDate(year: year, month: month, day: numbers.count > 2 ? numbers[2] : nil) { return d }
            }
        }
        return nil
    }
}

/// `manifest.yaml` in a corpus folder:
///
///     documents:
///       - file: 2025-10-09-hanoitimes-to-lam-state-visit-dprk.txt
///         date: 2025-10-09
///         source: The Hanoi Times
///
/// Problems are reported with line and column; a bad entry is skipped and the others kept.
public enum CorpusManifest {
    static let fields: Set<String> = ["file", "title", "date", "source", "url", "language", "place"]

    public static func parse(_ text: String, path: String) -> ([String: ManifestEntry], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var entries: [String: ManifestEntry] = [:]
        func report(_ mark: Mark?, _ severity: Severity, _ message: String) {
            diagnostics.append(Diagnostic(file: path, line: mark?.line, column: mark?.column, severity: severity, message: message))
        }
        let root: Node?
        do {
            // Every field is read as a string: no scalar needs the default resolver's tags (bool, int, date...).
            root = try GuardedYAML.compose(yaml: text, resolver: .basic)
        } catch let error as YAMLAliasError {
            diagnostics.append(Diagnostic(file: path, line: error.line, column: error.column, severity: .error,
                                          message: error.message + "; manifest ignored"))
            return ([:], diagnostics)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                report(mark, .error, "malformed YAML: \(problem); manifest ignored")
            case let .reader(problem, offset, _, _):
                diagnostics.append(Diagnostic(file: path, byteOffset: offset, severity: .error, message: "malformed YAML: \(problem); manifest ignored"))
            case let .duplicatedKeysInMapping(duplicates, context):
                report(context.mark, .error, "duplicated keys \(duplicates.joined(separator: ", ")); manifest ignored")
            default:
                report(nil, .error, "malformed YAML: \(error); manifest ignored")
            }
            return ([:], diagnostics)
        } catch {
            report(nil, .error, "malformed YAML: \(error); manifest ignored")
            return ([:], diagnostics)
        }
        guard let root else { return ([:], diagnostics) }
        // Either `documents: [ {file: ...}, ... ]` or a mapping from file name to its fields.
        var items: [(String?, Node)] = []
        if let map = root.mapping, let docs = map["documents"] {
            guard let seq = docs.sequence else {
                report(docs.mark, .error, "'documents' must be a list of entries"); return ([:], diagnostics)
            }
            items = seq.map { (nil, $0) }
        } else if let map = root.mapping {
            for (k, v) in map { items.append((k.string, v)) }
        } else {
            report(root.mark, .error, "the manifest must be a mapping with a 'documents' list")
            return ([:], diagnostics)
        }
        for (name, node) in items {
            guard let map = node.mapping else { report(node.mark, .error, "an entry must be a mapping of fields; skipped"); continue }
            var entry = ManifestEntry(file: name ?? "")
            var ok = true
            for (k, v) in map {
                guard let key = k.string else { continue }
                guard fields.contains(key) else { report(k.mark, .warning, "unknown field '\(key)'\(Suggestion.hint(for: key, among: fields)) ignored"); continue }
                guard let value = v.string, v.scalar != nil else {
                    report(v.mark, .error, "field '\(key)' must be a single value"); ok = false; continue
                }
                switch key {
                case "file": entry.file = value
                case "title": entry.title = value
                case "source": entry.source = value
                case "url": entry.url = value
                case "place": entry.place = value
                case "language":
                    let codes = LanguageProfiles.standardCodes
                    if codes.contains(value) { entry.language = value }
                    else {
                        report(v.mark, .warning, "unknown language '\(value)'\(Suggestion.hint(for: value, among: codes)); "
                               + "one of \(codes.joined(separator: ", ")) (Data/lexicon/language-id/languages.tsv); ignored")
                    }
                case "date":
                    if let d = PartialDate(iso: value) { entry.date = d }
                    else { report(v.mark, .error, "date must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), found '\(value)'"); ok = false }
                default: break
                }
            }
            if entry.file.isEmpty { report(node.mark, .error, "entry without 'file'; skipped"); continue }
            if !ok { report(node.mark, .warning, "entry for '\(entry.file)' kept without its invalid fields") }
            if entries[entry.file] != nil { report(node.mark, .warning, "second entry for '\(entry.file)' replaces the first") }
            entries[entry.file] = entry
        }
        return (entries, diagnostics)
    }

    /// The manifest at `path`, parsed; with a `memo`, the parse remembered for its bytes when there is one.
    public static func load(path: String, memo: ManifestMemo? = nil) -> ([String: ManifestEntry], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([:], [Diagnostic(file: path, severity: .error, message: "cannot read manifest")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = [UInt8](data).withUnsafeBufferPointer { UTF8Check.invalidSequences(in: $0, limit: 1).offsets.first }
            return ([:], [Diagnostic(file: path, byteOffset: offset, severity: .error, message: "manifest is not valid UTF-8; ignored")])
        }
        guard let memo else { return parse(text, path: path) }
        let (entries, diagnostics, _) = memo.entries(path: path, bytes: data) { parse(text, path: path) }
        return (entries, diagnostics)
    }
}
