import Foundation
import Testing

/// The README's examples run as written: every `dossier` command of its shell blocks, in order, in one
/// scratch folder on the bundled corpus, exits with status 0 and applies every correction it is given; every
/// visit or event id the README shows is one of the bundled corpus's. The README is read when the test runs, so
/// a section added later is checked too. `export` lines of those blocks are kept (later commands need
/// them); other lines (`make`, `$EDITOR`) are not run; a block whose info string names a file
/// (```` ```yaml file=my-plan.yaml ````) is written to that file first (its folders made).
@Suite("The README's commands")
struct ReadmeTests {
    struct Block {
        var info: String
        var lines: [String]
    }

    static func blocks(of text: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(info: String(trimmed.dropFirst(3)), lines: [])
                }
            } else if current != nil {
                current?.lines.append(line)
            }
        }
        return blocks
    }

    /// A shell line without its trailing `# comment` (a `#` outside quotes, after a space).
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#", previous == " " {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    @Test func everyDossierCommandOfTheReadmeSucceeds() throws {
        let readme = try String(contentsOf: CommandRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = Self.blocks(of: readme)
        let folder = try PluginCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The scratch folder sees the repository's data as the working directory would (the commands'
        // defaults such as Data/corpus), and keeps what the commands write (v.html, reports/, my-plugins/).
        for name in ["Data", "Plugins"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name),
                                                       withDestinationURL: CommandRunner.repository.appendingPathComponent(name))
        }
        for block in blocks {
            guard let name = block.info.split(separator: " ").first(where: { $0.hasPrefix("file=") })?.dropFirst(5) else { continue }
            let file = folder.appendingPathComponent(String(name))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (block.lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        var script = "export DOSSIER_HOME='\(CommandRunner.repository.path)'\n"
        script += "export PATH='\(CommandRunner.executable.deletingLastPathComponent().path)':\"$PATH\"\n"
        var commands: [String] = []
        for block in blocks where ["sh", "bash", "shell", "console"].contains(block.info.split(separator: " ").first.map(String.init) ?? "") {
            for line in block.lines.map(Self.withoutComment) {
                if line.hasPrefix("export ") { script += line + "\n" }
                guard line.hasPrefix("dossier ") else { continue }
                script += "\(line) </dev/null >out.\(commands.count) 2>err.\(commands.count); echo $? >status.\(commands.count)\n"
                commands.append(line)
            }
        }
        #expect(commands.count >= 15, "the README's commands were not found")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        for (index, command) in commands.enumerated() {
            let status = (try? String(contentsOf: folder.appendingPathComponent("status.\(index)"), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let errors = (try? String(contentsOf: folder.appendingPathComponent("err.\(index)"), encoding: .utf8)) ?? ""
            #expect(status == "0", "README: `\(command)` exited with \(status ?? "nothing"):\n\(errors.prefix(600))")
            // A correction of the README's that matches nothing (an id gone stale) is reported, not fatal: fail on it.
            #expect(!errors.contains("correction not applied"), "README: `\(command)`:\n\(errors.prefix(600))")
        }
    }

    /// The visit and event ids the README shows ("v-to-lam-PRK-2025-10-09-fb40b2"), in prose and in its files.
    static func factIDs(in text: String) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"\b[ve]-[A-Za-z0-9-]+-[0-9a-f]{6}\b"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }

    /// A stable id changes when the rules change what a visit says: the README's must still name facts of the
    /// bundled corpus as the current rules build it.
    @Test func everyIDTheReadmeShowsIsInTheExportOfTheBundledCorpus() throws {
        let readme = try String(contentsOf: CommandRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = try Self.factIDs(in: readme)
        #expect(shown.count >= 3, "the README's ids were not found")
        var exported = Set<String>()
        for table in ["visits", "events"] {
            let result = try CommandRunner.run(["export", table, "--corpus", "Data/corpus", "--format", "jsonl", "--quiet"],
                                               environment: ["DOSSIER_WORKSPACE": "", "DOSSIER_NO_CACHE": "1"])
            #expect(result.status == 0, "\(result.stderr)")
            for line in result.stdout.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if let id = object?["id"] as? String { exported.insert(id) }
            }
        }
        for id in shown.sorted() {
            #expect(exported.contains(id), "README.md shows \(id), which the bundled corpus no longer has; the current ids are in `dossier export visits --format jsonl`")
        }
    }
}
