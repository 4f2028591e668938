import Foundation
import Testing

/// `dossier export --format sqlite`, opened with the sqlite3 shell.
@Suite("export --format sqlite")
struct SQLiteExportTests {
    static func sqlite(_ database: URL, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", "-separator", "|", database.path, sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: problem, as: UTF8.self))")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theModelIsQueryableWithForeignKeysThatHold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sqlite-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("model.db")
        let export = try CommandRunner.run(["export", "--format", "sqlite", "--out", database.path, "--quiet"])
        #expect(export.status == 0, "\(export.stderr)")

        // The same numbers as the JSON export.
        let visits = try CommandRunner.run(["export", "visits", "--format", "jsonl", "--quiet"])
        let visitCount = visits.stdout.split(separator: "\n").count
        let events = try CommandRunner.run(["export", "events", "--format", "jsonl", "--quiet"])
        let counts = try Self.sqlite(database, """
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM visits), (SELECT count(*) FROM events),
                   (SELECT count(*) FROM sentences) > 50, (SELECT count(*) FROM entity_mentions) > 50,
                   (SELECT count(*) FROM offices) > 0, (SELECT count(*) FROM mentions) > 0;
            """)
        #expect(counts == "5|\(visitCount)|\(events.stdout.split(separator: "\n").count)|1|1|1|1\n", "\(counts)")

        // Every reference holds, and a question across tables reads as it should.
        #expect(try Self.sqlite(database, "PRAGMA foreign_key_check;") == "")
        let kim = try Self.sqlite(database, """
            SELECT DISTINCT e.name, v.destination, v.year FROM visits v JOIN entities e ON e.id = v.visitor_id
            JOIN mentions m ON m.visit_id = v.id JOIN sentences s ON s.id = m.sentence_id
            WHERE e.key = 'kim-jong-un' AND s.text LIKE '%Vietnam%' ORDER BY v.year;
            """)
        #expect(kim.contains("Kim Jong Un|VNM|2019"), "\(kim)")
        let keys = try Self.sqlite(database, "SELECT count(*) = count(DISTINCT key) FROM entities; PRAGMA user_version;")
        #expect(keys == "1\n2\n")

        // Each mention has its own status and rules, and its spans lie in its sentence (byte offsets).
        let spans = try Self.sqlite(database, """
            SELECT count(*) > 0, sum(m.status IS NULL), sum(m.rules = ''),
                   sum(m.visitor_start IS NOT NULL AND (m.visitor_start < s.start OR m.visitor_end > s."end" OR m.visitor_end <= m.visitor_start)),
                   sum(m.date_start IS NOT NULL AND (m.date_start < s.start OR m.date_end > s."end" OR m.date_text IS NULL)),
                   sum(m.visitor_char_start > m.visitor_start)
            FROM mentions m JOIN sentences s ON s.id = m.sentence_id WHERE m.visit_id IS NOT NULL;
            """)
        #expect(spans == "1|0|0|0|0|0\n", "\(spans)")
    }

    @Test func sqliteNeedsAnOutputFileAndNoTable() throws {
        let noOut = try CommandRunner.run(["export", "--format", "sqlite"])
        #expect(noOut.status == 64)
        #expect(noOut.stderr.contains("--out"))
        let table = try CommandRunner.run(["export", "visits", "--format", "sqlite", "--out", "/tmp/x.db"])
        #expect(table.status == 64)
        let none = try CommandRunner.run(["export"])
        #expect(none.status == 64)
    }
}
