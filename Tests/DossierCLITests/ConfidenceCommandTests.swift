import Foundation
import Testing

@Suite("Confidence on the command line")
struct ConfidenceCommandTests {
    @Test func exportsCarryTheBundledScorersConfidence() throws {
        let csv = try CommandRunner.run(["export", "visits", "--format", "csv", "--quiet"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n")
        // The column stands beside the first-source columns; the columns before it hold no commas.
        let column = try #require(lines.first?.split(separator: ",").firstIndex(of: "confidence"))
        #expect(lines.first?.contains(",confidence,firstSentence,") == true)
        let values = lines.dropFirst().compactMap { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(column).first.flatMap { Double($0) }
        }
        #expect(values.count == lines.count - 1 && values.allSatisfy { (0...1).contains($0) })
        // With the scorer the visits differ in confidence; without it a visit's depends on its reports only.
        #expect(Set(values).count > 2)
        let json = try CommandRunner.run(["export", "events", "--format", "jsonl", "--quiet", "--scorer", "none"])
        #expect(json.status == 0 && json.stdout.split(separator: "\n").allSatisfy { $0.contains("\"confidence\":") })
    }

    @Test func aMalformedWeightsFileIsRefusedWithItsLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scorer-\(UUID().uuidString).tsv").path
        try "name\tvalue\ncombine\tmax\nbais\t1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["export", "visits", "--scorer", path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("\(path):3:1: error: unknown name 'bais' (did you mean 'bias'?)"))
    }
}
