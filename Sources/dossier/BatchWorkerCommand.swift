// `dossier batch-worker` (hidden): one report of a batch, in a process of its own. `dossier batch`
// starts it and writes the request on its standard input; see Sources/Batch/Worker.swift.
import ArgumentParser
import Batch
import Foundation

extension Dossier {
    struct BatchWorkerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch-worker",
            abstract: "Run one report of a batch (started by 'dossier batch').",
            shouldDisplay: false)

        func run() throws {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            Foundation.exit(BatchWorker.main(input: input))
        }
    }
}

extension WorkerSettings {
    /// Workers are this very executable.
    static var thisExecutable: WorkerSettings {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        return WorkerSettings(executable: path)
    }
}
