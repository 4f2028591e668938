// The gazetteer and lexicon folders a corpus command reads (docs/overlays.md): the bundled ones (or the workspace's
// gazetteer), then the overlays layered over them, in this order, later ones winning: the workspace's `overlays`,
// each corpus folder's `dossier/gazetteer` and `dossier/lexicon`, then --gazetteer and --lexicon.
import ArgumentParser
import CorpusModel
import Foundation
import Workspace

extension CorpusOptions {
    /// `<corpus>/dossier/<kind>` of each corpus folder, where it exists.
    func corpusOverlayFolders(_ kind: String) throws -> [URL] {
        try corpusFolders().map { $0.appendingPathComponent("dossier/\(kind)", isDirectory: true).standardizedFileURL }
            .filter(ResourceHome.isFolder)
    }

    /// The gazetteer folders in loading order: the base (the workspace's gazetteer, else the bundled one; none with
    /// --no-bundled-gazetteer), then the overlays. A folder named twice is read once.
    func gazetteerFolders() throws -> [URL] {
        let base = noBundledGazetteer ? [] : try DossierPaths.folders(option: [], workspace: \.gazetteer) {
            let home = try DossierPaths.home()
            return [try home.require(home.gazetteer, "the gazetteer")]
        }
        let folders = Self.unique(base + (try gazetteerOverlayFolders()))
        if folders.isEmpty { throw ValidationError("--no-bundled-gazetteer needs a gazetteer: give one with --gazetteer DIR") }
        return folders
    }

    /// The analyst's gazetteer folders: the workspace's overlays, the corpus folders' `dossier/gazetteer`, --gazetteer.
    func gazetteerOverlayFolders() throws -> [URL] {
        let workspace = try DossierPaths.workspace().map { $0.overlays.map($0.resolve) } ?? []
        let given = gazetteer.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        return workspace + (try corpusOverlayFolders("gazetteer")) + given
    }

    /// The lexicon read first and the overlays layered over it, in order. With --no-bundled-lexicon the first
    /// --lexicon folder is the base.
    func lexiconLayers() throws -> (base: URL, overlays: [URL]) {
        var given = lexicon.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        let base: URL
        if noBundledLexicon {
            guard !given.isEmpty else { throw ValidationError("--no-bundled-lexicon needs a lexicon: give one with --lexicon DIR") }
            base = given.removeFirst()
        } else {
            base = try DossierPaths.home().lexicon.standardizedFileURL
        }
        let overlays = Self.unique(try corpusOverlayFolders("lexicon") + given).filter { $0.path != base.path }
        return (base, overlays)
    }

    /// The lexicon with its overlays; a mistake in any of their files is refused, every problem listed.
    func loadLexicon() throws -> Lexicon {
        let (base, overlays) = try lexiconLayers()
        let bundled = overlays.isEmpty && base.path == Lexicon.bundledDirectory.standardizedFileURL.path
        let (loaded, problems) = bundled ? Lexicon.bundledWithDiagnostics
            : Lexicon.load(directory: base, overlays: overlays) { Suggestion.closest(to: $0, among: $1) }
        for d in problems where !quiet || d.severity == .error { standardError(d.description) }
        if problems.contains(where: { $0.severity == .error }) {
            let folders = ([base] + overlays).map(\.path).joined(separator: ", ")
            throw ValidationError("the lexicon (\(folders)) has mistakes (listed above); nothing was built")
        }
        return loaded
    }

    /// Refuses a gazetteer overlay with a mistake (an error in one of its files): nothing is built from part of it.
    func refuseOverlayMistakes(_ diagnostics: [Diagnostic]) throws {
        let folders = noBundledGazetteer ? try gazetteerFolders() : try gazetteerOverlayFolders()
        let prefixes = folders.map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" }
        let mistakes = diagnostics.filter { d in
            d.severity == .error && prefixes.contains { d.file.hasPrefix($0) || d.file + "/" == $0 }
        }
        guard !mistakes.isEmpty else { return }
        for d in mistakes { standardError(d.description) }
        throw ValidationError("the gazetteer overlay has mistakes (listed above); nothing was built")
    }

    /// `folders` without repeats (by path), in their first order.
    static func unique(_ folders: [URL]) -> [URL] {
        var seen = Set<String>()
        return folders.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
