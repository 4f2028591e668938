import ArgumentParser

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turn news articles about diplomatic relations into a structured model, and query it with Lua.",
        version: DossierVersion.string,
        subcommands: [Export.self, Evaluate.self]
    )
}

enum DossierVersion {
    static let string = "0.1.0"
}
