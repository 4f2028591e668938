// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Debian's Lua 5.4 as a system library, with the C macros re-exposed as inline functions.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The parts that must be C: error trampolines, protected helpers, the capped allocator, the hook.
        .target(
            name: "CLuaSupport",
            dependencies: ["CLua"]
        ),
        // The safe Swift bridge to Lua: values, functions, userdata, errors, limits, sandbox.
        .target(
            name: "LuaBridge",
            dependencies: ["CLua", "CLuaSupport"]
        ),
        // Text from outside made safe to print (control characters escaped), for every diagnostic printer.
        .target(name: "TerminalText"),
        // YAML through Yams with a guard against alias bombs, for every YAML file Dossier reads.
        .target(name: "GuardedYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // CSV text in memory (RFC 4180), for the exports and the reports.
        .target(name: "CSVOutput"),
        // JSON strings as bytes, escaped as JSONEncoder does: the model's JSON Lines and the reports' JSON.
        .target(name: "JSONOutput"),
        // The corpus model: reading articles, the gazetteer, dates, mentions, events and their merge.
        .target(
            name: "CorpusModel",
            dependencies: ["TerminalText", "GuardedYAML", "CSVOutput", "JSONOutput", .product(name: "Yams", package: "Yams")]
        ),
        // The analyst's corrections (docs/corrections.md): read from YAML, applied to a built model.
        .target(
            name: "Corrections",
            dependencies: ["CorpusModel", "GuardedYAML", .product(name: "Yams", package: "Yams")]
        ),
        // Reports as data (headings, tables, charts) and their renderers: text, Markdown, CSV, JSON, HTML.
        .target(
            name: "Reports",
            dependencies: ["CSVOutput", "JSONOutput"]
        ),
        // The Lua API over the corpus model, declared once: registration, editor stubs and docs come from it.
        .target(
            name: "ScriptingAPI",
            dependencies: ["LuaBridge", "CorpusModel", "Reports"]
        ),
        // Plugins: discovery on the search path, manifests, typed parameters, runs and plugin tests.
        .target(
            name: "PluginHost",
            dependencies: ["ScriptingAPI", "LuaBridge", "CorpusModel", "Reports"]
        ),
        // Batch report generation: plans, parallel runs, atomic writes, the index and the manifest.
        .target(
            name: "Batch",
            dependencies: ["PluginHost", "ScriptingAPI", "Reports", "CorpusModel", "Corrections", "LuaBridge", "TerminalText", "GuardedYAML",
                           .product(name: "Yams", package: "Yams")]
        ),
        // Where the bundled resources are (beside the binary, DOSSIER_HOME, a checkout) and the dossier.yaml workspace.
        .target(
            name: "Workspace",
            dependencies: ["CorpusModel", "ScriptingAPI", .product(name: "Yams", package: "Yams")]
        ),
        // The persistent model cache: per-document results and the merged model, keyed by content, in shards.
        .target(
            name: "ModelCache",
            dependencies: ["CorpusModel"]
        ),
        // The model as an SQLite database (GRDB).
        .target(
            name: "SQLiteExport",
            dependencies: ["CorpusModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "LuaBridge",
                "CorpusModel",
                "Reports",
                "ScriptingAPI",
                "PluginHost",
                "Batch",
                "TerminalText",
                "Workspace",
                "ModelCache",
                "SQLiteExport",
                "Corrections",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "bridge-bench",
            dependencies: ["LuaBridge", "CLua", "CLuaSupport"],
            path: "Benchmarks/BridgeBench"
        ),
        .executableTarget(
            name: "corpus-bench",
            dependencies: ["CorpusModel"],
            path: "Benchmarks/CorpusBench"
        ),
        .executableTarget(
            name: "api-bench",
            dependencies: ["ScriptingAPI", "LuaBridge", "CorpusModel"],
            path: "Benchmarks/APIBench"
        ),
        // Fuzz targets (Fuzz/README.md): libFuzzer binaries under `make fuzz`, seed replayers in `make test`.
        .target(name: "FuzzReplay", path: "Fuzz/Replay"),
        .executableTarget(name: "fuzz-article", dependencies: ["CorpusModel", "FuzzReplay"], path: "Fuzz/Article"),
        .executableTarget(name: "fuzz-manifest", dependencies: ["CorpusModel", "FuzzReplay"], path: "Fuzz/Manifest"),
        .executableTarget(name: "fuzz-plan", dependencies: ["Batch", "FuzzReplay"], path: "Fuzz/Plan"),
        .executableTarget(name: "fuzz-lua-values", dependencies: ["LuaBridge", "FuzzReplay"], path: "Fuzz/LuaValues"),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "CLua"]),
        .testTarget(name: "CorpusModelTests", dependencies: ["CorpusModel"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "CSVOutputTests", dependencies: ["CSVOutput", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "ScriptingAPITests", dependencies: ["ScriptingAPI", "LuaBridge", "CorpusModel", "Reports"],
                    exclude: ["globals.snapshot.txt"]),
        .testTarget(name: "PluginHostTests", dependencies: ["PluginHost", "ScriptingAPI", "LuaBridge", "CorpusModel"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "PluginHost", "ScriptingAPI", "Reports", "CorpusModel", "LuaBridge"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace"]),
        .testTarget(name: "ModelCacheTests", dependencies: ["ModelCache", "CorpusModel"]),
        .testTarget(name: "CorrectionsTests", dependencies: ["Corrections", "CorpusModel"]),
        // Runs the built `dossier` as a user would: arguments in, output and exit status out.
        .testTarget(name: "DossierCLITests", dependencies: ["dossier"]),
    ]
)
