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
            WHERE e.id = 'kim-jong-un' AND s.text LIKE '%Vietnam%' ORDER BY v.year;
            """)
        #expect(kim.contains("Kim Jong Un|VNM|2019"), "\(kim)")
        let hosts = try Self.sqlite(database, """
            SELECT DISTINCT v.destination, h.name FROM visits v JOIN entities h ON h.id = v.host_id
            JOIN visit_hosts vh ON vh.visit_id = v.id AND vh.position = 0 AND vh.entity_id = v.host_id ORDER BY v.destination;
            """)
        #expect(hosts.contains("PRK|Kim Jong Un"), "\(hosts)")
        let keys = try Self.sqlite(database, "SELECT count(*) = count(DISTINCT id) FROM entities; PRAGMA user_version;")
        #expect(keys == "1\n4\n")

        // The same ids, 1-based indexes and field names as the JSON export.
        let rows = try Self.sqlite(database, #"SELECT id, "index", visitor_country, start_date, corrected FROM visits ORDER BY "index";"#)
        let fromJSON = visits.stdout.split(separator: "\n").map { line -> String in
            let r = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
            return [r["id"] as? String ?? "?", String(r["index"] as? Int ?? 0), r["visitor_country"] as? String ?? "",
                    r["start_date"] as? String ?? "", (r["corrected"] as? Bool) == true ? "1" : "0"].joined(separator: "|")
        }
        #expect(rows.split(separator: "\n").map(String.init) == fromJSON)
        let documents = try CommandRunner.run(["export", "documents", "--format", "jsonl", "--quiet"])
        let documentIDs = documents.stdout.split(separator: "\n").compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"] as? String
        }
        #expect(try Self.sqlite(database, #"SELECT id FROM documents ORDER BY "index";"#).split(separator: "\n").map(String.init) == documentIDs)
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
