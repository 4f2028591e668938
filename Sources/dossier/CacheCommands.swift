// `dossier index` and `dossier merge`: the model cache built ahead, whole or in shards (docs/model-cache.md).
import ArgumentParser
import CorpusModel
import Foundation
import ModelCache

/// `K/N`: shard K (1-based) of N.
struct ShardSpec: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 4096, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }
}

extension CorpusOptions {
    /// The cache, which these commands cannot do without.
    func requiredCache() throws -> ModelCache {
        if scorer != nil {
            throw ValidationError("--scorer is not part of the model cache's key: index and merge use the bundled scorer")
        }
        guard let cache = try modelCache() else {
            throw ValidationError("the model cache is off (--no-cache or DOSSIER_NO_CACHE): nothing to index or merge into")
        }
        return cache
    }

    /// The gazetteer and a builder, as `build()` makes them.
    func builder() throws -> (CorpusBuilder, [URL], [Diagnostic]) {
        let dirs = try gazetteerFolders()
        let (g, gd) = Gazetteer.load(directories: dirs)
        try refuseOverlayMistakes(gd)
        if g.entities.isEmpty {
            throw ValidationError("no gazetteer entities loaded from \(dirs.map(\.path).joined(separator: ", ")) (give one with --gazetteer DIR)")
        }
        var builder = CorpusBuilder(gazetteer: g, lexicon: try loadLexicon())
        if let jobs { builder.jobs = max(1, jobs) }
        // Scored as `build()` scores, so the model merged from the cache is the model built without it.
        builder.scorer = try loadScorer()
        return (builder, dirs, gd)
    }

    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        if !quiet { for d in diagnostics { standardError(d.description) } }
    }
}

extension Dossier {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "index",
            abstract: "Build the model cache of the corpus now, or one shard of its analyses.",
            discussion: """
            Without --shard, builds the model and stores it in the cache, as the first command over a corpus \
            would. With --shard K/N, analyses only the articles at positions K-1, K-1+N, ... of the listing (sorted \
            by folder and name) into a segment file of its own under the cache's analyses/ folder, and builds no \
            model: N machines each index one shard, their segment files are copied into one cache folder, and \
            'dossier merge' builds the model from them, the same model as one build.
            """)

        @Option(help: ArgumentHelp("Analyse shard K of N (1 <= K <= N).", valueName: "K/N"))
        var shard: ShardSpec?

        @OptionGroup var options: CorpusOptions

        func run() throws {
            let cache = try options.requiredCache()
            let folders = try options.corpusFolders()
            let (builder, dirs, gd) = try options.builder()
            let inputs = try options.cacheInputs(gazetteer: dirs)
            if let shard {
                let (diagnostics, analysed) = try cache.index(directories: folders, inputs: inputs, builder: builder,
                                                              shard: shard.index, of: shard.count)
                options.printDiagnostics(gd + diagnostics)
                print("shard \(shard.index)/\(shard.count): \(analysed) article\(analysed == 1 ? "" : "s") analysed into \(cache.folder.path)")
                return
            }
            let result = try cache.corpus(directories: folders, inputs: inputs, builder: builder)
            options.printDiagnostics(gd + result.diagnostics)
            print(Merge.describe(result, cache: cache))
        }
    }
}

extension Dossier {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Build the model from the analyses in the cache (the shards of 'dossier index --shard K/N').",
            discussion: """
            Every article whose analysis is in the cache is taken from it; the others are analysed here (and \
            counted in the summary); then the cross-document merge runs and the model is stored in the cache.
            """)

        @OptionGroup var options: CorpusOptions

        func run() throws {
            let cache = try options.requiredCache()
            let (builder, dirs, gd) = try options.builder()
            let result = try cache.corpus(directories: try options.corpusFolders(), inputs: try options.cacheInputs(gazetteer: dirs),
                                          builder: builder)
            options.printDiagnostics(gd + result.diagnostics)
            print(Self.describe(result, cache: cache))
        }

        static func describe(_ result: ModelCache.Result, cache: ModelCache) -> String {
            let n = result.corpus.documents.count
            switch result.source {
            case .loaded:
                return "\(n) documents: the model was already in \(cache.folder.path)"
            case .built(let analysed, let reused):
                return "\(n) documents: \(reused) analyses taken from the cache, \(analysed) articles analysed; model stored in \(cache.folder.path)"
            }
        }
    }
}
