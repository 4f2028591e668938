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
}

/// `manifest.yaml` in a corpus folder:
///
///     documents:
///       - file: 2025-10-09-hanoitimes-to-lam-state-visit-dprk.txt
///         date: 2025-10-09
///         source: The Hanoi Times
///
/// Problems are reported with line and column; a bad entry is skipped and the others kept.
public enum Manifest {
    static let fields: Set<String> = ["file", "title", "date", "source", "url", "language", "place"]

    public static func parse(_ text: String, path: String) -> ([String: ManifestEntry], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var entries: [String: ManifestEntry] = [:]
        func report(_ mark: Mark?, _ severity: Severity, _ message: String) {
            diagnostics.append(Diagnostic(file: path, line: mark?.line, column: mark?.column, severity: severity, message: message))
        }
        let root: Node?
        do {
            root = try GuardedYAML.compose(yaml: text)
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
                guard fields.contains(key) else { report(k.mark, .warning, "unknown field '\(key)' ignored"); continue }
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
                    if value == "en" || value == "vi" { entry.language = value }
                    else { report(v.mark, .warning, "language must be 'en' or 'vi'; ignored") }
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

    public static func load(path: String) -> ([String: ManifestEntry], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([:], [Diagnostic(file: path, severity: .error, message: "cannot read manifest")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = [UInt8](data).withUnsafeBufferPointer { UTF8Check.invalidSequences(in: $0, limit: 1).offsets.first }
            return ([:], [Diagnostic(file: path, byteOffset: offset, severity: .error, message: "manifest is not valid UTF-8; ignored")])
        }
        return parse(text, path: path)
    }
}
