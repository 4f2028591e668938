return {
  title = "Typo", version = "1.0.0", catagories = { "visits" },
  run = function(ctx) end,
}
