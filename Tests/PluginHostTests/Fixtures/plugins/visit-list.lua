return {
  title = "Visit list",
  version = "1.0.0",
  categories = { "visits", "lists" },
  run = function(ctx)
    local items = {}
    for v in ctx.corpus.visits{}:sort_by("start_date") do
      items[#items + 1] = ("%s to %s, %s"):format(v.visitor_name, v.destination, tostring(v.year))
    end
    ctx.report.list(items)
  end,
}
