// The workspace: a `dossier.yaml` naming the corpus folders, plugin folders, gazetteer overlays, corrections,
// the cache folder and the default report formats. Found by searching upward from the working directory, as
// git finds `.git`; every command uses it unless an option says otherwise. Paths in it are relative to the
// folder that holds it.

import CorpusModel
import Foundation
import Yams

/// A parsed `dossier.yaml`.
public struct Workspace: Sendable, Equatable {
    public static let fileName = "dossier.yaml"

    /// The file itself.
    public var file: URL
    /// Corpus folders (a folder of .txt/.md articles each).
    public var corpus: [String] = []
    /// Plugin folders, searched after the bundled Plugins/ (as --plugins).
    public var plugins: [String] = []
    /// Gazetteer folders replacing the bundled one (as --gazetteer); empty: the bundled gazetteer.
    public var gazetteer: [String] = []
    /// Gazetteer folders added after the gazetteer (more persons, offices and aliases).
    public var overlays: [String] = []
    /// Corrections files.
    public var corrections: [String] = []
    /// The model cache folder (default: .dossier-cache beside dossier.yaml).
    public var cache: String?
    /// Default report formats of `dossier batch`.
    public var formats: [String] = []
    /// Extractor plugins run while the model is built (as --extractors): names on the plugin search path or paths.
    public var extractors: [String] = []

    public init(file: URL) { self.file = file.standardizedFileURL }

    /// The keys a workspace file may have, in the order `init` writes them.
    public static let keys = ["corpus", "plugins", "gazetteer", "overlays", "corrections", "cache", "formats", "extractors"]
    /// The formats `formats` accepts.
    public static let formatNames = ["text", "md", "csv", "json", "html"]

    /// The folder holding the file: relative paths start there.
    public var folder: URL { file.deletingLastPathComponent() }

    /// A path of the file made absolute.
    public func resolve(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return (expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : folder.appendingPathComponent(expanded)).standardizedFileURL
    }

    /// The cache folder, absolute.
    public var cacheFolder: URL { resolve(cache ?? ".dossier-cache") }

    // MARK: Finding

    /// The nearest `dossier.yaml` in `start` or a folder above it; `DOSSIER_WORKSPACE` (a file) overrides the
    /// search and `DOSSIER_NO_WORKSPACE` turns it off.
    public static func find(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                            environment: [String: String]? = nil) -> URL? {
        if ProcessEnvironment.value("DOSSIER_NO_WORKSPACE", in: environment) != nil { return nil }
        if let file = ProcessEnvironment.value("DOSSIER_WORKSPACE", in: environment), !file.isEmpty { return URL(fileURLWithPath: file) }
        var folder = start.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            if folder.path == "/" || folder.path.isEmpty { return nil }
            folder.deleteLastPathComponent()
        }
    }

    // MARK: Writing

    /// The text `dossier init` writes: every key, those not given commented out with what they do.
    public static func template(corpus: [String], plugins: [String], cache: String?) -> String {
        func list(_ key: String, _ values: [String], _ help: String) -> String {
            let comment = "# \(help)\n"
            if values.isEmpty { return comment + "# \(key): []\n" }
            return comment + "\(key):\n" + values.map { "  - \(YAMLText.quote($0))\n" }.joined()
        }
        return """
        # Dossier workspace: every dossier command run in this folder or below uses it, unless an option
        # says otherwise. Paths are relative to this file. 'dossier status' shows what it resolves to.

        \(list("corpus", corpus, "Corpus folders (.txt/.md articles; an optional manifest.yaml each). Default: the sample corpus."))
        \(list("plugins", plugins, "Plugin folders, searched after the bundled plugins."))
        \(list("gazetteer", [], "Gazetteer folders replacing the bundled one."))
        \(list("overlays", [], "Gazetteer folders added after it: more persons, offices and aliases."))
        \(list("corrections", [], "Corrections files."))
        # The model cache (built on first use, rebuilt when an article, the gazetteer or Dossier changes).
        \(cache.map { "cache: \(YAMLText.quote($0))" } ?? "# cache: .dossier-cache")

        # Formats 'dossier batch' writes by default: text, md, csv, json, html.
        # formats: [md, html]

        # Extractor plugins run while the model is built (docs/extractors.md), by name or path.
        # extractors: [my-extractors/drop-undated-planned.lua]

        """
    }
}

enum YAMLText {
    /// A string as a YAML scalar: plain when that reads back the same, else double-quoted.
    static func quote(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./~".unicodeScalars.contains($0))
        } && !["true", "false", "null", "yes", "no", "~"].contains(s.lowercased())
        if plain { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
