import Foundation
import Testing
@testable import CorpusModel
@testable import ModelCache

/// Overlays (docs/overlays.md) are part of the model cache's key: a cached model is not reused once an overlay folder
/// is added or one of its files changes.
@Suite("model cache and overlays")
struct OverlayKeyTests {
    @Test func addingOrChangingAnOverlayFileRebuilds() throws {
        let scratch = try ModelCacheTests.Scratch()
        let gazetteerOverlay = scratch.root.appendingPathComponent("overlay/gazetteer", isDirectory: true)
        let lexiconOverlay = scratch.root.appendingPathComponent("overlay/lexicon", isDirectory: true)
        try FileManager.default.createDirectory(at: gazetteerOverlay, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: lexiconOverlay.appendingPathComponent("en"), withIntermediateDirectories: true)
        let bundledLexicon = ModelCacheTests.repository.appendingPathComponent("Data/lexicon", isDirectory: true)
        let bundledOnly = ModelCacheTests.inputs(lexicon: [bundledLexicon])
        let layered = ModelCacheTests.inputs([ModelCacheTests.gazetteerFolder, gazetteerOverlay], lexicon: [bundledLexicon, lexiconOverlay])
        #expect(try ModelCacheTests.cached(scratch, bundledOnly).source == .built(analysed: 35, reused: 0))
        #expect(try ModelCacheTests.cached(scratch, bundledOnly).source == .loaded)
        #expect(try ModelCacheTests.cached(scratch, layered).source == .built(analysed: 35, reused: 0), "an overlay added")
        #expect(try ModelCacheTests.cached(scratch, layered).source == .loaded)
        let changes: [(String, String)] = [
            ("overlay/gazetteer/persons.tsv", "id\tname\tcountry\taliases\tshort\nmarisol-quenta\tMarisol Quenta\tBOL\t\t\n"),
            ("overlay/lexicon/en/travel-words.tsv", "entry\nsojourned in\n"),
            ("overlay/lexicon/en/travel-words.tsv", "entry\nsojourned in\nsailed to\n"),
        ]
        for (path, text) in changes {
            try text.write(to: scratch.root.appendingPathComponent(path), atomically: true, encoding: .utf8)
            #expect(try ModelCacheTests.cached(scratch, layered).source == .built(analysed: 35, reused: 0), "after writing \(path)")
            #expect(try ModelCacheTests.cached(scratch, layered).source == .loaded, "after writing \(path)")
        }
    }
}
