import Foundation
import Testing
@testable import CorpusModel

@Suite("JSON Lines writer")
struct JSONLinesTests {
    @Test func theExportsAreWhatJSONSerializationWrites() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let gazetteer = Gazetteer.load(directories: [repository.appendingPathComponent("Data/gazetteer")]).0
        let corpus = CorpusBuilder(gazetteer: gazetteer).build(directory: repository.appendingPathComponent("Data/testcorpus")).0
        for table in ExportTable.allCases {
            let records = Exporter.records(table, of: corpus)
            #expect(!records.isEmpty)
            #expect(JSONLines.render(records) == (try Exporter.foundationJSONLines(records)), "\(table)")
        }
    }

    @Test func awkwardStringsAndKeysToo() throws {
        let text = "quote \" backslash \\ slash / tab \t nl \n cr \r bell \u{7} nul \u{0} us \u{1F} del \u{7F} é 中 😀 \u{2028}"
        let records: [[String: Any]] = [
            ["b": text, "a": 1, "B": true, "aB": NSNull(), "ab": [1, 2], "Ab": ["x": "y"], "a10": -5, "a9": false, "é": [] as [Any]],
            [:],
            // The same key set again, in another insertion order: sorted once, then found again.
            ["é": [] as [Any], "a9": true, "a10": 7, "Ab": ["y": "x"], "ab": [3], "aB": "n", "B": false, "a": 2, "b": ""],
        ]
        #expect(JSONLines.render(records) == (try Exporter.foundationJSONLines(records)))
    }

    @Test func doublesAreWrittenAsJSONSerializationWritesThem() throws {
        let values: [Double] = [0, -0.0, 1, -1, 0.5, 0.873, 0.001, 0.1 + 0.2, -2.25, 123456.789, 1e-7, 1e21, 4.0e15, 0.999,
                                Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude]
        let records: [[String: Any]] = values.map { ["confidence": $0, "list": [$0, 2.5]] }
        #expect(JSONLines.render(records) == (try Exporter.foundationJSONLines(records)))
    }
}
