// `dossier train`: the visit scorer trained on the annotated batches, and its cross-validation by batch.
import ArgumentParser
import CorpusModel
import Foundation
import ScriptingAPI

extension Dossier {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train",
            abstract: "Train the visit scorer on the annotated batches and write its weights.",
            discussion: """
                The annotated sets are listed in --sets (folder, gold file, and optionally a file<TAB>batch list that \
                splits the folder into batches; a folder without one is a batch of its own, named after it). Every visit \
                candidate is labelled against the gold (visitor, destination, year and month, as `dossier evaluate` \
                matches them). The weights go to --out unless --cross-validate is given, which trains on all batches but \
                one and scores the held-out one, for each batch, and prints rules alone against rules + scorer, and the \
                share of visits of confidence >= 0.8 that are right. The written scorer filters visits only when \
                cross-validation measured it better than the rules alone, and keeps proposed candidates (rule \
                visit.proposed: pairs of a person and a foreign place no rule joined, persons at the scene an earlier \
                sentence placed, places of a sentence for the person it is about) only when rules + proposed + scorer \
                beat the rules alone by 0.01 pooled F1, in more held-out batches gaining than losing, without more \
                planned visits reported as occurred. \
                --ablation takes each rule out in turn (every candidate it helped to make, before the merge) and prints \
                the pooled figures without it.
                """)

        @Option(help: "The annotated sets (folder<TAB>gold<TAB>batches).") var sets = "Data/annotations/training-sets.tsv"
        @Option(help: "Where the weights go.") var out = "Data/model/visit-scorer.tsv"
        @Option(help: "A gazetteer overlay added to Data/gazetteer (docs/overlays.md); repeat for several.") var gazetteer: [String] = []
        @Option(help: "The L2 penalty on the weights.") var l2 = Trainer.settings.l2
        @Option(help: "The L2 penalty on the proposed candidates' weights (rule visit.proposed).") var proposedL2 = Trainer.proposedSettings.l2
        @Flag(help: "Print the cross-validation by batch instead of writing weights.") var crossValidate = false
        @Flag(help: "Print the ablation by rule instead of writing weights: pooled P, R and F1 of the rules alone with each rule's candidates taken out.")
        var ablation = false

        func run() throws {
            let dirs = CorpusOptions.unique((["Data/gazetteer"] + gazetteer).map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL })
            let (g, _) = Gazetteer.load(directories: dirs)
            guard !g.entities.isEmpty else { throw ValidationError("no gazetteer entities loaded (give one with --gazetteer DIR)") }
            let builder = CorpusBuilder(gazetteer: g)
            let all = try loadBatches(builder)
            var settings = Trainer.settings
            settings.l2 = l2
            var proposedSettings = Trainer.proposedSettings
            proposedSettings.l2 = proposedL2
            // Each batch is analysed once, for the cross-validation and the final training alike.
            let analysed = all.map { AnalysedBatch($0, builder: builder) }
            if ablation {
                print("ablation by rule over batches \(all.map(\.name).joined(separator: ", ")) (rules alone, no scorer):")
                print(Ablation.run(analysed).render(), terminator: "")
                return
            }
            let cv = CrossValidation.run(analysed, settings: settings, proposedSettings: proposedSettings)
            if crossValidate {
                print("cross-validation by batch (each batch scored by a scorer trained on the others):")
                print(cv.render(), terminator: "")
                return
            }
            let pooled = cv.pooled
            // The combination whose visits of confidence >= 0.8 were right most often in cross-validation.
            let shares = cv.confidentShare
            let combination: VisitScorer.Combination = (shares[.max] ?? 0) > (shares[.noisyOr] ?? 0) ? .max : .noisyOr
            var (scorer, losses) = Trainer.train(analysed, settings: settings, proposedSettings: proposedSettings, combination: combination)
            scorer.filters = pooled.scorer.f1 >= pooled.rules.f1 + CrossValidation.filterMargin
            scorer.proposes = cv.proposingHelps && scorer.proposedThreshold < 1
            let comment = """
                Visit scorer: logistic regression (L2 \(l2); proposed candidates L2 \(proposedL2)) over the features of visit candidates \
                (docs/corpus-model.md, 'The visit scorer').
                Made by `dossier train` on batches \(all.map(\.name).joined(separator: ", ")); loss \(String(format: "%.4f", losses.first ?? 0)) -> \(String(format: "%.4f", losses.last ?? 0)).
                Cross-validated pooled F1: rules \(String(format: "%.3f", pooled.rules.f1)), rules + scorer \(String(format: "%.3f", pooled.scorer.f1)); filter: \(scorer.filters ? "yes" : "no") (only with a gain of \(CrossValidation.filterMargin) or more).
                Proposed candidates (rule visit.proposed): rules + proposed + scorer \(String(format: "%.3f", pooled.proposed.f1)), planned or negated reported as occurred \(pooled.proposed.plannedAsOccurred) against \(pooled.rules.plannedAsOccurred) for the rules; held-out batches gaining \(cv.proposingFolds.gaining), losing \(cv.proposingFolds.losing); proposed: \(scorer.proposes ? "yes" : "no") (only with a gain of \(CrossValidation.proposingMargin) or more, more batches gaining than losing and no more planned reported as occurred).
                Visits of confidence >= 0.8 right in cross-validation: noisy-or \(String(format: "%.3f", shares[.noisyOr] ?? 0)), max \(String(format: "%.3f", shares[.max] ?? 0)); combine: \(combination.rawValue).
                Weights: a positive weight makes a candidate with the feature likelier right.
                """
            do { try scorer.text(comment: comment).write(toFile: out, atomically: true, encoding: .utf8) } catch {
                throw ValidationError("cannot write \(out): \(error.localizedDescription)")
            }
            print("wrote \(out): \(VisitFeature.allCases.count) + \(ProposedFeature.allCases.count) features, threshold \(String(format: "%.2f", scorer.threshold)), filter \(scorer.filters ? "yes" : "no"), proposed \(scorer.proposes ? "yes" : "no") at \(String(format: "%.2f", scorer.proposedThreshold))")
            print(cv.render(), terminator: "")
        }

        func loadBatches(_ builder: CorpusBuilder) throws -> [TrainingBatch] {
            let list: [TrainingSet]
            do { list = try TrainingSets.load(path: sets) } catch { throw ValidationError(error.description) }
            var all: [TrainingBatch] = []
            for set in list { all += try batches(of: set, builder) }
            var names = Set<String>()
            for batch in all where !names.insert(batch.name).inserted {
                throw ValidationError("\(sets): two batches are named '\(batch.name)'; batch names must differ across sets")
            }
            return all
        }

        /// The batches of one set: split by its list, or the whole folder as one batch.
        func batches(of set: TrainingSet, _ builder: CorpusBuilder) throws -> [TrainingBatch] {
            let gold = try loadGold(set.gold)
            guard let listPath = set.batches else {
                let files: [String]
                do { files = try TrainingSets.articles(in: set.folder) } catch {
                    throw ValidationError("\(sets): cannot list \(set.folder): \(error.localizedDescription)")
                }
                return [TrainingBatch(name: set.wholeName, directory: set.folder, files: files, gold: gold)]
            }
            let list: [(file: String, batch: String)]
            do { list = try Batches.load(path: listPath) } catch { throw ValidationError(error.description) }
            let (split, unassigned) = Batches.split(directory: set.folder, list: list, gold: gold, builder: builder)
            for row in unassigned {
                FileHandle.standardError.write(Data("\(set.gold): note: no batch names \(row.visitor) -> \(row.destination) \(row.when); row left out\n".utf8))
            }
            return split
        }

        func loadGold(_ path: String) throws -> GoldFile {
            do { return try GoldFile.load(path: path) } catch { throw ValidationError("cannot read gold file \(path): \(error)") }
        }
    }
}

/// `dossier evaluate --batches FILE`: each batch against the gold rows its articles name, then pooled.
enum BatchEvaluation {
    static func run(list path: String, gold: String, options: CorpusOptions) throws {
        let list: [(file: String, batch: String)]
        do { list = try Batches.load(path: path) } catch { throw ValidationError(error.description) }
        let goldFile: GoldFile
        do { goldFile = try GoldFile.load(path: gold) } catch { throw ValidationError("cannot read gold file \(gold): \(error)") }
        let folders = try options.corpusFolders()
        guard folders.count == 1 else { throw ValidationError("--batches reads one corpus folder, got \(folders.count)") }
        var builder = CorpusBuilder(gazetteer: Gazetteer.load(directories: try options.gazetteerFolders()).0)
        let (split, unassigned) = Batches.split(directory: folders[0].path, list: list, gold: goldFile, builder: builder)
        builder.scorer = try options.loadScorer()
        for row in unassigned {
            FileHandle.standardError.write(Data("\(gold): note: no batch names \(row.visitor) -> \(row.destination) \(row.when); row left out\n".utf8))
        }
        print(Batches.render(split, builder: builder), terminator: "")
    }
}
