import Foundation

/// Where the model's bundled data folders (`Data/lexicon`, `Data/lexicon/language-id`) are found when no folder
/// is given: `$DOSSIER_HOME`, an installation's `share/dossier` beside the executable's `bin`, a checkout above
/// the executable, then the working directory, in the order the CLI's resource lookup uses.
enum BundledData {
    /// The first `relative` folder that holds `marker`, or nil.
    static func directory(_ relative: String, holding marker: String) -> URL? {
        let fileManager = FileManager.default
        return roots().map { $0.appendingPathComponent(relative, isDirectory: true) }
            .first { fileManager.fileExists(atPath: $0.appendingPathComponent(marker).path) }
    }

    private static func roots() -> [URL] {
        let fileManager = FileManager.default
        var roots: [URL] = []
        if let home = ProcessEnvironment.value("DOSSIER_HOME"), !home.isEmpty {
            roots.append(URL(fileURLWithPath: home, isDirectory: true))
        }
        // /proc/self/exe: argv[0] is a bare name when the binary is found through PATH.
        let executable = (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        roots.append(folder.appendingPathComponent("../share/dossier", isDirectory: true).standardizedFileURL)
        for _ in 0..<6 {
            roots.append(folder)
            folder.deleteLastPathComponent()
        }
        roots.append(URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true))
        return roots
    }
}
