import Foundation
import Testing

@Suite("Confidence on the command line")
struct ConfidenceCommandTests {
    @Test func exportsCarryTheBundledScorersConfidence() throws {
        let csv = try CommandRunner.run(["export", "visits", "--format", "csv", "--quiet"])
        #expect(csv.status == 0)
        #expect(csv.stdout.split(separator: "\r\n").first?.split(separator: ",").contains("confidence") == true)
        // The values from the JSON Lines export (the CSV's sentence columns hold commas).
        let visits = try CommandRunner.run(["export", "visits", "--format", "jsonl", "--quiet"])
        let lines = visits.stdout.split(separator: "\n")
        let values = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["confidence"] as? Double
        }
        #expect(!lines.isEmpty && values.count == lines.count && values.allSatisfy { (0...1).contains($0) })
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
