local util = require("fixture_util")
return {
  title = "Visit count",
  version = "1.0.0",
  categories = { "visits" },
  run = function(ctx)
    ctx.report.paragraph(util.plural(ctx.corpus.visits{}:count(), "visit"))
  end,
}
