// corpus-bench: a deterministic generator of synthetic corpora, and the throughput benchmark.
//
//   corpus-bench generate --articles 100000 --out DIR [--seed 1] [--gazetteer Data/gazetteer]
//   corpus-bench run DIR [--jobs N] [--gazetteer Data/gazetteer] [--scorer FILE|none]   each build in a process of its own
//   corpus-bench build-once DIR [--jobs N] [--limit FILES]          one build (what `run` starts)
//   corpus-bench big [--sizes 10,50]          one huge article: time must grow linearly
//   corpus-bench single-line [--size 50]      one article as ordinary text, then as one line: the ratio (target 3x)
//   corpus-bench visits [--count 1000000]     a model of a million visits built directly, without text
//   corpus-bench startup [CORPUS]             gazetteer load, model build and export times (cold and warm)
//   corpus-bench memory DIR [--jobs N] [--texts-only]   where the memory of a built model goes
//   corpus-bench gazetteer-loop               200 gazetteer loads (for a profiler)
//   corpus-bench trace FILE [GAZETTEER...]    every stage's output for one article (development)
import CorpusModel
import Foundation

// MARK: Arguments

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: "--" + name), i + 1 < arguments.count else { return nil }
    let v = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return v
}
@MainActor func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
let command = arguments.first ?? ""
if !arguments.isEmpty { arguments.removeFirst() }
let gazetteerDir = option("gazetteer") ?? "Data/gazetteer"
/// The visit scorer, as `dossier` loads it: the bundled weights when they exist; `--scorer none` turns it off.
let scorerPath = option("scorer") ?? "Data/model/visit-scorer.tsv"
@MainActor func loadScorer() -> VisitScorer? {
    if scorerPath == "none" || !FileManager.default.fileExists(atPath: scorerPath) { return nil }
    do { return try VisitScorer.load(path: scorerPath) } catch { fail(error.description) }
}

@MainActor func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Peak resident memory of this process (VmHWM), in bytes.
@MainActor func peakMemory() -> Int { statusField("VmHWM:") }
/// Resident memory of this process now (VmRSS), in bytes.
@MainActor func residentMemory() -> Int { statusField("VmRSS:") }
@MainActor func statusField(_ name: String) -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in s.split(separator: "\n") where line.hasPrefix(name) {
        let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kb * 1024
    }
    return 0
}

@MainActor func loadGazetteer() -> Gazetteer {
    let (g, d) = Gazetteer.load(directory: URL(fileURLWithPath: gazetteerDir))
    if g.entities.isEmpty { fail("no gazetteer at \(gazetteerDir): \(d.first?.description ?? "")") }
    return g
}

@MainActor /// CPU time of this process (user + system), in seconds: steadier than wall time on a shared machine.
func cpuTime() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

// MARK: Generator

/// SplitMix64: small, fast and the same on every platform.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}

struct Generator {
    struct Leader { var name: String; var title: String; var titleVi: String; var country: String; var start: Int; var end: Int }
    var leaders: [Leader] = []
    var countries: [String: (name: String, nameVi: String?, demonym: String?, capital: String?)] = [:]
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
    let titles: [String: (String, String)] = [
        "head_of_party": ("General Secretary", "Tổng Bí thư"), "head_of_state": ("President", "Chủ tịch nước"),
        "head_of_government": ("Prime Minister", "Thủ tướng"), "legislature_head": ("Speaker", "Chủ tịch Quốc hội"),
        "deputy_head_of_government": ("Deputy Prime Minister", "Phó Thủ tướng"), "minister": ("Foreign Minister", "Bộ trưởng Ngoại giao"),
    ]
    let fillers = [
        "The two sides agreed to step up cooperation in trade, investment, education and tourism.",
        "Both leaders expressed satisfaction with the development of bilateral relations in recent years.",
        "They also exchanged views on regional and international issues of mutual concern.",
        "The talks took place in a friendly and sincere atmosphere.",
        "Bilateral trade reached a record level last year, according to official figures.",
        "The visit is expected to open a new chapter in relations between the two countries.",
        "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và du lịch.",
        "Cuộc hội đàm diễn ra trong bầu không khí hữu nghị, chân thành và tin cậy.",
    ]

    init(_ g: Gazetteer) {
        for e in g.entities where e.kind == .country {
            let capital = e.capital.flatMap { g.entity(id: $0)?.name }
            let vi = e.aliases.first { $0.unicodeScalars.contains { $0.value > 0x1E00 || $0.value == 0x0111 } }
            countries[e.id] = (e.name, vi, e.demonyms.first, capital)
        }
        for e in g.entities where e.kind == .person {
            for o in e.offices {
                guard let (t, tv) = titles[o.level.rawValue], let c = e.country ?? o.country, countries[c]?.capital != nil,
                      let s = o.start?.year else { continue }
                leaders.append(Leader(name: e.name, title: t, titleVi: tv, country: c, start: max(s, 1950),
                                      end: min(o.end?.year ?? 2025, 2025)))
            }
        }
        leaders.removeAll { $0.end < $0.start }
        leaders.sort { ($0.name, $0.title) < ($1.name, $1.title) }
    }

    func article(_ r: inout Random) -> (name: String, text: String) {
        let guest = r.pick(leaders)
        let year = guest.start + r.below(max(1, guest.end - guest.start + 1))
        // A host in office that year, from another country.
        var host = r.pick(leaders)
        for _ in 0..<200 {
            let h = r.pick(leaders)
            if h.country != guest.country && h.start <= year && year <= h.end { host = h; break }
        }
        let month = 1 + r.below(12), day = 1 + r.below(25), days = 2 + r.below(3)
        let dest = countries[host.country]!, from = countries[guest.country]!
        let city = dest.capital ?? dest.name
        let kind = r.pick(["state", "official", "working"])
        let vietnamese = r.below(5) == 0
        var lines: [String] = []
        if vietnamese {
            let kindVi = ["state": "cấp Nhà nước", "official": "chính thức", "working": "làm việc"][kind]!
            lines.append("\(guest.titleVi) \(guest.name) thăm \(kindVi) \(dest.nameVi ?? dest.name) ngày \(day)-\(day + days - 1)/\(month)/\(year) theo lời mời của \(host.titleVi) \(host.name).")
            lines.append("\(guest.titleVi) \(guest.name) hội đàm với \(host.titleVi) \(host.name) tại \(city).")
            for _ in 0..<(4 + r.below(6)) { lines.append(r.pick(fillers)) }
        } else {
            lines.append(" date \(year)-\(month < 10 ? "0" : "")\(month)-\(day + 1 < 10 ? "0" : "")\(day + 1) \(city.uppercased()) — \(from.demonym ?? from.name) \(guest.title) \(guest.name) arrived in \(city) on \(months[month - 1]) \(day) for a \(days)-day \(kind) visit to \(dest.name) at the invitation of \(host.title) \(host.name).")
            lines.append("\(guest.title) \(guest.name) held talks with \(host.title) \(host.name) on \(months[month - 1]) \(day + 1).")
            for _ in 0..<(4 + r.below(8)) { lines.append(r.pick(fillers)) }
            let past = r.pick(leaders)
            if past.country == guest.country, past.name != guest.name, let c = countries[host.country] {
                lines.append("\(past.title) \(past.name) visited \(c.name) in \(months[r.below(12)]) \(past.start).")
            }
            lines.append("The visit will be followed by a business forum in \(city). — VNS")
        }
        let slug = guest.name.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == " ") }
        return ("\(year)-\(String(String.UnicodeScalarView(slug)).replacingOccurrences(of: " ", with: "-"))", lines.joined(separator: "\n\n") + "\n")
    }
}

@MainActor func generate() {
    guard let out = option("out") else { fail("generate needs --out DIR") }
    let count = Int(option("articles") ?? "1000") ?? 1000
    var random = Random(state: UInt64(option("seed") ?? "1") ?? 1)
    let gen = Generator(loadGazetteer())
    try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var bytes = 0
    for i in 0..<count {
        let (name, text) = gen.article(&random)
        let path = "\(out)/\(String(format: "%06d", i))-\(name).txt"
        let data = Data(text.utf8)
        bytes += data.count
        _ = FileManager.default.createFile(atPath: path, contents: data)
    }
    print("wrote \(count) articles, \(mb(bytes)), to \(out)")
}

// MARK: Benchmarks

/// One build in this process, for `run`: prints "articles sentences bytes wall cpu visits events peak onDisk start",
/// where start is the resident memory before the build (runtime and gazetteer).
/// The first `--limit` files of the folder (all of them through `build(directory:)`, as `dossier` reads a corpus).
@MainActor func buildOnce() {
    guard let dir = arguments.first else { fail("build-once needs a corpus directory") }
    let jobs = option("jobs").flatMap(Int.init) ?? 1
    let limit = option("limit").flatMap(Int.init)
    let g = loadGazetteer()
    let start = residentMemory()
    var files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
    let all = limit == nil || limit! >= files.count
    if !all { files = Array(files.prefix(limit!)) }
    let onDisk = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: dir + "/" + $1)[.size] as? Int) ?? 0) }
    if all { files = [] } // the builder lists the folder itself
    var builder = CorpusBuilder(gazetteer: g, jobs: jobs)
    builder.scorer = loadScorer()
    let t0 = now(), c0 = cpuTime()
    let corpus = all ? builder.build(directory: URL(fileURLWithPath: dir)).0
                     : builder.build(files: files.map { (path: dir + "/" + $0, entry: ManifestEntry?.none) }).0
    let t = now() - t0, cpu = cpuTime() - c0
    let sentences = corpus.documents.reduce(0) { $0 + $1.sentences.count }
    let bytes = corpus.documents.reduce(0) { $0 + $1.byteCount }
    print(corpus.documents.count, sentences, bytes, t, cpu, corpus.visits.count, corpus.events.count, peakMemory(), onDisk, start)
}

/// Throughput, linearity and peak memory: each build runs in a process of its own (so each peak is that of
/// one build, as `dossier` makes one), on half of the corpus and then all of it, with one job and then two.
@MainActor func run() {
    guard let dir = arguments.first else { fail("run needs a corpus directory") }
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }
    if files.isEmpty { fail("no .txt files in \(dir)") }
    let jobsList = option("jobs").map { [Int($0) ?? 1] } ?? [1, 2]
    print("corpus \(dir): \(files.count) articles; each build in a process of its own; visit scorer: \(loadScorer() == nil ? "none" : scorerPath)")
    var worstRate = Double.infinity, worstRatio = 0.0, worstLinear = 0.0, worstMarginal = 0.0, startMB = 0.0
    for jobs in jobsList {
        var results: [(bytes: Int, cpu: Double, peak: Double)] = []
        for limit in [files.count / 2, files.count] {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["build-once", dir, "--jobs", String(jobs), "--limit", String(limit), "--gazetteer", gazetteerDir,
                               "--scorer", scorerPath]
            let pipe = Pipe()
            child.standardOutput = pipe
            do { try child.run() } catch { fail("cannot start \(CommandLine.arguments[0]): \(error)") }
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            child.waitUntilExit()
            let f = out.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            guard child.terminationStatus == 0, f.count == 10 else { fail("build-once failed: \(out)") }
            let (articles, sentences, bytes, t, cpu, visits, events, peak, onDisk) = (Int(f[0]), f[1], f[2], f[3], f[4], Int(f[5]), Int(f[6]), f[7], f[8])
            results.append((Int(bytes), cpu, peak))
            startMB = max(startMB, f[9] / 1e6)
            let perCore = sentences / cpu // CPU-seconds count the time of every core: this is the rate per core
            worstRate = min(worstRate, perCore)
            if limit == files.count { worstRatio = max(worstRatio, peak / onDisk) } // the target is for the whole corpus
            print(String(format: "  jobs %d: %6d articles %9.0f sentences %6.1f MB in %5.2f s: %7.0f sentences/s, %5.1f MB/s; CPU %5.2f s: %7.0f sentences per CPU-second; %d visits, %d events; peak memory %.1f MB, %.2fx the %.1f MB on disk",
                         jobs, articles, sentences, bytes / 1e6, t, sentences / t, bytes / 1e6 / t, cpu, perCore, visits, events,
                         peak / 1e6, peak / onDisk, onDisk / 1e6))
        }
        let sizeRatio = Double(results[1].bytes) / Double(results[0].bytes), cpuRatio = results[1].cpu / results[0].cpu
        // Linearity is judged on one job: with two, CPU time also counts the threads' contention, which
        // varies from run to run on a shared machine (printed above for information).
        if jobs == 1 || jobsList.count == 1 { worstLinear = max(worstLinear, cpuRatio / sizeRatio) }
        worstMarginal = max(worstMarginal, (results[1].peak - results[0].peak) / Double(results[1].bytes - results[0].bytes))
        print(String(format: "  jobs %d: size ratio %.2f, CPU time ratio %.2f (linear: equal)", jobs, sizeRatio, cpuRatio))
    }
    print(String(format: "throughput: %.0f sentences per CPU-second at worst (target 100,000 per core): %@", worstRate, worstRate >= 100_000 ? "PASS" : "FAIL"))
    print(String(format: "linear: CPU time grows %.2fx as fast as the corpus with %@ (1.00 is linear; up to 1.15 allowed for noise): %@",
                 worstLinear, jobsList.contains(1) ? "one job" : "\(jobsList[0]) jobs", worstLinear <= 1.15 ? "PASS" : "FAIL"))
    print(String(format: "peak memory: %.2fx the whole corpus on disk at worst (target 2x): %@", worstRatio, worstRatio <= 2 ? "PASS" : "FAIL"))
    print(String(format: "  of which fixed: %.1f MB before the build (runtime, gazetteer); each further MB of corpus adds %.2f MB at worst", startMB, worstMarginal))
}

@MainActor func big() {
    let sizes = (option("sizes") ?? "10,50").split(separator: ",").compactMap { Int($0) }
    let g = loadGazetteer()
    var random = Random(state: 7)
    let gen = Generator(g)
    var times: [(Int, Double)] = []
    for size in sizes {
        var text = ""
        text.reserveCapacity(size * 1_000_000 + 10_000)
        while text.utf8.count < size * 1_000_000 { text += gen.article(&random).text }
        let t0 = now(), c0 = cpuTime()
        let (corpus, _) = CorpusBuilder(gazetteer: g, jobs: 1).build(texts: [("big-\(size)MB.txt", text, nil)])
        let t = now() - t0, cpu = cpuTime() - c0
        let sentences = corpus.documents.first?.sentences.count ?? 0
        print(String(format: "one %d MB article: %d sentences, %d visits in %.2f s wall, %.2f s CPU (%.1f MB/s wall)", size, sentences,
                     corpus.visits.count, t, cpu, Double(text.utf8.count) / 1e6 / t))
        times.append((text.utf8.count, cpu))
    }
    if times.count >= 2 {
        print(String(format: "size ratio %.2f, CPU time ratio %.2f (linear: equal)", Double(times.last!.0) / Double(times[0].0),
                     times.last!.1 / times[0].1))
    }
}

/// One article of `--size` MB read and built from a file twice: as ordinary text (lines and paragraphs),
/// then with every line break made a space (one line). Reading must be linear whatever the line
/// structure: the one-line article may take at most 3x the time of the ordinary one.
@MainActor func singleLine() {
    let size = Int(option("size") ?? "50") ?? 50
    let g = loadGazetteer()
    var random = Random(state: 11)
    let gen = Generator(g)
    var text = ""
    text.reserveCapacity(size * 1_000_000 + 10_000)
    while text.utf8.count < size * 1_000_000 { text += gen.article(&random).text + "\n\n" }
    let oneLine = String(decoding: text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-bench-single-line-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    var results: [(String, Double, Double)] = []
    for (label, body) in [("ordinary", text), ("one line", oneLine)] {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? body.write(to: folder.appendingPathComponent("article.txt"), atomically: false, encoding: .utf8)
        let t0 = now(), c0 = cpuTime()
        let (corpus, _) = CorpusBuilder(gazetteer: g, jobs: 1).build(directory: folder)
        let t = now() - t0, cpu = cpuTime() - c0
        let document = corpus.documents.first
        print(String(format: "%@: %d MB, %d sentences, %d mentions, %d visits in %.2f s wall, %.2f s CPU", label, size,
                     document?.sentences.count ?? 0, document?.mentions.count ?? 0, corpus.visits.count, t, cpu))
        results.append((label, t, cpu))
    }
    let ratio = results[1].2 / max(results[0].2, 1e-9)
    print(String(format: "one line / ordinary CPU time: %.2fx (target at most 3x): %@", ratio, ratio <= 3 ? "PASS" : "FAIL"))
}

@MainActor func visits() {
    let count = Int(option("count") ?? "1000000") ?? 1_000_000
    let t0 = now()
    let people = (0..<1000).map { Entity(id: "p\($0)", kind: .person, name: "Person \($0)", country: "VNM") }
    var list: [Visit] = []
    list.reserveCapacity(count)
    for i in 0..<count {
        list.append(Visit(id: i, visitor: i % 1000, visitorCountry: "VNM", destination: i % 2 == 0 ? "PRK" : "RUS",
                          start: PartialDate(year: 1950 + i % 75, month: 1 + i % 12), kind: .official, level: .headOfState))
    }
    let corpus = Corpus(entities: people, visits: list)
    print(String(format: "%d visits built directly in %.2f s; peak memory %@", corpus.visits.count, now() - t0, mb(peakMemory())))
}

@MainActor func trace() {
    guard let path = arguments.first else { fail("trace needs a file") }
    let dirs = [URL(fileURLWithPath: gazetteerDir)] + arguments.dropFirst().map { URL(fileURLWithPath: $0) }
    let (g, _) = Gazetteer.load(directories: dirs)
    let (c, d) = CorpusBuilder(gazetteer: g, jobs: 1).build(files: [(path, nil)])
    for x in d { print(x) }
    for doc in c.documents {
        print("title: \(doc.title ?? "-") date: \(doc.date?.iso ?? "-") place: \(doc.place ?? "-") source: \(doc.source ?? "-") lang: \(doc.language)")
        for i in doc.sentences.indices {
            print("[\(i)] \(doc.sentenceText(i))")
            for m in doc.mentions where m.sentence == i { print("    \(m.role) \(c.entities[m.entity].id) '\(doc.slice(m.range))'") }
            for t in doc.times where t.sentence == i { print("    time '\(doc.slice(t.range))' = \(t.start.iso)\(t.end.map { ".." + $0.iso } ?? "")") }
        }
    }
    for v in c.visits {
        print("VISIT \(c.entities[v.visitor].name) -> \(v.destination) \(v.start?.iso ?? "?")..\(v.end?.iso ?? "") \(v.kind) \(v.level) \(v.status) sentences \(v.mentions.map(\.sentence))")
    }
    for e in c.events where e.kind != .visit {
        print("EVENT \(e.kind) \(e.participants.map { c.entities[$0].name }) \(e.countries) \(e.start?.iso ?? "?") \(e.status) \(e.label ?? "") \(e.mentions.map(\.sentence))")
    }
}

/// Wall time of the steps `dossier export` takes on the bundled corpus.
@MainActor func startup() {
    let corpusDir = arguments.first ?? "Data/corpus"
    var best = (Double.infinity, Double.infinity, Double.infinity)
    var entities = 0, documents = 0
    for _ in 0..<20 {
        let t0 = now()
        let (g, _) = Gazetteer.load(directory: URL(fileURLWithPath: gazetteerDir))
        let t1 = now()
        let (c, _) = CorpusBuilder(gazetteer: g).build(directory: URL(fileURLWithPath: corpusDir))
        let t2 = now()
        _ = try? Exporter.render(.visits, of: c, format: .json)
        let t3 = now()
        if entities == 0 {
            print(String(format: "first (cold) run: gazetteer %.1f ms, build %.1f ms, export %.1f ms", (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000))
        }
        best = (min(best.0, t1 - t0), min(best.1, t2 - t1), min(best.2, t3 - t2))
        entities = g.entities.count
        documents = c.documents.count
    }
    print(String(format: "best of 20: gazetteer %.1f ms (%d entities), build %.1f ms (%d documents), export %.1f ms",
                 best.0 * 1000, entities, best.1 * 1000, documents, best.2 * 1000))
}

@MainActor func memory() {
    guard let dir = arguments.first else { fail("memory needs a corpus directory") }
    func rss() -> Int {
        let s = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") { return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024 }
        return 0
    }
    let g = loadGazetteer()
    let before = rss()
    if arguments.contains("--texts-only") {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        var texts: [SourceText] = []
        for n in names { if let t = Reader.read(path: dir + "/" + n).0 { texts.append(t) } }
        print("texts only: \(texts.count) texts, RSS \(mb(rss() - before)) over the start")
        return
    }
    let jobs = option("jobs").flatMap(Int.init) ?? 2
    let (c, _) = CorpusBuilder(gazetteer: g, jobs: jobs).build(directory: URL(fileURLWithPath: dir))
    let after = rss()
    let docs = c.documents
    let count = { (f: (Document) -> Int) in docs.reduce(0) { $0 + f($1) } }
    print("documents \(docs.count), files \(mb(count { $0.byteCount })), sentences \(count { $0.sentences.count }), paragraphs \(count { $0.paragraphs.count }), mentions \(count { $0.mentions.count }), times \(count { $0.times.count })")
    print("visits \(c.visits.count) with \(c.visits.reduce(0) { $0 + $1.mentions.count }) mentions; events \(c.events.count) with \(c.events.reduce(0) { $0 + $1.mentions.count }) mentions")
    print("strides: Document \(MemoryLayout<Document>.stride), Sentence \(MemoryLayout<Sentence>.stride), Paragraph \(MemoryLayout<Paragraph>.stride), EntityMention \(MemoryLayout<EntityMention>.stride), TimeExpression \(MemoryLayout<TimeExpression>.stride), Visit \(MemoryLayout<Visit>.stride), Event \(MemoryLayout<Event>.stride), Mention \(MemoryLayout<Mention>.stride)")
    typealias Trim = @convention(c) (Int) -> Int32
    if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") { _ = unsafeBitCast(sym, to: Trim.self)(0) }
    print("RSS before \(mb(before)), after \(mb(after)), after malloc_trim \(mb(rss())), peak \(mb(peakMemory()))")
    withExtendedLifetime(c) {}
}

switch command {
case "memory": memory()
case "startup": startup()
case "gazetteer-loop": for _ in 0..<200 { _ = Gazetteer.load(directory: URL(fileURLWithPath: gazetteerDir)) }
case "generate": generate()
case "run": run()
case "build-once": buildOnce()
case "big": big()
case "single-line": singleLine()
case "visits": visits()
case "trace": trace()
default: fail("usage: corpus-bench generate|run|big|visits|startup|memory|gazetteer-loop|trace (see the comment at the top of main.swift)")
}
