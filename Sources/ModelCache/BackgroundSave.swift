// A cold build's model file completed while the command goes on (docs/model-cache.md, "How a build is saved"):
// once the texts are sealed, encoding and writing the tables, renaming the file into place and writing its merge
// index take a few tenths of a second on 100,000 articles, which the plugin's run can overlap on another core.
// The corpus lock stays held until the file is in place, so another process still waits for it; this process
// waits for it before it exits and before it plans another model (`waitForAll`).

import Dispatch
import Foundation

enum BackgroundSave {
    private static let group = DispatchGroup()
    private static let queue = DispatchQueue(label: "dossier.model-cache.save", qos: .userInitiated)
    /// Registers the wait at the process's exit, once.
    private static let exitWait: Void = { atexit { BackgroundSave.waitForAll() } }()

    /// Runs `work` on the save queue (one save at a time, in order); the process's exit waits for it.
    static func start(_ work: @escaping () -> Void) {
        _ = exitWait
        let box = UncheckedWork(work)
        group.enter()
        queue.async {
            box.work()
            group.leave()
        }
    }

    /// Waits until every save started so far is done (its model file renamed into place, or given up).
    static func waitForAll() {
        group.wait()
    }

    /// A save's work: it reads the corpus the command reads too, which nothing mutates in place (its arrays are
    /// copied on write), and writes only the draft's own file.
    private final class UncheckedWork: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }
}
