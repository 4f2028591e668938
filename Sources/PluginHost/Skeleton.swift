// `dossier new NAME`: a working plugin to start from, and its test.

import Foundation

public enum PluginSkeleton {
    /// Whether `name` can name a plugin: lower-case letters, digits, '-' and '_', starting with a letter.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// The plugin: high-level visits per year as a table and a bar chart, with two parameters.
    public static func source(name: String, author: String?) -> String {
        let authorLine = author.map { "  author = \(luaString($0)),\n" } ?? ""
        return """
        -- \(name): a Dossier report plugin.
        --   dossier run \(name)                       run it on the bundled corpus
        --   dossier run \(name) --param country=VNM   only visits to Vietnam
        --   dossier test \(name) --update             record its output as the expected test result
        -- The API: `dossier docs`; editor completion: `dossier stubs > .dossier-meta.lua` in this folder,
        -- with a .luarc.json that lists it (docs/first-plugin.md, "Set up your editor").
        return {
          name = \(luaString(name)),
          title = "High-level visits per year",
          description = "Counts the visits that took place, per year, as a table and a bar chart.",
          version = "0.1.0",
        \(authorLine)  categories = { "visits" },
          params = {
            country = {
              type = "country",
              description = "Only visits to this country (ISO code or name); all countries when not given.",
            },
            min_level = {
              type = "string",
              default = "high",
              choices = { "high", "head_of_party", "head_of_state", "head_of_government", "minister", "other" },
              description = "The lowest level of visitor counted (\\"high\\": heads of party, state, government or legislature).",
            },
          },
          run = function(ctx)
            local corpus, report, params = ctx.corpus, ctx.report, ctx.params
            local visits = corpus.visits{ to = params.country, min_level = params.min_level, status = "occurred" }
            local per_year = visits:count_by("year")

            local years = {}
            for year in pairs(per_year) do years[#years + 1] = year end
            table.sort(years)

            report.heading("Visits per year")
            if #years == 0 then
              report.paragraph("No visit matches.")
              return
            end
            local rows, categories, values = {}, {}, {}
            for _, year in ipairs(years) do
              rows[#rows + 1] = { year, per_year[year] }
              categories[#categories + 1] = tostring(year)
              values[#values + 1] = per_year[year]
            end
            report.table{
              columns = {
                { key = "year", title = "Year", type = "integer" },
                { key = "visits", title = "Visits", type = "integer" },
              },
              rows = rows,
            }
            report.chart{ type = "bar", title = "Visits per year", x_label = "Year", y_label = "Visits",
                          categories = categories, values = values }
          end,
        }

        """
    }

    /// The test's expected output, to be filled by `dossier test NAME --update`.
    public static func expectedPlaceholder(name: String) -> String {
        "<!-- Run `dossier test \(name) --update` to record the output of \(name) here, then check it. -->\n"
    }

    static func luaString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += "\\\(scalar.value)" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Writes `directory/NAME.lua` and `directory/tests/NAME.expected.md`; refuses to overwrite either.
    @discardableResult
    public static func write(name: String, into directory: URL, author: String?) throws(PluginError) -> (plugin: URL, expected: URL) {
        guard isValidName(name) else {
            throw PluginError(.params, "'\(name)' is not a valid plugin name: use lower-case letters, digits, '-' and '_', starting with a letter")
        }
        let plugin = directory.appendingPathComponent("\(name).lua")
        let expected = directory.appendingPathComponent("tests", isDirectory: true).appendingPathComponent("\(name).expected.md")
        let fileManager = FileManager.default
        for url in [plugin, expected] where fileManager.fileExists(atPath: url.path) {
            throw PluginError(.io, "\(PluginFile.displayPath(url.path)) already exists; not overwriting it")
        }
        do {
            try fileManager.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(source(name: name, author: author).utf8).write(to: plugin, options: .atomic)
            try Data(expectedPlaceholder(name: name).utf8).write(to: expected, options: .atomic)
        } catch {
            throw PluginError(.io, "cannot write the plugin into \(PluginFile.displayPath(directory.path)): \(error.localizedDescription)")
        }
        return (plugin, expected)
    }
}
