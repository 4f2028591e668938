import Foundation

/// What a command of the `dossier` process hands to the process's exit instead of freeing.
///
/// Freeing a model entity by entity (eight thousand gazetteer entities, every document's table, the mappings) just before
/// the process ends was 3% of a warm `dossier run`; the kernel takes back the memory, descriptors and mappings at exit
/// anyway. Only the command line's own process keeps anything (`Dossier.main` says so): a command run in-process by a
/// test frees as before. What is kept is reachable from here, so a leak checker does not count it as leaked.
enum ProcessExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var commandLine = false
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    /// Called once by `Dossier.main`, before any command runs.
    static func startCommandLine() {
        lock.withLock { commandLine = true }
    }

    /// Whether this is the command line's own process (`Dossier.main` started it), not a test's.
    static var isCommandLine: Bool { lock.withLock { commandLine } }

    /// Keeps `object` until the process exits, when this is the command line's process; otherwise does nothing.
    /// For an object a command is done with, right before it returns to `Dossier.main`, which then exits.
    static func keepUntilExit(_ object: AnyObject) {
        lock.withLock { if commandLine { kept.append(object) } }
    }
}
