// The annotated sets the visit scorer is trained and cross-validated on (Data/annotations/training-sets.tsv):
// each a folder of articles with its gold file, split into batches by a `file<TAB>batch` list or taken whole.
import Foundation

/// One line of the training-sets file.
public struct TrainingSet: Sendable, Equatable {
    /// The folder of articles (relative paths are read from the current folder).
    public var folder: String
    /// Its gold file.
    public var gold: String
    /// A `file<TAB>batch` list splitting the folder into batches; nil: the folder is one batch named after it.
    public var batches: String?

    public init(folder: String, gold: String, batches: String? = nil) {
        self.folder = folder
        self.gold = gold
        self.batches = batches
    }

    /// The batch name of a folder taken whole: its last path component ("Data/batches/J" is "J").
    public var wholeName: String { (folder as NSString).lastPathComponent }
}

public enum TrainingSets {
    public static let columns = ["folder", "gold", "batches"]

    /// Reads the training-sets file (header `folder	gold	batches`, one set a line, `#` comments). Problems —
    /// a missing cell, a folder listed twice — are refused with file, line and column.
    public static func load(path: String) throws(ScorerFileError) -> [TrainingSet] {
        let tsv = TSVFile(path: path, columns: columns)
        var problems = tsv.diagnostics.filter { $0.severity == .error }
        var sets: [TrainingSet] = []
        var seen = Set<String>()
        for row in tsv.rows {
            let folder = tsv.string(row.cells[0]), gold = tsv.string(row.cells[1])
            if folder.isEmpty { problems.append(tsv.diagnostic(row, cell: 0, "no folder")); continue }
            if gold.isEmpty { problems.append(tsv.diagnostic(row, cell: 1, "no gold file for '\(folder)'")); continue }
            if !seen.insert(folder).inserted { problems.append(tsv.diagnostic(row, cell: 0, "'\(folder)' is listed twice")); continue }
            sets.append(TrainingSet(folder: folder, gold: gold, batches: tsv.optionalString(row.cells[2])))
        }
        guard problems.isEmpty else { throw ScorerFileError(diagnostics: problems) }
        return sets
    }

    /// The articles of a folder taken whole, in name order.
    public static func articles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
    }
}
