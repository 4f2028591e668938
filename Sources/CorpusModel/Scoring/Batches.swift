// Batches of annotated articles for training and cross-validation: which article came in which batch
// (Data/unseen/batches.tsv) and which gold rows each batch reports.
import Foundation

/// A set of articles scored together: a folder's files (all of them, or those listed) and the gold rows
/// they report.
public struct TrainingBatch: Sendable {
    public var name: String
    public var directory: String
    /// File names in `directory`.
    public var files: [String]
    public var gold: GoldFile

    public init(name: String, directory: String, files: [String], gold: GoldFile) {
        self.name = name
        self.directory = directory
        self.files = files
        self.gold = gold
    }

    /// Builds the model of the batch's articles (with the folder's manifest, if any).
    func build(_ builder: CorpusBuilder) -> (Corpus, [CandidateSample]) {
        let manifestPath = (directory as NSString).appendingPathComponent("manifest.yaml")
        let manifest = FileManager.default.fileExists(atPath: manifestPath) ? CorpusManifest.load(path: manifestPath).0 : [:]
        let paths = files.map { (directory as NSString).appendingPathComponent($0) }
        let inputs = BuildInputs(source: .paths(paths), entries: files.map { manifest[$0] })
        let (corpus, _, samples) = builder.buildKeepingSamples(inputs: inputs)
        return (corpus, samples)
    }
}

public enum Batches {
    /// Reads a `file<TAB>batch` list (a header line `file	batch`, then one article a line). Problems are
    /// refused with their file, line and column.
    public static func load(path: String) throws(ScorerFileError) -> [(file: String, batch: String)] {
        let tsv = TSVFile(path: path, columns: ["file", "batch"])
        var problems = tsv.diagnostics.filter { $0.severity == .error }
        var out: [(file: String, batch: String)] = []
        var seen = Set<String>()
        for row in tsv.rows {
            let file = tsv.string(row.cells[0]), batch = tsv.string(row.cells[1])
            if batch.isEmpty { problems.append(tsv.diagnostic(row, cell: 1, "no batch for '\(file)'")); continue }
            if !seen.insert(file).inserted { problems.append(tsv.diagnostic(row, cell: 0, "'\(file)' is listed twice")); continue }
            out.append((file, batch))
        }
        guard problems.isEmpty else { throw ScorerFileError(diagnostics: problems) }
        return out
    }

    /// One batch per name of `list`, each with the gold rows its articles report. A row belongs to the batch
    /// listing its `document`; a row without one (Data/unseen's gold has no document field) belongs to every
    /// batch with an article that names both its visitor and its destination (a country, its city or its
    /// demonym): a visit reported in two batches is one row that both must find.
    /// Rows no batch names are returned apart.
    public static func split(directory: String, list: [(file: String, batch: String)], gold: GoldFile,
                             builder: CorpusBuilder) -> (batches: [TrainingBatch], unassigned: [GoldVisit]) {
        let names = Array(Set(list.map(\.batch))).sorted()
        var batches = names.map { name in
            TrainingBatch(name: name, directory: directory, files: list.filter { $0.batch == name }.map(\.file),
                          gold: GoldFile(description: gold.description, statuses: gold.statuses, visits: []))
        }
        let corpora = batches.map { $0.build(builder).0 }
        var unassigned: [GoldVisit] = []
        for row in gold.visits {
            // A row that names its document belongs to the batch listing that document.
            if let document = row.document, let k = batches.firstIndex(where: { $0.files.contains(document) }) {
                batches[k].gold.visits.append(row)
                continue
            }
            // By the visitor's full name first; a row no batch names so, by his surname.
            var found = corpora.indices.filter { reports(corpora[$0], row, surname: false) }
            if found.isEmpty { found = corpora.indices.filter { reports(corpora[$0], row, surname: true) } }
            for k in found { batches[k].gold.visits.append(row) }
            if found.isEmpty { unassigned.append(row) }
        }
        return (batches, unassigned)
    }

    /// Precision, recall and F1 of each batch's visits against its own rows, then pooled, as text.
    public static func render(_ batches: [TrainingBatch], builder: CorpusBuilder) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = "batch | articles | gold rows | precision recall F1\n"
        var pooled = Trainer.Counts()
        for batch in batches {
            let c = Trainer.evaluate(batch.build(builder).0, batch.gold, threshold: 0)
            pooled = pooled + c
            out += "\(batch.name) | \(batch.files.count) | \(batch.gold.visits.count) | \(f(c.precision)) \(f(c.recall)) \(f(c.f1))\n"
        }
        return out + "pooled | \(batches.reduce(0) { $0 + $1.files.count }) | | \(f(pooled.precision)) \(f(pooled.recall)) \(f(pooled.f1))\n"
    }

    /// Whether some article of the corpus names the row's visitor and its destination.
    static func reports(_ corpus: Corpus, _ row: GoldVisit, surname: Bool) -> Bool {
        var people = Set(corpus.entities(named: row.visitor))
        if let i = corpus.entityIndex(id: row.visitor) { people.insert(i) }
        // By the whole name, or by the surname alone ("Kozlov" for "Frol Kozlov").
        var byName = Set(corpus.search(row.visitor).map(\.document))
        if surname, let last = row.visitor.split(separator: " ").last, last.count > 2 {
            byName.formUnion(corpus.search(String(last)).map(\.document))
        }
        return corpus.documents.contains { d in
            let mentions = d.mentions
            let visitor = byName.contains(d.id) || mentions.contains { people.contains($0.entity) }
            return visitor && mentions.contains { m in
                let e = corpus.entities[m.entity]
                return (e.kind == .country && e.id == row.destination) || (e.kind == .city && e.country == row.destination)
            }
        }
    }
}
