// fuzz-article: any bytes as an article: reading (UTF-8 checks, NFC, line breaks), metadata (title,
// dateline, source), segmentation, mentions, dates and events; and the same bytes as an ISO date.
import CorpusModel
import Foundation
import FuzzReplay

enum ArticleTarget {
    /// The bundled gazetteer (run from the repository root), or none.
    static let gazetteer: Gazetteer = {
        let (loaded, _) = Gazetteer.load(directories: [URL(fileURLWithPath: "Data/gazetteer")])
        return loaded
    }()

    static func run(_ data: Data) {
        _ = PartialDate(iso: String(decoding: data.prefix(40), as: UTF8.self))
        let (source, _) = Reader.decode(data: data, path: "fuzz.txt")
        guard let source else { return }
        let (corpus, _) = CorpusBuilder(gazetteer: gazetteer, jobs: 1).build(texts: [("fuzz.txt", source.text, nil)])
        _ = corpus.visits.count
    }
}

@main struct ArticleReplay {
    static func main() { FuzzReplay.main("fuzz-article", ArticleTarget.run) }
}
