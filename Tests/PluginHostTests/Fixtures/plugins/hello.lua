-- A plugin with one parameter of each type; its report shows what it received.
return {
  name = "hello",
  title = "Hello, parameters",
  description = "Echoes its parameters.",
  version = "1.2.3",
  author = "Tests",
  categories = { "demo" },
  params = {
    level = { type = "string", default = "high", choices = { "high", "minister", "other" },
              description = "A level." },
    min_level = { type = "string", description = "Close to 'level', for did-you-mean." },
    limit = { type = "integer", default = 3 },
    ratio = { type = "number", default = 0.5 },
    verbose = { type = "boolean", default = false },
    since = { type = "date", default = "1950" },
    country = { type = "country", default = "Vietnam" },
    who = { type = "person" },
  },
  run = function(ctx)
    local p = ctx.params
    local lines = {}
    for _, key in ipairs({ "level", "min_level", "limit", "ratio", "verbose", "since", "country", "who" }) do
      local value = p[key]
      lines[#lines + 1] = ("%s=%s (%s)"):format(key, tostring(value), math.type(value) or type(value))
    end
    ctx.report.list(lines)
    ctx.report.paragraph(("visits: %d"):format(ctx.corpus.visits{}:count()))
  end,
}
