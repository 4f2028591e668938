import Foundation
import Testing

/// `make install-files` into a temporary prefix (the debug binary standing for the release one), then the
/// installed `dossier` run from a folder of the user's, far from the checkout.
@Suite("make install, run from anywhere", .serialized)
struct InstallTests {
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Installs into a new prefix and returns it (PREFIX/bin/dossier, PREFIX/share/dossier).
    static func install() throws -> URL {
        let prefix = try temporaryFolder("prefix")
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["make", "-s", "-C", CommandRunner.repository.path, "install-files",
                          "PREFIX=\(prefix.path)", "INSTALL_BIN=\(CommandRunner.executable.path)"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        return prefix
    }

    /// The environment of a user with nothing of Dossier's set.
    static let clean = ["DOSSIER_HOME": "", "DOSSIER_PLUGINS": "", "DOSSIER_WORKSPACE": "", "DOSSIER_NO_CACHE": "1"]

    @Test func theInstalledToolWorksFromAnotherFolder() throws {
        let prefix = try Self.install()
        let home = try Self.temporaryFolder("user")
        defer { try? FileManager.default.removeItem(at: prefix); try? FileManager.default.removeItem(at: home) }
        let tool = prefix.appendingPathComponent("bin/dossier")
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/dossier/Plugins/lib").path))
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/dossier/Plugins/meta").path))
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/dossier/Data/gazetteer/persons.tsv").path))
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/dossier/Data/corpus").path))
        func dossier(_ arguments: [String], input: String? = nil) throws -> CommandRunner.Result {
            try CommandRunner.run(arguments, input: input, environment: Self.clean, executable: tool, directory: home)
        }

        let list = try dossier(["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("visits-per-decade\t"))

        let info = try dossier(["info", "visits-per-decade"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains(prefix.appendingPathComponent("share/dossier/Plugins").path) || info.stdout.contains("(bundled)"))

        let run = try dossier(["run", "visits-per-decade", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2020"), "\(run.stdout)")
        // The model's own data (the lexicon, the language profiles) comes from share/dossier too.
        #expect(!run.stderr.contains("not found"), "\(run.stderr)")
        #expect(!run.stderr.contains("lexicon"), "\(run.stderr)")

        // require() finds the bundled lib from a script of the user's.
        let eval = try dossier(["eval", "local u = require('dossier_util'); print(type(u))"])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout == "table\n")

        let batch = try dossier(["batch", "--out", "reports", "--formats", "md", "--select", "visits-per-decade"])
        #expect(batch.status == 0, "\(batch.stdout)\n\(batch.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("reports/visits-per-decade.md").path))

        let new = try dossier(["new", "my-plugin", "--dir", "mine"])
        #expect(new.status == 0, "\(new.stderr)")
        let mine = try dossier(["run", "my-plugin", "--plugins", "mine", "--format", "md"])
        #expect(mine.status == 0, "\(mine.stderr)")

        let repl = try dossier(["repl"], input: "=#corpus.documents()\n")
        #expect(repl.status == 0, "\(repl.stderr)")
        #expect(repl.stdout == "5\n", "\(repl.stdout)")
    }

    @Test func aBinaryWithoutItsResourcesSaysWhereItLooked() throws {
        let folder = try Self.temporaryFolder("lonely")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bin = folder.appendingPathComponent("bin", isDirectory: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let tool = bin.appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: CommandRunner.executable, to: tool)

        for arguments in [["list"], ["run", "visits-per-decade"], ["export", "visits"]] {
            let result = try CommandRunner.run(arguments, environment: Self.clean, executable: tool, directory: folder)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("cannot find Dossier's resources"), "\(result.stderr)")
            #expect(result.stderr.contains(folder.appendingPathComponent("share/dossier").path), "\(result.stderr)")
        }
        // A DOSSIER_HOME without the resources is named too; an empty one is refused.
        let wrong = try CommandRunner.run(["list"], environment: Self.clean.merging(["DOSSIER_HOME": folder.path]) { $1 },
                                          executable: tool, directory: folder)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("DOSSIER_HOME=\(folder.path)"), "\(wrong.stderr)")

        // With DOSSIER_HOME pointing at the checkout, the same binary works.
        let found = try CommandRunner.run(["list"], environment: Self.clean.merging(["DOSSIER_HOME": CommandRunner.repository.path]) { $1 },
                                          executable: tool, directory: folder)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("visits-per-decade"))
    }

    @Test func anEmptyPluginListIsAnError() throws {
        let home = try Self.temporaryFolder("empty-plugins")
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try CommandRunner.run(["list", "--plugins", home.path, "category:no-such-category"], environment: Self.clean)
        #expect(result.status != 0, "\(result.stdout)")
    }
}
