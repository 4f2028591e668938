import Batch
import Foundation
import LuaBridge
import PluginHost
import Reports
import Testing

@Suite struct BatchRunTests {
    @Test func aPlanWithSeveralParameterSetsMakesOneReportEach() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good])
        let outcome = try scratch.batch(plan: """
        formats: [md, json, html]
        reports:
          - plugin: good
            name: bars-{bars}-{country}
            params: { label: y }
            param_sets:
              - { bars: 2 }
              - { bars: 5, country: North Korea }
              - { bars: 7 }
          - good
        """)
        #expect(outcome.succeeded)
        #expect(outcome.manifest.counts.ok == 4)
        let names = outcome.manifest.reports.map(\.name)
        #expect(names == ["bars-2-VNM", "bars-5-North-Korea", "bars-7-VNM", "good"])
        for (name, bars) in [("bars-2-VNM", 2), ("bars-5-North-Korea", 5), ("bars-7-VNM", 7), ("good", 3)] {
            let html = try #require(scratch.text("\(name).html"))
            #expect(html.occurrences(of: "<rect class=\"bar\"") == bars, "\(name)")
            #expect(html.hasSuffix("</html>\n"))
            let json = try #require(scratch.text("\(name).json"))
            let report = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
            #expect(report.charts.first?.categories.count == bars)
            #expect(scratch.text("\(name).md") != nil)
            #expect(scratch.text("\(name).csv") == nil)
        }
        // Defaults applied and values canonical: the country name became its ISO code.
        let record = try #require(outcome.manifest.reports.first { $0.name == "bars-5-North-Korea" })
        #expect(record.params == ["bars": "5", "country": "PRK", "label": "y"])
        #expect(record.plugin == "good")
        #expect(record.pluginVersion == "1.2.0")
        #expect(record.corpusHash == bundledCorpus.hash)
        #expect(record.files.map(\.format) == ["md", "json", "html"])
        #expect(record.command.contains("--param bars=5 --param country=PRK --param label=y"))
        let manifest = try BatchManifest.decode(Data(contentsOf: outcome.manifestURL))
        #expect(manifest == outcome.manifest)
    }

    @Test func aFailingPluginLeavesNoFileAndTheOthersAreWhole() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good, "failing": TestPlugins.failing])
        let outcome = try scratch.batch(plan: """
        reports:
          - plugin: good
            name: first
          - failing
          - plugin: good
            name: second
            params: { bars: 4 }
        """)
        #expect(!outcome.succeeded)
        #expect(outcome.manifest.counts.ok == 2)
        #expect(outcome.manifest.counts.failed == 1)
        let failed = try #require(outcome.manifest.reports.first { $0.name == "failing" })
        #expect(failed.status == .failed)
        #expect(failed.files.isEmpty)
        let error = try #require(failed.error)
        #expect(error.file?.hasSuffix("failing.lua") == true)
        #expect(error.line == 6)
        #expect(error.message.contains("failing.lua:6: deliberate failure in the plugin"))
        #expect(error.traceback?.contains("stack traceback") == true)
        // The failing report has no file at all, and nothing temporary is left.
        let files = scratch.files()
        #expect(!files.contains { $0.hasPrefix("failing") })
        #expect(!files.contains { $0.hasPrefix(".") })
        // The good ones are all there, whole.
        for name in ["first", "second"] {
            for ext in ["md", "csv", "json", "html"] { #expect(files.contains("\(name).\(ext)")) }
            #expect(scratch.text("\(name).html")?.hasSuffix("</html>\n") == true)
            _ = try JSONDecoder().decode(Report.self, from: Data(try #require(scratch.text("\(name).json")).utf8))
        }
        // The index lists the failure with its error, and links the others.
        let index = try #require(scratch.text("index.html"))
        #expect(index.contains("failing.lua:6: deliberate failure"))
        #expect(index.contains("href=\"first.html\""))
        #expect(index.contains("href=\"second.html\""))
    }

    @Test func loopingAndGreedyPluginsAreStoppedWhileTheOthersRun() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good, "loop": TestPlugins.loop, "hog": TestPlugins.hog])
        let started = Date()
        let outcome = try scratch.batch(plan: """
        formats: [json, html]
        reports:
          - loop
          - plugin: good
            name: a
          - hog
          - plugin: good
            name: b
            params: { bars: 6 }
        """, limits: LuaLimits(memoryMiB: 32, timeSeconds: 3))
        #expect(Date().timeIntervalSince(started) < 20)
        let byName = Dictionary(uniqueKeysWithValues: outcome.manifest.reports.map { ($0.name, $0) })
        #expect(byName["loop"]?.status == .failed)
        #expect(byName["loop"]?.error?.kind == "timeLimit")
        #expect(byName["loop"]?.error?.message.contains("time limit of 3 s exceeded") == true)
        #expect(byName["loop"]?.error?.file?.hasSuffix("loop.lua") == true)
        #expect(byName["hog"]?.status == .failed)
        #expect(byName["hog"]?.error?.kind == "memoryLimit")
        #expect(byName["hog"]?.error?.message.contains("memory limit of 32 MiB exceeded") == true)
        #expect(byName["a"]?.status == .ok)
        #expect(byName["b"]?.status == .ok)
        #expect(scratch.text("b.html")?.occurrences(of: "<rect class=\"bar\"") == 6)
        let files = scratch.files()
        #expect(!files.contains { $0.hasPrefix("loop") || $0.hasPrefix("hog") || $0.hasPrefix(".") })
        #expect(!outcome.succeeded)
    }

    @Test func anUnwritableOutputFolderIsAClearErrorBeforeAnythingRuns() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good])
        // A folder under a regular file cannot be made, even by root.
        let blocker = scratch.root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let under = blocker.appendingPathComponent("reports", isDirectory: true)
        #expect(throws: OutputError.self) { try scratch.batch(plan: "reports: [good]", out: under) }
        do { _ = try scratch.batch(plan: "reports: [good]", out: under) } catch let error as OutputError {
            #expect(error.message == "cannot create the output folder \(under.path): \(blocker.path) is a file, not a folder")
        }
        // The output path is a file.
        do { _ = try scratch.batch(plan: "reports: [good]", out: blocker) } catch let error as OutputError {
            #expect(error.message == "cannot write reports to \(blocker.path): it is a file, not a folder")
        }
        // A folder without write permission (root may write anywhere, so only checked for others).
        let locked = scratch.root.appendingPathComponent("locked", isDirectory: true)
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        if getuid() != 0 {
            do {
                _ = try scratch.batch(plan: "reports: [good]", out: locked)
                Issue.record("a read-only folder was accepted")
            } catch let error as OutputError {
                #expect(error.message == "cannot write to the output folder \(locked.path): Permission denied")
            }
        }
        #expect(scratch.files(in: locked).isEmpty)
    }

    @Test func aSecondRunSkipsWhatIsUpToDate() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good, "other": TestPlugins.good.replacingOccurrences(of: "\"good\"", with: "\"other\"")])
        let plan = """
        reports:
          - plugin: good
            param_sets: [ { bars: 2 }, { bars: 3 } ]
          - other
        """
        let first = try scratch.batch(plan: plan)
        #expect(first.manifest.counts.ok == 3)
        let stamp = try FileManager.default.attributesOfItem(atPath: scratch.out.appendingPathComponent("other.html").path)[.modificationDate] as? Date

        // Nothing changed: nothing runs, the files are untouched, the index still links them.
        let second = try scratch.batch(plan: plan)
        #expect(second.manifest.counts.upToDate == 3)
        #expect(second.manifest.counts.ok == 0)
        #expect(second.succeeded)
        let again = try FileManager.default.attributesOfItem(atPath: scratch.out.appendingPathComponent("other.html").path)[.modificationDate] as? Date
        #expect(stamp == again)
        #expect(scratch.text("index.html")?.contains("href=\"other.html\"") == true)
        #expect(second.manifest.reports.map(\.files) == first.manifest.reports.map(\.files))

        // The plugin file changes: only its report runs again.
        try Data((TestPlugins.good.replacingOccurrences(of: "\"good\"", with: "\"other\"") + "\n-- edited\n").utf8)
            .write(to: scratch.plugins.appendingPathComponent("other.lua"))
        let third = try scratch.batch(plan: plan)
        #expect(third.manifest.reports.map(\.status) == [.upToDate, .upToDate, .ok])

        // A parameter changes: that report runs again.
        let fourth = try scratch.batch(plan: plan.replacingOccurrences(of: "{ bars: 3 }", with: "{ bars: 3, label: z }"))
        #expect(fourth.manifest.reports.map(\.status) == [.upToDate, .ok, .upToDate])

        // A report file is deleted or edited: it runs again.
        try FileManager.default.removeItem(at: scratch.out.appendingPathComponent("good_bars-2.md"))
        let fifth = try scratch.batch(plan: plan)
        #expect(fifth.manifest.reports.map(\.status)[0] == .ok)
        #expect(scratch.text("good_bars-2.md") != nil)

        // --force runs everything.
        let forced = try scratch.batch(plan: plan, force: true)
        #expect(forced.manifest.counts.ok == 3)
    }

    @Test func failFastStopsStartingReports() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good, "failing": TestPlugins.failing])
        let outcome = try scratch.batch(plan: """
        reports:
          - failing
          - plugin: good
            param_sets: [ { bars: 1 }, { bars: 2 }, { bars: 3 } ]
        """, jobs: 1, failFast: true)
        #expect(outcome.manifest.reports.map(\.status) == [.failed, .notRun, .notRun, .notRun])
        #expect(!outcome.succeeded)
        #expect(scratch.files() == ["index.html", "manifest.json"])
    }

    @Test func aReportThatNowFailsLosesItsOldFiles() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good])
        _ = try scratch.batch(plan: "reports: [good]")
        #expect(scratch.files().contains("good.html"))
        try Data(TestPlugins.failing.replacingOccurrences(of: "\"failing\"", with: "\"good\"").utf8)
            .write(to: scratch.plugins.appendingPathComponent("good.lua"))
        let outcome = try scratch.batch(plan: "reports: [good]")
        #expect(outcome.manifest.reports.first?.status == .failed)
        #expect(scratch.files() == ["index.html", "manifest.json"])
    }

    @Test func selectRunsSomeAndKeepsTheOthersRecords() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good, "failing": TestPlugins.failing])
        let plan = """
        reports:
          - plugin: good
            param_sets: [ { bars: 1 }, { bars: 2 } ]
          - failing
        """
        _ = try scratch.batch(plan: plan)
        let outcome = try scratch.batch(plan: plan, force: true, select: ["good_bars-2"])
        #expect(outcome.manifest.reports.map(\.status) == [.notSelected, .ok, .notSelected])
        #expect(outcome.succeeded == false || outcome.manifest.counts.failed == 0)
        #expect(outcome.manifest.reports[0].files.count == 5)  // md, json, html and a CSV for the table and one for the chart
        #expect(scratch.text("index.html")?.contains("href=\"good_bars-1.html\"") == true)
    }
}

@Suite struct BatchPlanTests {
    @Test func everyProblemIsReportedWithItsLineAndAHint() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good])
        let problems = try #require(planProblems {
            _ = try scratch.batch(plan: """
            formats: [md, htm]
            reports:
              - plugin: godo
              - plugin: good
                params:
                  bars: many
                  colour: red
              - plugin: good
                params: { label: w }
                fromats: [md]
            """)
        })
        let text = problems.map(\.description)
        let plan = scratch.root.appendingPathComponent("plan.yaml").path
        #expect(text.count == 6)
        #expect(text.contains("\(plan):1:15: unknown format 'htm' (did you mean 'html'?); one of text, md, csv, json, html"))
        #expect(text.contains { $0.hasPrefix("\(plan):3:13: unknown plugin 'godo' (did you mean 'good'?)") })
        #expect(text.contains("\(plan):6:13: parameter 'bars' of plugin 'good': expected an integer, got 'many'"))
        #expect(text.contains { $0.hasPrefix("\(plan):7:15: unknown parameter 'colour' for plugin 'good'") && $0.contains("its parameters are: bars, country, label") })
        #expect(text.contains { $0.hasPrefix("\(plan):9:22: parameter 'label' of plugin 'good': 'w' is not one of x, y, z") })
        #expect(text.contains { $0.hasPrefix("\(plan):10:5: unknown key 'fromats' (did you mean 'formats'?)") })
        // Nothing ran: the output folder was not even made.
        #expect(!FileManager.default.fileExists(atPath: scratch.out.path))
    }

    @Test func countriesAreCheckedAgainstTheCorpusBeforeAnythingRuns() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good])
        let problems = try #require(planProblems {
            _ = try scratch.batch(plan: """
            reports:
              - plugin: good
                param_sets:
                  - { country: Vietnam }
                  - { country: Vetnam }
            """)
        })
        #expect(problems.count == 1)
        #expect(problems[0].location?.line == 5)
        #expect(problems[0].message.contains("'Vetnam'"))
        #expect(problems[0].message.contains("did you mean"))
        #expect(!FileManager.default.fileExists(atPath: scratch.out.path))
    }

    @Test func malformedYAMLNamesItsLine() throws {
        let problems = try #require(planProblems {
            _ = try BatchPlan.parse("reports:\n  - plugin: good\n   params: {", file: "p.yaml")
        })
        #expect(problems.count == 1)
        #expect(problems[0].location?.file == "p.yaml")
        #expect(problems[0].location?.line != nil)
        #expect(problems[0].message.hasPrefix("malformed YAML"))
    }

    @Test func clashingNamesAreRefused() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good])
        let problems = try #require(planProblems {
            _ = try scratch.batch(plan: """
            reports:
              - good
              - plugin: good
                name: GOOD
              - plugin: good
                name: index
            """)
        })
        #expect(problems.count == 2)
        #expect(problems.contains { $0.location?.line == 3 && $0.message.contains("would both be written as 'GOOD'") })
        #expect(problems.contains { $0.location?.line == 6 && $0.message.contains("reserved") })
    }

    @Test func selectMustMatchSomething() throws {
        let scratch = Scratch()
        scratch.writePlugins(["good": TestPlugins.good])
        let problems = try #require(planProblems {
            _ = try scratch.batch(plan: "reports: [good]", select: ["godo"])
        })
        #expect(problems.map(\.description) == ["--select godo: matches no report of \(scratch.root.appendingPathComponent("plan.yaml").path) (did you mean 'good'?)"])
    }

    @Test func formatsOnTheCommandLine() throws {
        #expect(try BatchFormats.parseList("md, html,txt") == [.md, .html, .text])
        let problems = try #require(planProblems { _ = try BatchFormats.parseList("md,pdf") })
        #expect(problems.map(\.description) == ["--formats: unknown format 'pdf' (did you mean 'md'?); one of text, md, csv, json, html"])
    }

    @Test func namesAreSafeForFilesAndLinks() {
        #expect(BatchNames.sanitize("visits/Việt Nam: 2024") == "visits-Viet-Nam-2024")
        #expect(BatchNames.sanitize("../x") == "x")
    }
}
