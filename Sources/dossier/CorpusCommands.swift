import ArgumentParser
import CorpusModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export the corpus model.")
    func run() throws {}
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate extracted visits against a gold file.")
    func run() throws {}
}
