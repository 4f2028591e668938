import Foundation
import Testing

/// The evidence of a report's rows opens, in a real browser, on the sentences behind the row
/// (scripts/check-html-evidence.sh with headless Chromium; skipped where Chromium is not installed).
@Suite("Evidence in headless Chromium")
struct EvidenceBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/local/bin/chromium"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium, "chromium is not installed"),
          arguments: [["visits-per-decade"], ["country-pairs"], ["visit-timeline", "--param", "a=VNM", "--param", "b=PRK"]])
    func aRowsEvidenceOpensOnItsSentences(arguments: [String]) throws {
        let folder = try PluginCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let run = try CommandRunner.run(["run"] + arguments + ["--out", page.path])
        #expect(run.status == 0, "\(run.stderr)")
        let process = Process()
        process.executableURL = CommandRunner.repository.appendingPathComponent("scripts/check-html-evidence.sh")
        process.arguments = [page.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments[0]): \(problem)")
        #expect(text.hasPrefix("evidence: closed, then "), "\(text)")
    }
}
