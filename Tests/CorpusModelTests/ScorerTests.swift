import Foundation
import Testing
@testable import CorpusModel

@Suite("Visit scorer: logistic regression, weights file, features, confidence, cross-validation")
struct ScorerTests {
    @Test func logisticRegressionLearnsASeparableProblemAndItsLossFalls() {
        // Label: the first feature is larger than the second; a third feature is noise.
        var x: [[Float]] = [], y: [Bool] = []
        var random = UnitRandom(seed: 7)
        func next() -> Float { random.next() }
        for _ in 0..<200 {
            let a = next(), b = next()
            guard abs(a - b) > 0.1 else { continue }
            x.append([a, b, next()]); y.append(a > b)
        }
        let (model, losses) = LogisticRegression.train(x, y, dimension: 3, settings: .init(l2: 0.0001))
        #expect(losses.count > 2)
        #expect(losses.last! < losses.first! / 3)
        for (i, loss) in losses.enumerated().dropFirst() { #expect(loss <= losses[i - 1] + 1e-9) }
        let right = zip(x, y).filter { (model.probability($0) > 0.5) == $1 }.count
        #expect(right == x.count)
        #expect(model.weights[0] > 0 && model.weights[1] < 0 && abs(model.weights[2]) < abs(model.weights[0]) / 4)
    }

    @Test func newtonsMethodReachesThePenalisedOptimum() {
        // Overlapping classes (not separable), sparse rows, a feature that never fires: at the weights returned
        // the penalised loss's gradient is zero to rounding, and no small move of any weight lowers the loss.
        var x: [[Float]] = [], y: [Bool] = []
        var random = UnitRandom(seed: 11)
        func next() -> Float { random.next() }
        for _ in 0..<300 {
            let a = next() < 0.4 ? next() : 0, b = next() < 0.5 ? 1 : Float(0)
            x.append([a, b, 0, next() < 0.2 ? 1 : 0]); y.append(next() < 0.3 + 0.5 * Float(a) - 0.2 * b)
        }
        let l2 = 0.05
        let (model, losses) = LogisticRegression.train(x, y, dimension: 4, settings: .init(l2: l2))
        #expect(losses.count < 30, "converges in a few steps, took \(losses.count - 1)")
        let problem = NewtonProblem(rows: SparseRows(x, dimension: 4), targets: y.map { $0 ? 1 : 0 }, l2: l2)
        let theta = model.weights + [model.bias]
        let (gradient, _) = problem.derivatives(theta)
        #expect(gradient.allSatisfy { abs($0) < 1e-9 }, "\(gradient)")
        #expect(model.weights[2] == 0, "a feature that never fires keeps weight 0 under the penalty")
        let best = problem.loss(theta)
        for i in theta.indices {
            for step in [-1e-4, 1e-4] {
                var moved = theta
                moved[i] += step
                #expect(problem.loss(moved) >= best)
            }
        }
    }

    @Test func l2KeepsTheWeightsSmaller() {
        let x: [[Float]] = [[1, 0], [0, 1], [1, 0], [0, 1]], y = [true, false, true, false]
        let loose = LogisticRegression.train(x, y, dimension: 2, settings: .init(l2: 0)).model
        let tight = LogisticRegression.train(x, y, dimension: 2, settings: .init(l2: 0.5)).model
        #expect(abs(tight.weights[0]) < abs(loose.weights[0]))
    }

    @Test func featureIndexes() {
        // `index` reads a feature's stored declaration index: it must be its place in `allCases`, one byte wide.
        #expect(MemoryLayout<VisitFeature>.size == 1)
        for (i, f) in VisitFeature.allCases.enumerated() { #expect(f.index == i, "\(f.rawValue)") }
    }

    static func scorer() -> VisitScorer {
        let weights = VisitFeature.allCases.indices.map { Double($0 % 7) / 4 - 0.75 }
        return VisitScorer(model: LogisticRegression(weights: weights, bias: -0.125), combination: .max, threshold: 0.35, filters: true)
    }

    @Test func theWeightsFileRoundTrips() throws {
        let path = Fixtures.tempDir().appendingPathComponent("w.tsv").path
        let s = Self.scorer()
        try s.text(comment: "a test\nof two lines").write(toFile: path, atomically: true, encoding: .utf8)
        let back = try VisitScorer.load(path: path)
        #expect(back == s)
    }

    func loadError(_ text: String) -> String {
        let path = Fixtures.tempDir().appendingPathComponent("bad.tsv").path
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        do { _ = try VisitScorer.load(path: path, hint: { name, _ in name == "trigger.visit_nuon" ? " (did you mean 'trigger.visit_noun'?)" : "" }); return "" } catch {
            return error.description.replacingOccurrences(of: path, with: "FILE")
        }
    }

    @Test func aMalformedWeightsFileIsRefusedWithFileAndLine() {
        let good = Self.scorer().text()
        var lines = good.split(separator: "\n").map(String.init)
        // Line 6 is the first feature after the header and four settings.
        let feature = lines[5].split(separator: "\t")[0]
        lines[5] = "\(feature)\tabc"
        #expect(loadError(lines.joined(separator: "\n")).contains("FILE:6:\(feature.count + 2): error: 'abc' is not a number"))
        lines = good.split(separator: "\n").map(String.init)
        lines[5] = "trigger.visit_nuon\t1"
        let unknown = loadError(lines.joined(separator: "\n"))
        #expect(unknown.contains("FILE:6:1: error: unknown name 'trigger.visit_nuon' (did you mean 'trigger.visit_noun'?)"))
        lines = good.split(separator: "\n").map(String.init)
        lines[1] = "combine\tmean"
        #expect(loadError(lines.joined(separator: "\n")).contains("FILE:2:9: error: combine must be one of noisy-or, max"))
        lines = good.split(separator: "\n").map(String.init)
        lines.append(lines[7])
        #expect(loadError(lines.joined(separator: "\n")).contains("is given twice"))
        lines = good.split(separator: "\n").map(String.init)
        lines.removeLast()
        #expect(loadError(lines.joined(separator: "\n")).contains("no weight for 1 feature(s)"))
        #expect(loadError("name\tvalue\nbias\t1\textra\n").contains("FILE:2:8: error: expected 2 tab-separated cells"))
    }

    /// The features of the rules' visit candidates of one article (proposed ones: ProposedVisitTests).
    func features(_ text: String, date: String) -> [[VisitFeature: Float]] {
        var builder = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
        builder.keepFeatures = true
        let inputs = BuildInputs(source: .texts([("a.txt", text)]), entries: [ManifestEntry(file: "a.txt", date: PartialDate(iso: date))])
        let (_, _, samples) = builder.buildKeepingSamples(inputs: inputs)
        return samples.filter { !$0.proposed }.map { s in
            Dictionary(uniqueKeysWithValues: VisitFeature.allCases.enumerated().compactMap { i, f in s.features[i] == 0 ? nil : (f, s.features[i]) })
        }
    }

    @Test func featuresOfANamedVisitorTravellingToACountry() {
        let f = features("Talks in Hanoi\n\nPresident Joe Biden arrived in Vietnam on Sunday for a state visit.", date: "2023-09-12")
        // Two reports of one trip: the arrival and "a state visit".
        #expect(f.count == 2)
        guard let v = f.first(where: { $0[.triggerArrival] == 1 }), let noun = f.first(where: { $0[.triggerVisitNoun] == 1 }) else {
            Issue.record("no arrival or no visit word"); return
        }
        #expect(abs((v[.siblings] ?? 0) - log(2)) < 1e-5)
        #expect(noun[.kindSpecified] == 1 && noun[.destinationBeforeTrigger] == 1 && (noun[.visitorTriggerDistance] ?? 0) > 2)
        #expect(v[.visitorNamed] == 1 && v[.visitorFirstPerson] == 1 && v[.visitorPronoun] == nil)
        #expect(v[.triggerArrival] == 1)
        #expect(v[.destinationAfterPreposition] == 1 && v[.destinationNotInSentence] == nil && v[.destinationCity] == nil)
        #expect(v[.dateDay] == 1 && v[.dateRelative] == 1 && v[.dateExplicit] == nil)
        #expect(v[.levelHigh] == 1 && v[.visitorNotInGazetteer] == nil)
        #expect(v[.headlineDestination] == 1) // the headline names Hanoi, a city of Vietnam
        #expect(v[.sentenceHeadline] == nil && v[.sentencePosition] == 1)
        #expect(v[.visitorTriggerDistance] == nil) // "arrived" right after the name
        #expect(v[.kindSpecified] == nil)
    }

    @Test func featuresOfAPronounSubjectAPlanAndAWith() {
        let f = features("""
            Prime Minister Narendra Modi met Chinese officials on Monday.
            He will pay an official visit to Japan in March 2026, the ministry said, after talks with China.
            """, date: "2025-10-01")
        let japan = f.first { $0[.statusPlanned] == 1 }
        #expect(japan != nil)
        guard let v = japan else { return }
        #expect(v[.visitorPronoun] == 1 && v[.visitorNamed] == nil, "\(v)")
        #expect(v[.triggerVisitNoun] == 1 && v[.kindSpecified] == 1)
        #expect(v[.sentenceFutureCue] == 1 && v[.dateFuture] == 1 && v[.dateMonth] == 1 && v[.dateExplicit] == 1)
        #expect(v[.destinationAfterPreposition] == 1)
    }

    @Test func confidenceComesFromTheScorerAndReachesTheExports() throws {
        let text = "President Joe Biden arrived in Vietnam on Sunday for a state visit. Biden visited Vietnam."
        var builder = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
        let plain = builder.build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: "2023-09-12")))]).0
        #expect(plain.visits.count == 1)
        #expect(plain.visits.allSatisfy { $0.confidence >= 0.5 && $0.confidence < 1 })
        // A scorer that trusts nothing: a tiny confidence.
        builder.scorer = VisitScorer(model: LogisticRegression(weights: [Double](repeating: 0, count: VisitFeature.allCases.count), bias: -8))
        let doubtful = builder.build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: "2023-09-12")))]).0
        #expect(doubtful.visits.count == 1 && doubtful.visits[0].confidence < 0.01)
        // Filtering at a threshold removes it; without `filters`, it stays.
        builder.scorer?.threshold = 0.5
        builder.scorer?.filters = true
        #expect(builder.build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: "2023-09-12")))]).0.visits.isEmpty)
        for format in ExportFormat.allCases {
            let out = try Exporter.render(.visits, of: plain, format: format)
            #expect(out.contains("confidence"))
            let events = try Exporter.render(.events, of: plain, format: format)
            #expect(events.contains("confidence"))
        }
        let json = try Exporter.render(.visits, of: doubtful, format: .json)
        #expect(json.contains("\"confidence\" : 0") || json.contains("\"confidence\" : 0.0"))
    }

    @Test func aMergedVisitCombinesItsReports() {
        #expect(abs(VisitScorer.combine([0.5, 0.5], .noisyOr) - 0.75) < 1e-9)
        #expect(abs(VisitScorer.combine([0.2, 0.7], .max) - 0.7) < 1e-6)
        #expect(VisitScorer.combine([Float](), .noisyOr) == 0)
    }

    @Test func crossValidationNeverTrainsOnTheHeldOutBatch() throws {
        let folds = CrossValidation.folds(["A", "B", "C", "D"])
        #expect(folds.map(\.heldOut) == ["A", "B", "C", "D"])
        for fold in folds {
            #expect(!fold.training.contains(fold.heldOut))
            #expect(Set(fold.training + [fold.heldOut]) == ["A", "B", "C", "D"])
        }
        // On two small batches of the test corpus: each fold trained on the other batch only.
        let batches = try Fixtures.testCorpusBatches(["one", "two"], size: 4)
        let cv = CrossValidation.run(batches, builder: CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1),
                                     settings: .init(iterations: 20))
        #expect(cv.folds.map(\.heldOut) == ["one", "two"])
        #expect(cv.folds.map(\.trainedOn) == [["two"], ["one"]])
        #expect(cv.render().contains("pooled"))
    }

    @Test("the folds, run on the cores at once, give the table they give one after the other")
    func foldsInParallelAreTheFoldsInTurn() throws {
        let builder = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
        let analysed = try Fixtures.testCorpusBatches(["b0", "b1", "b2"], size: 4).map { AnalysedBatch($0, builder: builder) }
        let settings = LogisticRegression.Settings(iterations: 20)
        let together = CrossValidation.run(analysed, settings: settings)
        let inTurn = CrossValidation(folds: CrossValidation.folds(analysed.map(\.batch.name)).map {
            CrossValidation.fold(heldOut: $0.heldOut, training: $0.training, analysed, settings: settings, proposedSettings: Trainer.proposedSettings)
        })
        #expect(together.folds.map(\.heldOut) == ["b0", "b1", "b2"])
        #expect(together.render() == inTurn.render())
    }

    @Test func theBatchListIsReadAndCheckedWithLines() throws {
        let dir = Fixtures.tempDir()
        let path = dir.appendingPathComponent("batches.tsv").path
        try "# batches\nfile\tbatch\na.txt\tA\nb.txt\tB\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Batches.load(path: path).map(\.batch) == ["A", "B"])
        try "file\tbatch\na.txt\tA\na.txt\tB\nc.txt\t\n".write(toFile: path, atomically: true, encoding: .utf8)
        do { _ = try Batches.load(path: path); Issue.record("accepted a bad list") } catch {
            #expect(error.description.contains("\(path):3:1: error: 'a.txt' is listed twice"))
            #expect(error.description.contains("\(path):4:7: error: no batch for 'c.txt'"))
        }
    }

    @Test func theTrainingSetsFileIsReadAndCheckedWithLines() throws {
        let dir = Fixtures.tempDir()
        let path = dir.appendingPathComponent("sets.tsv").path
        try "# sets\nfolder\tgold\tbatches\nData/unseen\tu.json\tData/unseen/batches.tsv\nData/batches/J\tj.json\t\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let sets = try TrainingSets.load(path: path)
        #expect(sets == [TrainingSet(folder: "Data/unseen", gold: "u.json", batches: "Data/unseen/batches.tsv"),
                         TrainingSet(folder: "Data/batches/J", gold: "j.json")])
        #expect(sets.map(\.wholeName) == ["unseen", "J"])
        try "folder\tgold\tbatches\nA\ta.json\t\nA\tb.json\t\nB\t\t\n".write(toFile: path, atomically: true, encoding: .utf8)
        do { _ = try TrainingSets.load(path: path); Issue.record("accepted a bad sets file") } catch {
            #expect(error.description.contains("\(path):3:1: error: 'A' is listed twice"))
            #expect(error.description.contains("\(path):4:3: error: no gold file for 'B'"))
        }
    }

    @Test func aGoldRowNamingItsDocumentGoesToThatDocumentsBatchOnly() throws {
        let dir = Fixtures.root.appendingPathComponent("Data/testcorpus").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        let full = try GoldFile.load(path: Fixtures.root.appendingPathComponent("Data/annotations/testcorpus.gold.json").path)
        let builder = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
        // A row that names a document goes to the batch listing it, and only there, whoever else names
        // its visitor and destination.
        let list = files.enumerated().map { (file: $0.element, batch: $0.offset % 2 == 0 ? "even" : "odd") }
        var row = try #require(full.visits.first)
        row.document = files[1]
        let gold = GoldFile(description: full.description, statuses: full.statuses, visits: [row])
        let (batches, unassigned) = Batches.split(directory: dir, list: list, gold: gold, builder: builder)
        #expect(unassigned.isEmpty)
        let holding = batches.filter { $0.gold.visits.contains(row) }
        #expect(holding.map(\.name) == ["odd"])
    }

    @Test func aBatchAnalysedOnceAssemblesTheModelABuildWithTheSameScorerMakes() throws {
        let dir = Fixtures.root.appendingPathComponent("Data/testcorpus").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        let gold = try GoldFile.load(path: Fixtures.root.appendingPathComponent("Data/annotations/testcorpus.gold.json").path)
        let batch = TrainingBatch(name: "all", directory: dir, files: files, gold: gold)
        let builder = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 2)
        let analysed = AnalysedBatch(batch, builder: builder)
        var (scorer, _) = Trainer.train([analysed], settings: .init(iterations: 20))
        scorer.filters = true
        scorer.threshold = 0.5
        // And one that keeps the proposed candidates (rule visit.proposed) of probability 0.3 or more.
        var proposing = scorer
        proposing.filters = false
        proposing.proposes = true
        proposing.proposedThreshold = 0.3
        for candidate in [nil, scorer, proposing] as [VisitScorer?] {
            var b = builder
            b.scorer = candidate
            let built = batch.build(b).0.visits, assembled = analysed.corpus(scorer: candidate).visits
            #expect(!built.isEmpty)
            #expect(built.map(\.visitor) == assembled.map(\.visitor))
            #expect(built.map(\.destination) == assembled.map(\.destination))
            #expect(built.map(\.confidence) == assembled.map(\.confidence))
        }
    }
}

@Suite("Ablation by rule")
struct AblationTests {
    @Test func takingOutATriggerLosesTheVisitsOnlyItFoundAndNothingElse() throws {
        let dir = Fixtures.root.appendingPathComponent("Data/testcorpus").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        let gold = try GoldFile.load(path: Fixtures.root.appendingPathComponent("Data/annotations/testcorpus.gold.json").path)
        let analysed = [AnalysedBatch(TrainingBatch(name: "all", directory: dir, files: files, gold: gold),
                                      builder: CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 2))]
        let ablation = Ablation.run(analysed)
        // The bundled corpus is the rules' own: every gold row found, nothing extra.
        #expect(ablation.all.missed == 0 && ablation.all.extra == 0 && ablation.all.right > 0)
        let used = analysed[0].candidatesPerRule()
        #expect(Set(ablation.rows.map(\.rule)) == Set(used.keys))
        // Taking out the rule that dates most candidates loses visits; a rule no candidate used is not listed.
        let nearest = try #require(ablation.rows.first { $0.rule == .dateNearest })
        #expect(nearest.candidates == used[.dateNearest] && nearest.without.missed > 0 && nearest.without.f1 < ablation.all.f1)
        #expect(!ablation.rows.contains { $0.rule == .visitProposed && used[.visitProposed] == nil })
        // Worst first, and the table says so.
        #expect(ablation.rows.map(\.without.f1) == ablation.rows.map(\.without.f1).sorted())
        #expect(ablation.render().contains("| `date.nearest` | \(nearest.candidates) |"))
    }
}

/// Numbers in [0, 1) from a 64-bit linear congruential generator: the same on every machine, for training samples.
struct UnitRandom {
    var seed: UInt64
    mutating func next() -> Float {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Float(seed >> 40) / Float(1 << 24)
    }
}
